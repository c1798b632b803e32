import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { ConversationNoteRow, NewConversationNoteRow } from "./notes.table.ts";

export async function insertConversationNote(db: Kysely<Database>, row: NewConversationNoteRow): Promise<ConversationNoteRow> {
  return db.insertInto("conversation_notes").values(row).returningAll().executeTakeFirstOrThrow();
}

export function findConversationNotes(db: Kysely<Database>, lineUserId: string, limit: number): Promise<ConversationNoteRow[]> {
  return db
    .selectFrom("conversation_notes")
    .selectAll()
    .where("line_user_id", "=", lineUserId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Only the author removes a note (checked in the statement, so nobody else's note can go). */
export async function deleteConversationNote(db: Kysely<Database>, lineUserId: string, id: number, authorUserId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("conversation_notes")
    .where("id", "=", id)
    .where("line_user_id", "=", lineUserId)
    .where("author_user_id", "=", authorUserId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
