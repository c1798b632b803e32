import { claimDueEnrolments } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";

/** A claimed step not done within this is claimed again (its job was lost): the lease on next_run_at. */
export const STEP_LEASE_MS = 10 * 60 * 1000;
const CLAIM_BATCH = 100;
const MAX_CLAIMS_PER_TICK = 5;

/**
 * Cron (every minute): claims due enrolment steps through the indexed next_run_at and enqueues one job
 * per step. Up to 500 steps a minute; more wait for the next tick, in due order.
 */
export async function runScenarioCron(deps: Deps, now: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_CLAIMS_PER_TICK; i++) {
    const claimed = await claimDueEnrolments(deps.db, now, now + STEP_LEASE_MS, CLAIM_BATCH);
    if (claimed.length === 0) break;
    await jobsQueue(deps.env).sendBatch(
      claimed.map((c) => ({
        body: { type: "scenario-step" as const, enrolmentId: c.id, round: c.round, stepIndex: c.step_index, at: now },
      })),
    );
    total += claimed.length;
    if (claimed.length < CLAIM_BATCH) break;
  }
  return total;
}
