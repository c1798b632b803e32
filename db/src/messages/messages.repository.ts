import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { MessageMethod, MessageRow, NewMessageRow } from "./messages.table.ts";

/** Inbound messages are keyed by their webhook event, so a redelivery cannot store one twice. */
export async function insertInboundMessage(db: Kysely<Database>, row: NewMessageRow): Promise<number | undefined> {
  const result = await db.insertInto("messages").values(row).orIgnore().returning("id").executeTakeFirst();
  return result?.id;
}

/**
 * Outbound messages are written as pending before the LINE call, so a crash leaves a trace, never a gap.
 * Rows carry an `outbound_key`; a re-run of the same job inserts nothing and gets the first run's rows
 * back (with their retry key), so it cannot send a second time.
 */
export async function insertOutboundMessages(db: Kysely<Database>, rows: readonly NewMessageRow[]): Promise<MessageRow[]> {
  if (rows.length === 0) return [];
  await db
    .insertInto("messages")
    .values([...rows])
    .orIgnore()
    .execute();
  const keys = rows.map((r) => r.outbound_key).filter((k): k is string => typeof k === "string");
  if (keys.length !== rows.length) throw new Error("insertOutboundMessages: every row needs an outbound_key");
  return db.selectFrom("messages").selectAll().where("outbound_key", "in", keys).orderBy("id").execute();
}

export interface DeliveryOutcome {
  delivery: "sent" | "failed";
  method: MessageMethod | null;
  retryKey: string | null;
  lineRequestId: string | null;
  error: string | null;
  at: number;
}

export async function updateMessagesDelivery(db: Kysely<Database>, ids: readonly number[], outcome: DeliveryOutcome): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("messages")
    .set({
      delivery: outcome.delivery,
      method: outcome.method,
      retry_key: outcome.retryKey,
      line_request_id: outcome.lineRequestId,
      error: outcome.error,
      sent_at: outcome.delivery === "sent" ? outcome.at : null,
    })
    .where("id", "in", [...ids])
    .execute();
}

/** Remembered before the push goes out, so a re-run never falls back to a reply after a push may have landed. */
export async function markMessagesPushing(db: Kysely<Database>, ids: readonly number[], retryKey: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("messages")
    .set({ method: "push", retry_key: retryKey })
    .where("id", "in", [...ids])
    .execute();
}

export function findTimeline(db: Kysely<Database>, lineUserId: string, limit: number, beforeId?: number): Promise<MessageRow[]> {
  let query = db.selectFrom("messages").selectAll().where("line_user_id", "=", lineUserId);
  if (beforeId !== undefined) query = query.where("id", "<", beforeId);
  return query.orderBy("id", "desc").limit(limit).execute();
}
