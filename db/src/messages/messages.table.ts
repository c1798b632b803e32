import type { Generated, Insertable, Selectable } from "kysely";

export type MessageDirection = "in" | "out";
export type MessageSender = "customer" | "bot" | "staff" | "system";
export type MessageDelivery = "received" | "pending" | "sent" | "failed";
export type MessageMethod = "reply" | "push" | "multicast";

export interface MessagesTable {
  id: Generated<number>;
  line_user_id: string;
  direction: MessageDirection;
  sender: MessageSender;
  kind: string;
  text: string | null;
  /** The LINE message object as JSON (what was received, or what was sent). */
  payload: string;
  line_message_id: string | null;
  webhook_event_id: string | null;
  delivery: MessageDelivery;
  method: MessageMethod | null;
  retry_key: string | null;
  line_request_id: string | null;
  error: string | null;
  staff_user_id: string | null;
  outbound_key: string | null;
  /** What the bot did with an inbound customer message (migration 0013, decision 022); null for outbound rows. */
  bot_action: string | null;
  created_at: number;
  sent_at: number | null;
}
export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;
