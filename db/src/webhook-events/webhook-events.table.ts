import type { Selectable } from "kysely";

export interface WebhookEventsTable {
  webhook_event_id: string;
  event_type: string;
  line_user_id: string | null;
  is_redelivery: number;
  event_timestamp: number;
  received_at: number;
  processed_at: number | null;
}
export type WebhookEventRow = Selectable<WebhookEventsTable>;
