import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { CannedReplyRow, NewCannedReplyRow } from "./notes.table.ts";

export function findCannedReplies(db: Kysely<Database>): Promise<CannedReplyRow[]> {
  return db.selectFrom("canned_replies").selectAll().orderBy("position").orderBy("title").execute();
}

export async function insertCannedReply(db: Kysely<Database>, row: NewCannedReplyRow): Promise<void> {
  await db.insertInto("canned_replies").values(row).execute();
}

export async function updateCannedReply(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Pick<CannedReplyRow, "title" | "body" | "position">> & { updated_at: number },
): Promise<boolean> {
  const result = await db.updateTable("canned_replies").set(patch).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteCannedReply(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom("canned_replies").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
