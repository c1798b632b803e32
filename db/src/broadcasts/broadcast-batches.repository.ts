import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { BatchStatus, BroadcastBatchRow, NewBroadcastBatchRow } from "./broadcasts.table.ts";

// A batch writes its row twice in its life: the insert when planned, the final update when done. Nothing
// per recipient, nothing in between (decision 017).

/** Where planning stopped: the last batch planned (its seq and last recipient), if any. */
export function findLastPlannedBatch(
  db: Kysely<Database>,
  broadcastId: string,
): Promise<Pick<BroadcastBatchRow, "seq" | "last_recipient"> | undefined> {
  return db
    .selectFrom("broadcast_batches")
    .select(["seq", "last_recipient"])
    .where("broadcast_id", "=", broadcastId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Inserts the batch unless this seq exists. False means another planner got there first: the caller
 * stops, so two planners racing on one broadcast never plan the same recipients twice.
 */
export async function insertBatch(db: Kysely<Database>, row: NewBroadcastBatchRow): Promise<boolean> {
  const result = await db
    .insertInto("broadcast_batches")
    .values(row)
    .onConflict((oc) => oc.columns(["broadcast_id", "seq"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findBatch(db: Kysely<Database>, broadcastId: string, seq: number): Promise<BroadcastBatchRow | undefined> {
  return db.selectFrom("broadcast_batches").selectAll().where("broadcast_id", "=", broadcastId).where("seq", "=", seq).executeTakeFirst();
}

export interface BatchOutcome {
  status: Exclude<BatchStatus, "queued">;
  sent: number;
  failed: number;
  lineRequestId: string | null;
  error: string | null;
  at: number;
}

/** queued → done, once: a second finisher (a re-run that raced) changes nothing and learns it lost. */
export async function finishBatch(db: Kysely<Database>, broadcastId: string, seq: number, outcome: BatchOutcome): Promise<boolean> {
  const result = await db
    .updateTable("broadcast_batches")
    .set({
      status: outcome.status,
      sent_count: outcome.sent,
      failed_count: outcome.failed,
      line_request_id: outcome.lineRequestId,
      error: outcome.error,
      completed_at: outcome.at,
    })
    .where("broadcast_id", "=", broadcastId)
    .where("seq", "=", seq)
    .where("status", "=", "queued")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function cancelQueuedBatches(db: Kysely<Database>, broadcastId: string, at: number): Promise<number> {
  const result = await db
    .updateTable("broadcast_batches")
    .set({ status: "cancelled", completed_at: at })
    .where("broadcast_id", "=", broadcastId)
    .where("status", "=", "queued")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Queued batch numbers after `afterSeq`, for re-enqueueing them on resume. */
export async function findQueuedBatchSeqs(db: Kysely<Database>, broadcastId: string, afterSeq: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("broadcast_batches")
    .select("seq")
    .where("broadcast_id", "=", broadcastId)
    .where("seq", ">", afterSeq)
    .where("status", "=", "queued")
    .orderBy("seq")
    .limit(limit)
    .execute();
  return rows.map((r) => r.seq);
}

export interface BatchTotals {
  status: BatchStatus;
  batches: number;
  recipients: number;
  sent: number;
  failed: number;
  lastCompletedAt: number | null;
}

/** Progress is summed from the batch rows: the broadcast row carries no counters to keep in step. */
export async function findBatchTotals(db: Kysely<Database>, broadcastId: string): Promise<BatchTotals[]> {
  return (await findBatchTotalsOf(db, [broadcastId])).get(broadcastId) ?? [];
}

/** findBatchTotals for several broadcasts in one query (the list), by broadcast id. */
export async function findBatchTotalsOf(db: Kysely<Database>, broadcastIds: readonly string[]): Promise<Map<string, BatchTotals[]>> {
  const totals = new Map<string, BatchTotals[]>();
  if (broadcastIds.length === 0) return totals;
  const rows = await db
    .selectFrom("broadcast_batches")
    .select((eb) => [
      "broadcast_id",
      "status",
      eb.fn.countAll<number>().as("batches"),
      eb.fn.sum<number>("recipient_count").as("recipients"),
      eb.fn.sum<number>("sent_count").as("sent"),
      eb.fn.sum<number>("failed_count").as("failed"),
      eb.fn.max("completed_at").as("last_completed_at"),
    ])
    .where("broadcast_id", "in", broadcastIds)
    .groupBy(["broadcast_id", "status"])
    .execute();
  for (const r of rows) {
    const list = totals.get(r.broadcast_id) ?? [];
    list.push({
      status: r.status,
      batches: Number(r.batches),
      recipients: Number(r.recipients ?? 0),
      sent: Number(r.sent ?? 0),
      failed: Number(r.failed ?? 0),
      lastCompletedAt: r.last_completed_at === null ? null : Number(r.last_completed_at),
    });
    totals.set(r.broadcast_id, list);
  }
  return totals;
}

export type BatchSummaryRow = Omit<BroadcastBatchRow, "recipients" | "retry_key" | "last_recipient">;

export function findBatchPage(db: Kysely<Database>, broadcastId: string, afterSeq: number, limit: number): Promise<BatchSummaryRow[]> {
  return db
    .selectFrom("broadcast_batches")
    .select([
      "broadcast_id",
      "seq",
      "recipient_count",
      "status",
      "sent_count",
      "failed_count",
      "line_request_id",
      "error",
      "created_at",
      "completed_at",
    ])
    .where("broadcast_id", "=", broadcastId)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
}
