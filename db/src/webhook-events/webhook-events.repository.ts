import type { Kysely } from "kysely";
import type { Database } from "../database.ts";

export interface SeenEvent {
  webhookEventId: string;
  eventType: string;
  lineUserId: string | null;
  isRedelivery: boolean;
  eventTimestamp: number;
}

/**
 * Records events not seen before and returns the ids that were new. One INSERT OR IGNORE per event in a
 * single D1 batch: a redelivered or duplicated event id inserts nothing and so is never processed twice.
 */
export async function insertNewWebhookEvents(db: Kysely<Database>, events: readonly SeenEvent[], at: number): Promise<Set<string>> {
  const fresh = new Set<string>();
  // D1 runs each statement on its own; sequential awaits keep the set of new ids exact without a transaction.
  for (const e of events) {
    const result = await db
      .insertInto("webhook_events")
      .values({
        webhook_event_id: e.webhookEventId,
        event_type: e.eventType,
        line_user_id: e.lineUserId,
        is_redelivery: e.isRedelivery ? 1 : 0,
        event_timestamp: e.eventTimestamp,
        received_at: at,
        processed_at: null,
      })
      .onConflict((oc) => oc.column("webhook_event_id").doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) fresh.add(e.webhookEventId);
  }
  return fresh;
}

/** Undo the record of events that could not be queued, so LINE's redelivery gets them processed. */
export async function deleteWebhookEvents(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("webhook_events").where("webhook_event_id", "in", ids).execute();
}

export async function markWebhookEventProcessed(db: Kysely<Database>, webhookEventId: string, at: number): Promise<void> {
  await db.updateTable("webhook_events").set({ processed_at: at }).where("webhook_event_id", "=", webhookEventId).execute();
}
