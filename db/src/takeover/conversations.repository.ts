import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { ChatStateColumn, ConversationRow, NewConversationRow } from "./takeover.table.ts";

export function findConversation(db: Kysely<Database>, lineUserId: string): Promise<ConversationRow | undefined> {
  return db.selectFrom("conversations").selectAll().where("line_user_id", "=", lineUserId).executeTakeFirst();
}

/** The first write for a friend; a concurrent writer may have created it first, which is fine. */
export async function insertConversationIfAbsent(db: Kysely<Database>, row: NewConversationRow): Promise<void> {
  await db.insertInto("conversations").values(row).orIgnore().execute();
}

export type TakeoverColumns = Pick<
  ConversationRow,
  "state" | "assignee_user_id" | "assignee_name" | "reason" | "waiting_since" | "last_activity_at" | "misses" | "hours_notice_at"
>;

/**
 * Writes a takeover change only if nobody changed the row since it was read (`version`). Returns false
 * when someone did: the caller reads again and re-applies its event to what is there now.
 */
export async function updateTakeoverIfVersion(
  db: Kysely<Database>,
  lineUserId: string,
  version: number,
  columns: TakeoverColumns,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("conversations")
    .set({ ...columns, version: version + 1, updated_at: at })
    .where("line_user_id", "=", lineUserId)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface FaqTurn {
  question: string | null;
  messageId: number | null;
  answerId: string | null;
  candidates: readonly string[];
}

/** The bot's memory of its last FAQ turn. Separate columns from the takeover's: no version needed. */
export async function saveFaqTurn(db: Kysely<Database>, lineUserId: string, turn: FaqTurn, at: number): Promise<void> {
  const values = {
    faq_question: turn.question,
    faq_message_id: turn.messageId,
    faq_answer_id: turn.answerId,
    faq_candidates: JSON.stringify(turn.candidates),
  };
  await db
    .insertInto("conversations")
    .values({ line_user_id: lineUserId, state: "bot", last_activity_at: at, updated_at: at, ...values })
    .onConflict((oc) => oc.column("line_user_id").doUpdateSet(values))
    .execute();
}

/** Moves the read mark forward only (two staff opening the chat at once cannot move it back). */
export async function advanceReadThrough(db: Kysely<Database>, lineUserId: string, messageId: number, at: number): Promise<boolean> {
  const result = await db
    .insertInto("conversations")
    .values({ line_user_id: lineUserId, state: "bot", last_activity_at: at, updated_at: at, read_through_id: messageId })
    .onConflict((oc) =>
      oc
        .column("line_user_id")
        .doUpdateSet({ read_through_id: messageId })
        .where((eb) => eb.or([eb("conversations.read_through_id", "is", null), eb("conversations.read_through_id", "<", messageId)])),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Chats with a person involved and no activity since `before`: candidates for the idle release. */
export function findIdleConversations(db: Kysely<Database>, before: number, limit: number): Promise<ConversationRow[]> {
  return db
    .selectFrom("conversations")
    .selectAll()
    .where("state", "!=", "bot")
    .where("last_activity_at", "<", before)
    .orderBy("last_activity_at")
    .limit(limit)
    .execute();
}

export interface InboxRow {
  line_user_id: string;
  display_name: string | null;
  picture_url: string | null;
  friend_status: string;
  state: ChatStateColumn;
  assignee_user_id: string | null;
  assignee_name: string | null;
  reason: string | null;
  waiting_since: number | null;
  last_message_id: number;
  last_text: string | null;
  last_sender: string;
  last_at: number;
  unread: number;
}

/**
 * The staff inbox: the latest message per friend with who has the chat and how many customer messages
 * are unread. With a state filter it starts from `conversations` (indexed by state), longest waiting first.
 */
export function findInbox(db: Kysely<Database>, filter: { state?: ChatStateColumn; limit: number }): Promise<InboxRow[]> {
  const latest = db
    .selectFrom("messages")
    .select(["line_user_id"])
    .select((e) => e.fn.max("id").as("max_id"))
    .groupBy("line_user_id");
  let query = db
    .selectFrom("messages as m")
    .innerJoin(latest.as("latest"), (join) => join.onRef("latest.max_id", "=", "m.id"))
    .leftJoin("friends as f", "f.line_user_id", "m.line_user_id")
    .leftJoin("conversations as c", "c.line_user_id", "m.line_user_id")
    .select((eb) => [
      "m.line_user_id as line_user_id",
      "f.display_name as display_name",
      "f.picture_url as picture_url",
      eb.fn.coalesce("f.status", eb.val("following")).as("friend_status"),
      eb.fn.coalesce("c.state", eb.val("bot")).as("state"),
      "c.assignee_user_id as assignee_user_id",
      "c.assignee_name as assignee_name",
      "c.reason as reason",
      "c.waiting_since as waiting_since",
      "m.id as last_message_id",
      "m.text as last_text",
      "m.sender as last_sender",
      "m.created_at as last_at",
      eb
        .selectFrom("messages as u")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("u.line_user_id", "=", "m.line_user_id")
        .where("u.direction", "=", "in")
        .where((e) => e("u.id", ">", e.fn.coalesce("c.read_through_id", e.val(0))))
        .as("unread"),
    ]);
  if (filter.state === "bot") query = query.where((eb) => eb.or([eb("c.state", "is", null), eb("c.state", "=", "bot")]));
  else if (filter.state) query = query.where("c.state", "=", filter.state).orderBy("c.waiting_since");
  return query.orderBy("m.id", "desc").limit(filter.limit).execute() as Promise<InboxRow[]>;
}

/** How many chats wait for staff and how many staff hold: the inbox's tab counts. */
export async function countConversationsByState(db: Kysely<Database>): Promise<Record<"waiting" | "staff", number>> {
  const rows = await db
    .selectFrom("conversations")
    .select(["state"])
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("state", "!=", "bot")
    .groupBy("state")
    .execute();
  const counts = { waiting: 0, staff: 0 };
  for (const row of rows) if (row.state === "waiting" || row.state === "staff") counts[row.state] = Number(row.n);
  return counts;
}

/** A customer message's timeline row by its webhook event (a re-run of the job finds the first run's row). */
export async function findInboundMessageId(db: Kysely<Database>, webhookEventId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("messages")
    .select("id")
    .where("webhook_event_id", "=", webhookEventId)
    .where("direction", "=", "in")
    .executeTakeFirst();
  return row?.id;
}

/**
 * The newest customer row (what "read" reaches) and the newest LINE message among them: its payload
 * carries the markAsReadToken (taps on buttons are timeline rows too, but LINE has no token for them).
 */
export async function findReadMark(
  db: Kysely<Database>,
  lineUserId: string,
): Promise<{ latestId: number; tokenPayload: string | null } | undefined> {
  const inbound = db.selectFrom("messages").where("line_user_id", "=", lineUserId).where("direction", "=", "in");
  const [latest, message] = await Promise.all([
    inbound.select("id").orderBy("id", "desc").limit(1).executeTakeFirst(),
    inbound.select("payload").where("line_message_id", "is not", null).orderBy("id", "desc").limit(1).executeTakeFirst(),
  ]);
  return latest ? { latestId: latest.id, tokenPayload: message?.payload ?? null } : undefined;
}

/** A customer's own message in this chat (never another customer's, whatever id is sent). */
export function findCustomerMessage(
  db: Kysely<Database>,
  lineUserId: string,
  messageId: number,
): Promise<{ id: number; text: string | null } | undefined> {
  return db
    .selectFrom("messages")
    .select(["id", "text"])
    .where("id", "=", messageId)
    .where("line_user_id", "=", lineUserId)
    .where("direction", "=", "in")
    .executeTakeFirst();
}
