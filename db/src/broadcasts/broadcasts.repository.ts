import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { BroadcastPauseReason, BroadcastRow, NewBroadcastRow } from "./broadcasts.table.ts";

// Broadcast rows: every state change is one conditional UPDATE, so two workers racing on the same
// broadcast (cron and a queue job, two queue retries) cannot both win a transition.

export async function insertBroadcast(db: Kysely<Database>, row: NewBroadcastRow): Promise<void> {
  await db.insertInto("broadcasts").values(row).execute();
}

export function findBroadcast(db: Kysely<Database>, id: string): Promise<BroadcastRow | undefined> {
  return db.selectFrom("broadcasts").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findRecentBroadcasts(db: Kysely<Database>, limit: number): Promise<BroadcastRow[]> {
  return db.selectFrom("broadcasts").selectAll().orderBy("created_at", "desc").limit(limit).execute();
}

/** Scheduled broadcasts whose time has come (cron). */
export function findDueScheduledBroadcasts(db: Kysely<Database>, now: number, limit: number): Promise<Pick<BroadcastRow, "id">[]> {
  return db
    .selectFrom("broadcasts")
    .select("id")
    .where("status", "=", "scheduled")
    .where("scheduled_at", "<=", now)
    .orderBy("scheduled_at")
    .limit(limit)
    .execute();
}

export function findBroadcastsByStatus(db: Kysely<Database>, status: "sending" | "paused", limit: number): Promise<BroadcastRow[]> {
  return db.selectFrom("broadcasts").selectAll().where("status", "=", status).orderBy("scheduled_at").limit(limit).execute();
}

/**
 * scheduled → sending, freezing the audience: the filter as it is now and the moment relative conditions
 * are measured from. Only one caller wins; the others see false.
 */
export async function startBroadcast(db: Kysely<Database>, id: string, frozen: { filter: string; audienceAt: number }): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({
      status: "sending",
      filter: frozen.filter,
      audience_at: frozen.audienceAt,
      started_at: frozen.audienceAt,
      updated_at: frozen.audienceAt,
    })
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .where("scheduled_at", "<=", frozen.audienceAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function finishPlanning(db: Kysely<Database>, id: string, recipientsTotal: number, at: number): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ planned_at: at, recipients_total: recipientsTotal, updated_at: at })
    .where("id", "=", id)
    .where("planned_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** sending → completed once the plan is complete and no batch is left queued; one statement. */
export async function completeBroadcastIfDone(db: Kysely<Database>, id: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ status: "completed", completed_at: at, updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("planned_at", "is not", null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("broadcast_batches").select("seq").where("broadcast_id", "=", id).where("status", "=", "queued"))),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function pauseBroadcast(
  db: Kysely<Database>,
  id: string,
  pause: { reason: BroadcastPauseReason; resumeAt: number; at: number },
): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ status: "paused", paused_reason: pause.reason, resume_at: pause.resumeAt, updated_at: pause.at })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * paused → sending, when its resume time has come (cron) or an operator resumes it now. Returns the resumed
 * row (undefined when it was not paused, or not yet due), so the caller need not read it again.
 */
export function resumeBroadcast(db: Kysely<Database>, id: string, at: number, force = false): Promise<BroadcastRow | undefined> {
  let query = db
    .updateTable("broadcasts")
    .set({ status: "sending", paused_reason: null, resume_at: null, updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "paused");
  if (!force) query = query.where("resume_at", "<=", at);
  return query.returningAll().executeTakeFirst();
}

export async function cancelBroadcast(db: Kysely<Database>, id: string, at: number): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ status: "cancelled", completed_at: at, updated_at: at })
    .where("id", "=", id)
    .where("status", "in", ["scheduled", "sending", "paused"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function failBroadcast(db: Kysely<Database>, id: string, error: string, at: number): Promise<void> {
  await db
    .updateTable("broadcasts")
    .set({ status: "failed", error, completed_at: at, updated_at: at })
    .where("id", "=", id)
    .where("status", "in", ["scheduled", "sending"])
    .execute();
}
