import type { SqlFragment } from "@enishi/shared/segments/compile";
import { countQuery, previewQuery, recipientPageQuery } from "@enishi/shared/segments/compile";
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { NewSegmentRow, SegmentRow } from "./segments.table.ts";

export function findSegments(db: Kysely<Database>): Promise<SegmentRow[]> {
  return db.selectFrom("segments").selectAll().orderBy("updated_at", "desc").limit(200).execute();
}

export function findSegment(db: Kysely<Database>, id: string): Promise<SegmentRow | undefined> {
  return db.selectFrom("segments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertSegment(db: Kysely<Database>, row: NewSegmentRow): Promise<void> {
  await db.insertInto("segments").values(row).execute();
}

export async function updateSegment(
  db: Kysely<Database>,
  id: string,
  values: { name: string; description: string; filter: string; updated_at: number },
): Promise<boolean> {
  const result = await db.updateTable("segments").set(values).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Refuses (returns false) while a broadcast still names the segment: its history must stay readable. */
export async function deleteSegment(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("segments")
    .where("id", "=", id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("broadcasts").select("id").where("segment_id", "=", id))))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// The audience queries: the compiled segment predicate (shared/src/segments) run as one statement.

function run<R>(db: Kysely<Database>, fragment: SqlFragment): Promise<{ rows: R[] }> {
  return db.executeQuery<R>(CompiledQuery.raw(fragment.sql, fragment.params));
}

export async function countSegmentMembers(db: Kysely<Database>, where: SqlFragment): Promise<number> {
  const { rows } = await run<{ count: number }>(db, countQuery(where));
  return Number(rows[0]?.count ?? 0);
}

/** The next page of recipient IDs after `afterId`, in ID order. */
export async function findSegmentPage(db: Kysely<Database>, where: SqlFragment, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await run<{ line_user_id: string }>(db, recipientPageQuery(where, afterId, limit));
  return rows.map((r) => r.line_user_id);
}

export interface SegmentPreviewRow {
  line_user_id: string;
  display_name: string | null;
  picture_url: string | null;
  followed_at: number | null;
  last_active_at: number | null;
}

export async function findSegmentPreview(db: Kysely<Database>, where: SqlFragment, limit: number): Promise<SegmentPreviewRow[]> {
  const { rows } = await run<SegmentPreviewRow>(db, previewQuery(where, limit));
  return rows;
}
