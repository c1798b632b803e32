import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { NewTakeoverEventRow, TakeoverEventRow } from "./takeover.table.ts";

export async function insertTakeoverEvent(db: Kysely<Database>, row: NewTakeoverEventRow): Promise<void> {
  await db.insertInto("takeover_events").values(row).execute();
}

export function findTakeoverEvents(db: Kysely<Database>, lineUserId: string, limit: number): Promise<TakeoverEventRow[]> {
  return db.selectFrom("takeover_events").selectAll().where("line_user_id", "=", lineUserId).orderBy("id", "desc").limit(limit).execute();
}
