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

export interface ConversationSummaryRow {
  line_user_id: string;
  display_name: string | null;
  picture_url: string | null;
  status: string;
  last_message_id: number;
  last_text: string | null;
  last_sender: string;
  last_at: number;
}

/** Latest message per friend, newest conversations first. */
export function findRecentConversations(db: Kysely<Database>, limit: number): Promise<ConversationSummaryRow[]> {
  return db
    .selectFrom("messages as m")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("messages")
          .select(["line_user_id"])
          .select((e) => e.fn.max("id").as("max_id"))
          .groupBy("line_user_id")
          .as("latest"),
      (join) => join.onRef("latest.max_id", "=", "m.id"),
    )
    .leftJoin("friends as f", "f.line_user_id", "m.line_user_id")
    .select([
      "m.line_user_id as line_user_id",
      "f.display_name as display_name",
      "f.picture_url as picture_url",
      (eb) => eb.fn.coalesce("f.status", eb.val("following")).as("status"),
      "m.id as last_message_id",
      "m.text as last_text",
      "m.sender as last_sender",
      "m.created_at as last_at",
    ])
    .orderBy("m.id", "desc")
    .limit(limit)
    .execute() as Promise<ConversationSummaryRow[]>;
}
