import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { NewTrackedLinkRow, TrackedLinkRow } from "./links.table.ts";

/** A link as the redirect needs it: where to go, and the name of the tag to add (addTag works by name). */
export interface LinkForRedirect {
  id: string;
  destination: string;
  tag_name: string | null;
}

export function findLinkForRedirect(db: Kysely<Database>, code: string): Promise<LinkForRedirect | undefined> {
  return db
    .selectFrom("tracked_links as l")
    .leftJoin("tags as t", "t.id", "l.tag_id")
    .select(["l.id as id", "l.destination as destination", "t.name as tag_name"])
    .where("l.code", "=", code)
    .executeTakeFirst();
}

export async function insertLinkClick(
  db: Kysely<Database>,
  click: { linkId: string; lineUserId: string | null; at: number },
): Promise<void> {
  await db.insertInto("link_clicks").values({ link_id: click.linkId, line_user_id: click.lineUserId, clicked_at: click.at }).execute();
}

export interface TrackedLinkWithStats extends TrackedLinkRow {
  tag_name: string | null;
  clicks: number;
  unique_users: number;
}

/** Newest first, with total clicks and distinct attributed clickers (anonymous clicks count only as clicks). */
export async function findLinksWithStats(db: Kysely<Database>, limit = 500): Promise<TrackedLinkWithStats[]> {
  const rows = await db
    .selectFrom("tracked_links as l")
    .leftJoin("tags as t", "t.id", "l.tag_id")
    .leftJoin("link_clicks as c", "c.link_id", "l.id")
    .selectAll("l")
    .select((eb) => [
      "t.name as tag_name",
      eb.fn.count<number>("c.id").as("clicks"),
      eb.fn.count<number>("c.line_user_id").distinct().as("unique_users"),
    ])
    .groupBy("l.id")
    .orderBy("l.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), unique_users: Number(r.unique_users) }));
}

/** What a picker offers (the segment editor's "clicked a link"): newest first, no statistics. */
export function findLinkChoices(db: Kysely<Database>, limit = 500): Promise<Pick<TrackedLinkRow, "id" | "name" | "code">[]> {
  return db.selectFrom("tracked_links").select(["id", "name", "code"]).orderBy("created_at", "desc").limit(limit).execute();
}

export function findLink(db: Kysely<Database>, id: string): Promise<TrackedLinkRow | undefined> {
  return db.selectFrom("tracked_links").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts unless the code is taken; returns whether it was inserted (one conditional statement). */
export async function insertLink(db: Kysely<Database>, row: NewTrackedLinkRow): Promise<boolean> {
  const result = await db
    .insertInto("tracked_links")
    .values(row)
    .onConflict((oc) => oc.column("code").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The statements that delete a link and its clicks, to run as one D1 batch (all or nothing). */
export function deleteLinkQueries(db: Kysely<Database>, id: string): CompiledQuery[] {
  return [db.deleteFrom("link_clicks").where("link_id", "=", id).compile(), db.deleteFrom("tracked_links").where("id", "=", id).compile()];
}
