import type { Generated, Insertable, Selectable } from "kysely";

export type ChatStateColumn = "bot" | "waiting" | "staff";
export type HandoverReasonColumn = "requested" | "unhelpful" | "negative" | "out-of-scope" | "staff";

export interface ConversationsTable {
  line_user_id: string;
  state: Generated<ChatStateColumn>;
  assignee_user_id: string | null;
  assignee_name: string | null;
  reason: HandoverReasonColumn | null;
  waiting_since: number | null;
  last_activity_at: number;
  misses: Generated<number>;
  hours_notice_at: number | null;
  faq_question: string | null;
  faq_message_id: number | null;
  faq_answer_id: string | null;
  /** JSON array of FAQ entry ids the bot considered last (answer first, then the others) */
  faq_candidates: Generated<string>;
  read_through_id: number | null;
  version: Generated<number>;
  updated_at: number;
}
export type ConversationRow = Selectable<ConversationsTable>;
export type NewConversationRow = Insertable<ConversationsTable>;

export type TakeoverEventType = "handover" | "take" | "assign" | "resolve" | "release";

export interface TakeoverEventsTable {
  id: Generated<number>;
  line_user_id: string;
  type: TakeoverEventType;
  reason: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  assignee_user_id: string | null;
  assignee_name: string | null;
  created_at: number;
}
export type TakeoverEventRow = Selectable<TakeoverEventsTable>;
export type NewTakeoverEventRow = Insertable<TakeoverEventsTable>;
