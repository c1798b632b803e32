import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { TagGroupRow, TagRow } from "./tags.table.ts";

/** Operators' management of tag groups and tags (names, colours, grouping, archiving). */

export function findTagGroups(db: Kysely<Database>): Promise<TagGroupRow[]> {
  return db.selectFrom("tag_groups").selectAll().orderBy("position").orderBy("name").execute();
}

export function findTagGroup(db: Kysely<Database>, id: string): Promise<TagGroupRow | undefined> {
  return db.selectFrom("tag_groups").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertTagGroup(
  db: Kysely<Database>,
  row: { id: string; name: string; color: string; position: number },
): Promise<void> {
  await db.insertInto("tag_groups").values(row).execute();
}

export async function updateTagGroup(
  db: Kysely<Database>,
  id: string,
  patch: { name?: string; color?: string; position?: number },
): Promise<boolean> {
  const result = await db.updateTable("tag_groups").set(patch).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The statements that delete a group, to run as one D1 batch (all or nothing): its tags stay, ungrouped
 * first (tags.group_id references the group); their friends and history are untouched. The second
 * statement's change count says whether there was such a group.
 */
export function deleteTagGroupQueries(db: Kysely<Database>, id: string): CompiledQuery[] {
  return [
    db.updateTable("tags").set({ group_id: null }).where("group_id", "=", id).compile(),
    db.deleteFrom("tag_groups").where("id", "=", id).compile(),
  ];
}

export interface TagWithCount extends TagRow {
  friend_count: number;
}

/** Every tag with how many friends have it (one grouped count, not a query per tag). */
export async function findTagsWithCounts(db: Kysely<Database>, includeArchived: boolean): Promise<TagWithCount[]> {
  let query = db
    .selectFrom("tags as t")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("friend_tags")
          .select((e) => ["tag_id", e.fn.countAll<number>().as("n")])
          .groupBy("tag_id")
          .as("c"),
      (join) => join.onRef("c.tag_id", "=", "t.id"),
    )
    .selectAll("t")
    .select((eb) => eb.fn.coalesce("c.n", eb.lit(0)).as("friend_count"))
    .orderBy("t.group_id")
    .orderBy("t.name");
  if (!includeArchived) query = query.where("t.archived_at", "is", null);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, friend_count: Number(r.friend_count) }));
}

/** Returns false when the name is taken (names are unique: features add tags by name). */
export async function insertTag(
  db: Kysely<Database>,
  row: { id: string; name: string; groupId: string | null; color: string | null; at: number },
): Promise<boolean> {
  const result = await db
    .insertInto("tags")
    .values({ id: row.id, name: row.name, group_id: row.groupId, color: row.color, created_at: row.at })
    .onConflict((oc) => oc.column("name").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateTag(
  db: Kysely<Database>,
  id: string,
  patch: { name?: string; groupId?: string | null; color?: string | null; archivedAt?: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable("tags")
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.groupId === undefined ? {} : { group_id: patch.groupId }),
      ...(patch.color === undefined ? {} : { color: patch.color }),
      ...(patch.archivedAt === undefined ? {} : { archived_at: patch.archivedAt }),
    })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
