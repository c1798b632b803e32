import type { Kysely } from "kysely";
import type { Database } from "../database.ts";

/** One row per follow or block; the key (user, type, time) makes a re-run of the same event write nothing. */
export async function recordFriendEvent(db: Kysely<Database>, lineUserId: string, type: "follow" | "unfollow", at: number): Promise<void> {
  await db.insertInto("friend_events").values({ line_user_id: lineUserId, type, at }).orIgnore().execute();
}

export type BotAction = "answered" | "suggested" | "smalltalk" | "other" | "handover" | "staff";

/**
 * What the bot did with a customer message, on that message's own timeline row (decision 022). A SET, not
 * an increment: a re-run of the job writes the same value. The conditions match the unique partial index
 * on inbound webhook event ids, so this is one indexed row update.
 */
export async function recordBotAction(db: Kysely<Database>, webhookEventId: string, action: BotAction): Promise<void> {
  await db
    .updateTable("messages")
    .set({ bot_action: action })
    .where("webhook_event_id", "=", webhookEventId)
    .where("direction", "=", "in")
    .where("webhook_event_id", "is not", null)
    .execute();
}
