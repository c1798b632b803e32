import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../database.ts";
import type { CouponSendBatchRow, CouponSendRow } from "./coupons.table.ts";

/** Creates the send; false when a send with this id (the admin's client key) already exists. */
export async function insertCouponSend(
  db: Kysely<Database>,
  row: { id: string; couponId: string; createdBy: string; now: number },
): Promise<boolean> {
  const result = await db
    .insertInto("coupon_sends")
    .values({ id: row.id, coupon_id: row.couponId, created_by: row.createdBy, status: "sending", created_at: row.now, finished_at: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function findCouponSend(db: Kysely<Database>, id: string): Promise<CouponSendRow | undefined> {
  return db.selectFrom("coupon_sends").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A coupon's newest sends, each with its batch totals (one query: sends joined to their batches). */
export async function findCouponSendsWithTotals(
  db: Kysely<Database>,
  couponId: string,
  limit = 20,
): Promise<(CouponSendRow & SendTotals)[]> {
  const rows = await db
    .selectFrom("coupon_sends as s")
    .leftJoin("coupon_send_batches as b", "b.send_id", "s.id")
    .selectAll("s")
    .select((eb) => [
      eb.fn.count<number>("b.send_id").as("batches"),
      sql<number>`COALESCE(SUM(CASE WHEN b.status = 'sent' THEN b.recipients ELSE 0 END), 0)`.as("sent"),
      sql<number>`COALESCE(SUM(CASE WHEN b.status = 'failed' THEN b.recipients ELSE 0 END), 0)`.as("failed"),
    ])
    .where("s.coupon_id", "=", couponId)
    .groupBy("s.id")
    .orderBy("s.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, batches: Number(r.batches), sent: Number(r.sent), failed: Number(r.failed) }));
}

/**
 * The batch row, created with its retry key on the first run; a re-run (queue retry, duplicate job) gets
 * the first run's row back and so the same retry key.
 */
export async function ensureSendBatch(
  db: Kysely<Database>,
  row: { sendId: string; batchNo: number; afterUserId: string; retryKey: string; now: number },
): Promise<CouponSendBatchRow> {
  await db
    .insertInto("coupon_send_batches")
    .values({
      send_id: row.sendId,
      batch_no: row.batchNo,
      retry_key: row.retryKey,
      after_user_id: row.afterUserId,
      recipients: 0,
      status: "pending",
      line_request_id: null,
      error: null,
      created_at: row.now,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(["send_id", "batch_no"]).doNothing())
    .execute();
  return db
    .selectFrom("coupon_send_batches")
    .selectAll()
    .where("send_id", "=", row.sendId)
    .where("batch_no", "=", row.batchNo)
    .executeTakeFirstOrThrow();
}

/**
 * Marks the batch done once; the `status = 'pending'` condition keeps a re-run from finishing it twice.
 * Returns whether this call was the one that finished it.
 */
export async function finishSendBatch(
  db: Kysely<Database>,
  done: { sendId: string; batchNo: number; recipients: number; ok: boolean; requestId: string | null; error: string | null; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable("coupon_send_batches")
    .set({
      status: done.ok ? "sent" : "failed",
      recipients: done.recipients,
      line_request_id: done.requestId,
      error: done.error,
      sent_at: done.now,
    })
    .where("send_id", "=", done.sendId)
    .where("batch_no", "=", done.batchNo)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SendTotals {
  batches: number;
  sent: number;
  failed: number;
}

export async function finishCouponSend(db: Kysely<Database>, sendId: string, now: number): Promise<void> {
  await db
    .updateTable("coupon_sends")
    .set({ status: "done", finished_at: now })
    .where("id", "=", sendId)
    .where("status", "=", "sending")
    .execute();
}
