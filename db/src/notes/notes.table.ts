import type { Generated, Insertable, Selectable } from "kysely";

export interface ConversationNotesTable {
  id: Generated<number>;
  line_user_id: string;
  author_user_id: string;
  author_name: string | null;
  body: string;
  created_at: number;
}
export type ConversationNoteRow = Selectable<ConversationNotesTable>;
export type NewConversationNoteRow = Insertable<ConversationNotesTable>;

export interface CannedRepliesTable {
  id: string;
  title: string;
  body: string;
  position: number;
  created_at: number;
  updated_at: number;
}
export type CannedReplyRow = Selectable<CannedRepliesTable>;
export type NewCannedReplyRow = Insertable<CannedRepliesTable>;
