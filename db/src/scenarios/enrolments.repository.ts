import type { Kysely, Updateable } from "kysely";
import type { Database } from "../database.ts";
import type { EnrolmentRow, ScenarioEnrolmentsTable, StepOutcome, StepRunRow } from "./scenarios.table.ts";

export interface NewEnrolment {
  scenarioId: string;
  userId: string;
  anchorAt: number;
  nextRunAt: number;
  context: string;
  allowReentry: boolean;
  at: number;
}

/**
 * Enrols the friend unless they are already in this scenario. A finished enrolment starts over (next
 * round) only when the scenario allows re-entry. One statement; returns whether the friend was enrolled.
 */
export async function enrolFriend(db: Kysely<Database>, e: NewEnrolment): Promise<boolean> {
  // A first enrolment and a re-entry start the round the same way.
  const roundStart = {
    status: "active",
    step_index: 0,
    anchor_at: e.anchorAt,
    next_run_at: e.nextRunAt,
    context: e.context,
    enrolled_at: e.at,
    updated_at: e.at,
  } as const;
  const result = await db
    .insertInto("scenario_enrolments")
    .values({ ...roundStart, scenario_id: e.scenarioId, line_user_id: e.userId, round: 1 })
    .onConflict((oc) => {
      const target = oc.columns(["scenario_id", "line_user_id"]);
      if (!e.allowReentry) return target.doNothing();
      return target
        .doUpdateSet((eb) => ({
          ...roundStart,
          round: eb(eb.ref("scenario_enrolments.round"), "+", 1),
          last_step_at: null,
          exit_reason: null,
          ended_at: null,
        }))
        .where("scenario_enrolments.status", "<>", "active");
    })
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findEnrolment(db: Kysely<Database>, id: number): Promise<EnrolmentRow | undefined> {
  return db.selectFrom("scenario_enrolments").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface ClaimedStep {
  id: number;
  round: number;
  step_index: number;
}

/**
 * Claims due enrolments by moving their next_run_at to `leaseUntil` in the same statement that selects
 * them: a second cron run finds nothing to claim, and a step whose job was lost is due again after the lease.
 */
export async function claimDueEnrolments(db: Kysely<Database>, now: number, leaseUntil: number, limit: number): Promise<ClaimedStep[]> {
  return db
    .updateTable("scenario_enrolments")
    .set({ next_run_at: leaseUntil })
    .where("id", "in", (eb) =>
      eb.selectFrom("scenario_enrolments").select("id").where("next_run_at", "<=", now).orderBy("next_run_at").limit(limit),
    )
    .where("next_run_at", "<=", now)
    .returning(["id", "round", "step_index"])
    .execute();
}

export interface StepRef {
  id: number;
  round: number;
  stepIndex: number;
}

/**
 * The one conditional UPDATE behind every step transition: it applies only while the enrolment is still
 * active on `ref`'s round and step, so a second worker (cron and a queue retry) changes nothing.
 */
async function updateActiveStep(db: Kysely<Database>, ref: StepRef, set: Updateable<ScenarioEnrolmentsTable>): Promise<boolean> {
  const result = await db
    .updateTable("scenario_enrolments")
    .set(set)
    .where("id", "=", ref.id)
    .where("round", "=", ref.round)
    .where("step_index", "=", ref.stepIndex)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves the enrolment from the step it was on to `toStep` (due at `nextRunAt`); false if it had moved on. */
export function advanceEnrolment(
  db: Kysely<Database>,
  ref: StepRef,
  next: { toStep: number; nextRunAt: number; at: number },
): Promise<boolean> {
  return updateActiveStep(db, ref, { step_index: next.toStep, next_run_at: next.nextRunAt, last_step_at: next.at, updated_at: next.at });
}

/** Leaves the step where it is but makes it due later (quiet hours). */
export function postponeStep(db: Kysely<Database>, ref: StepRef, nextRunAt: number, at: number): Promise<boolean> {
  return updateActiveStep(db, ref, { next_run_at: nextRunAt, updated_at: at });
}

export function endEnrolment(
  db: Kysely<Database>,
  ref: StepRef,
  end: { status: "completed" | "exited" | "stopped"; reason: string | null; lastStepAt: number | null; at: number },
): Promise<boolean> {
  return updateActiveStep(db, ref, {
    status: end.status,
    exit_reason: end.reason,
    next_run_at: null,
    ended_at: end.at,
    updated_at: end.at,
    ...(end.lastStepAt === null ? {} : { last_step_at: end.lastStepAt, step_index: ref.stepIndex + 1 }),
  });
}

/** Ends the friend's active enrolments in these scenarios at once (unfollow, purchase, exit tag). */
export async function exitFriendEnrolments(
  db: Kysely<Database>,
  userId: string,
  scenarioIds: readonly string[],
  reason: string,
  at: number,
): Promise<number> {
  if (scenarioIds.length === 0) return 0;
  const result = await db
    .updateTable("scenario_enrolments")
    .set({ status: "exited", exit_reason: reason, next_run_at: null, ended_at: at, updated_at: at })
    .where("line_user_id", "=", userId)
    .where("status", "=", "active")
    .where("scenario_id", "in", scenarioIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findActiveEnrolmentsOf(db: Kysely<Database>, userId: string): Promise<EnrolmentRow[]> {
  return db.selectFrom("scenario_enrolments").selectAll().where("line_user_id", "=", userId).where("status", "=", "active").execute();
}

export function findEnrolmentsOf(db: Kysely<Database>, userId: string): Promise<EnrolmentRow[]> {
  return db
    .selectFrom("scenario_enrolments")
    .selectAll()
    .where("line_user_id", "=", userId)
    .orderBy("enrolled_at", "desc")
    .limit(50)
    .execute();
}

export async function insertStepRun(
  db: Kysely<Database>,
  run: { enrolmentId: number; round: number; stepIndex: number; stepId: string; outcome: StepOutcome; detail: string | null; at: number },
): Promise<void> {
  await db
    .insertInto("scenario_step_runs")
    .values({
      enrolment_id: run.enrolmentId,
      round: run.round,
      step_index: run.stepIndex,
      step_id: run.stepId,
      outcome: run.outcome,
      detail: run.detail,
      ran_at: run.at,
    })
    .onConflict((oc) => oc.columns(["enrolment_id", "round", "step_index"]).doNothing())
    .execute();
}

export function findStepRuns(db: Kysely<Database>, enrolmentIds: readonly number[]): Promise<StepRunRow[]> {
  if (enrolmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("scenario_step_runs").selectAll().where("enrolment_id", "in", enrolmentIds).orderBy("id").execute();
}
