import type { EnrolmentRow } from "@enishi/db";
import {
  advanceEnrolment,
  endEnrolment,
  findEnrolment,
  findFriend,
  findFriendTags,
  findScenario,
  insertStepRun,
  postponeStep,
  type StepOutcome,
} from "@enishi/db";
import { isQuietAt, nextSendableAt } from "@enishi/shared/broadcasts/index";
import { type ScenarioStep, stepDueAt } from "@enishi/shared/scenarios/index";
import type { Deps } from "../../deps.ts";
import type { ScenarioStepJob } from "./scenario.jobs.ts";
import { type ParsedScenario, parseScenario } from "./scenario-rows.ts";
import { runStepActions } from "./step-actions.ts";

/** A paused scenario's due steps wait; they are looked at again after this. */
const PAUSED_RECHECK_MS = 15 * 60 * 1000;

interface Decision {
  outcome: Exclude<StepOutcome, "exited">;
  next: number;
  detail: string | null;
}

/** The step's condition on the friend's tags: run it, or skip / stop / branch ahead. */
function decide(step: ScenarioStep, stepIndex: number, steps: readonly ScenarioStep[], tags: ReadonlySet<string>): Decision {
  const condition = step.condition;
  const holds = !condition || (condition.is === "present") === tags.has(condition.tag);
  if (holds || !condition) return { outcome: "done", next: stepIndex + 1, detail: null };
  const why = `${condition.tag} ${condition.is === "present" ? "absent" : "present"}`;
  switch (condition.otherwise.type) {
    case "skip":
      return { outcome: "skipped", next: stepIndex + 1, detail: why };
    case "stop":
      return { outcome: "stopped", next: steps.length, detail: why };
    case "branch": {
      const target = condition.otherwise.toStepId;
      return { outcome: "branched", next: steps.findIndex((s) => s.id === target), detail: `${why} → ${target}` };
    }
  }
}

interface Next {
  stepIndex: number;
  nextRunAt: number;
}

/** Records the step and moves on; returns the next step and when it is due, or null when the enrolment ended. */
async function finish(
  deps: Deps,
  scenario: ParsedScenario,
  e: EnrolmentRow,
  run: Decision,
  step: ScenarioStep,
  now: number,
): Promise<Next | null> {
  const ref = { id: e.id, round: e.round, stepIndex: e.step_index };
  await insertStepRun(deps.db, {
    enrolmentId: e.id,
    round: e.round,
    stepIndex: e.step_index,
    stepId: step.id,
    outcome: run.outcome,
    detail: run.detail,
    at: now,
  });
  const nextStep = scenario.steps[run.next];
  if (run.outcome === "stopped" || !nextStep) {
    const stopped = run.outcome === "stopped";
    await endEnrolment(deps.db, ref, {
      status: stopped ? "stopped" : "completed",
      reason: stopped ? run.detail : null,
      lastStepAt: now,
      at: now,
    });
    return null;
  }
  const nextRunAt = stepDueAt(nextStep.delay, { anchorAt: e.anchor_at, previousAt: now }, scenario.quietHours);
  const moved = await advanceEnrolment(deps.db, ref, { toStep: run.next, nextRunAt, at: now });
  return moved ? { stepIndex: run.next, nextRunAt } : null;
}

/** Steps due at once (a skip, a branch, "after 0 minutes") run in the same job, up to this many. */
const MAX_STEPS_PER_JOB = 5;

/**
 * Runs the job's step, then any following steps already due, so an immediate chain (a branch, a skip,
 * "after 0 minutes") does not wait a cron tick per step.
 */
export async function runScenarioStep(deps: Deps, job: ScenarioStepJob): Promise<void> {
  let current = job;
  for (let i = 0; i < MAX_STEPS_PER_JOB; i++) {
    const next = await runOneStep(deps, current);
    if (!next || next.nextRunAt > Math.max(job.at ?? 0, Date.now())) return;
    current = { ...current, stepIndex: next.stepIndex };
  }
}

/**
 * Runs one due step of one enrolment: exits first (blocked friend, exit tag), quiet hours (postpone to
 * their end), the step's condition, its actions, then moves the enrolment to the next step and its due
 * time. Every write is conditional on the enrolment still being at this step, so a stale or repeated
 * job does nothing, and actions are idempotent for a job that crashed halfway.
 */
async function runOneStep(deps: Deps, job: ScenarioStepJob): Promise<Next | null> {
  const now = Math.max(job.at ?? 0, Date.now());
  const e = await findEnrolment(deps.db, job.enrolmentId);
  if (e?.status !== "active" || e.round !== job.round || e.step_index !== job.stepIndex) return null;
  const ref = { id: e.id, round: e.round, stepIndex: e.step_index };
  const row = await findScenario(deps.db, e.scenario_id);
  if (!row) {
    await endEnrolment(deps.db, ref, { status: "stopped", reason: "scenario deleted", lastStepAt: null, at: now });
    return null;
  }
  if (row.status !== "active") {
    await postponeStep(deps.db, ref, now + PAUSED_RECHECK_MS, now);
    return null;
  }
  const scenario = parseScenario(row);
  const step = scenario.steps[e.step_index];
  if (!step) {
    // The scenario lost steps since this friend was enrolled: they have seen everything there is.
    await endEnrolment(deps.db, ref, { status: "completed", reason: null, lastStepAt: null, at: now });
    return null;
  }

  const friend = await findFriend(deps.db, e.line_user_id);
  if (friend?.status !== "following") {
    if (scenario.exitOn.unfollow) {
      await endEnrolment(deps.db, ref, { status: "exited", reason: "unfollow", lastStepAt: null, at: now });
      return null;
    }
    // Unfollowed friends are skipped: nothing can reach them, but the scenario goes on should they return.
    return finish(deps, scenario, e, { outcome: "skipped", next: e.step_index + 1, detail: "not following" }, step, now);
  }
  const tags = new Set((await findFriendTags(deps.db, e.line_user_id)).map((t) => t.name));
  const exitTag = scenario.exitOn.tags.find((t) => tags.has(t));
  if (exitTag) {
    await endEnrolment(deps.db, ref, { status: "exited", reason: `tag:${exitTag}`, lastStepAt: null, at: now });
    return null;
  }
  if (isQuietAt(now, scenario.quietHours)) {
    await postponeStep(deps.db, ref, nextSendableAt(now, scenario.quietHours), now);
    return null;
  }

  const decision = decide(step, e.step_index, scenario.steps, tags);
  if (decision.outcome === "done") decision.detail = (await runStepActions(deps, row.id, e, e.step_index, step.actions)) || null;
  return finish(deps, scenario, e, decision, step, now);
}
