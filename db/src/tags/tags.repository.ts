import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { TagEventRow, TagRow, TagSource } from "./tags.table.ts";

export function findTagByName(db: Kysely<Database>, name: string): Promise<TagRow | undefined> {
  return db.selectFrom("tags").selectAll().where("name", "=", name).executeTakeFirst();
}

export function findTagById(db: Kysely<Database>, id: string): Promise<TagRow | undefined> {
  return db.selectFrom("tags").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findAllTags(db: Kysely<Database>): Promise<TagRow[]> {
  return db.selectFrom("tags").selectAll().orderBy("group_id").orderBy("name").execute();
}

/** Creates the tag (with `newId`) if no tag has this name; returns the tag either way. */
export async function ensureTag(db: Kysely<Database>, name: string, newId: string, at: number): Promise<TagRow> {
  await db
    .insertInto("tags")
    .values({ id: newId, name, group_id: null, color: null, created_at: at })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const tag = await findTagByName(db, name);
  if (!tag) throw new Error(`tag ${name} vanished after insert`);
  return tag;
}

export interface TagChange {
  lineUserId: string;
  tagId: string;
  source: TagSource;
  sourceRef: string | null;
  at: number;
}

/** Adds the tag; returns false (and records nothing) when the friend already had it. */
export async function insertFriendTag(db: Kysely<Database>, change: TagChange): Promise<boolean> {
  const result = await db
    .insertInto("friend_tags")
    .values({ line_user_id: change.lineUserId, tag_id: change.tagId, source: change.source, created_at: change.at })
    .onConflict((oc) => oc.columns(["line_user_id", "tag_id"]).doNothing())
    .executeTakeFirst();
  const added = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  if (added) await insertTagEvent(db, change, "add");
  return added;
}

/** Removes the tag; returns false when the friend did not have it. */
export async function deleteFriendTag(db: Kysely<Database>, change: TagChange): Promise<boolean> {
  const result = await db
    .deleteFrom("friend_tags")
    .where("line_user_id", "=", change.lineUserId)
    .where("tag_id", "=", change.tagId)
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows) === 1;
  if (removed) await insertTagEvent(db, change, "remove");
  return removed;
}

async function insertTagEvent(db: Kysely<Database>, change: TagChange, action: "add" | "remove"): Promise<void> {
  await db
    .insertInto("tag_events")
    .values({
      line_user_id: change.lineUserId,
      tag_id: change.tagId,
      action,
      source: change.source,
      source_ref: change.sourceRef,
      created_at: change.at,
    })
    .execute();
}

export interface FriendTagView {
  tag_id: string;
  name: string;
  color: string | null;
  group_id: string | null;
  source: string;
  created_at: number;
}

export function findFriendTags(db: Kysely<Database>, lineUserId: string): Promise<FriendTagView[]> {
  return db
    .selectFrom("friend_tags as ft")
    .innerJoin("tags as t", "t.id", "ft.tag_id")
    .select([
      "ft.tag_id as tag_id",
      "t.name as name",
      "t.color as color",
      "t.group_id as group_id",
      "ft.source as source",
      "ft.created_at as created_at",
    ])
    .where("ft.line_user_id", "=", lineUserId)
    .orderBy("t.name")
    .execute();
}

export function findTagEvents(db: Kysely<Database>, lineUserId: string, limit: number): Promise<TagEventRow[]> {
  return db.selectFrom("tag_events").selectAll().where("line_user_id", "=", lineUserId).orderBy("id", "desc").limit(limit).execute();
}
