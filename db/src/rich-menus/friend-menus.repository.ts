import { type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";
import type { FriendRichMenuRow } from "./rich-menus.table.ts";

/** What the rich-menu policy looks at for one friend (shared/src/rich-menus/policy.ts FriendFacts). */
export interface FriendFactsRow {
  lineUserId: string;
  following: boolean;
  tagIds: string[];
  rankId: string | null;
  storeId: string | null;
  /** Linked to an imported shop membership; a LINE-only membership (origin 'line') is not a link. */
  linked: boolean;
}

interface FriendBaseRow {
  line_user_id: string;
  status: string;
  store_id: string | null;
  rank_id: string | null;
  origin: string | null;
}

// members.line_user_id is UNIQUE, so the join gives at most one membership per friend. Raw SQL: the members
// columns (store, rank, origin) belong to the membership feature's migrations, not to this one.
const FRIEND_BASE = sql`SELECT f.line_user_id, f.status, m.store_id, m.rank_id, m.origin
  FROM friends f LEFT JOIN members m ON m.line_user_id = f.line_user_id`;

function toFacts(base: FriendBaseRow, tagIds: string[]): FriendFactsRow {
  return {
    lineUserId: base.line_user_id,
    following: base.status === "following",
    tagIds,
    rankId: base.rank_id,
    storeId: base.store_id,
    linked: base.origin === "import",
  };
}

export async function findFriendFacts(db: Kysely<Database>, lineUserId: string): Promise<FriendFactsRow | undefined> {
  const { rows } = await sql<FriendBaseRow>`${FRIEND_BASE} WHERE f.line_user_id = ${lineUserId}`.execute(db);
  const base = rows[0];
  if (!base) return undefined;
  const tags = await db.selectFrom("friend_tags").select("tag_id").where("line_user_id", "=", lineUserId).execute();
  return toFacts(
    base,
    tags.map((t) => t.tag_id),
  );
}

/**
 * One page of following friends after `afterUserId` (keyset pagination on the primary key), with their tags,
 * in three range queries: no per-friend query and no long IN list (D1 binds at most 100 parameters).
 */
export async function findFriendFactsPage(db: Kysely<Database>, afterUserId: string, limit: number): Promise<FriendFactsRow[]> {
  const { rows } = await sql<FriendBaseRow>`${FRIEND_BASE}
    WHERE f.status = 'following' AND f.line_user_id > ${afterUserId}
    ORDER BY f.line_user_id LIMIT ${limit}`.execute(db);
  const last = rows.at(-1);
  if (!last) return [];
  const tags = await db
    .selectFrom("friend_tags")
    .select(["line_user_id", "tag_id"])
    .where("line_user_id", ">", afterUserId)
    .where("line_user_id", "<=", last.line_user_id)
    .execute();
  const byUser = new Map<string, string[]>();
  for (const t of tags) {
    const list = byUser.get(t.line_user_id);
    if (list) list.push(t.tag_id);
    else byUser.set(t.line_user_id, [t.tag_id]);
  }
  return rows.map((r) => toFacts(r, byUser.get(r.line_user_id) ?? []));
}

export function findFriendRichMenu(db: Kysely<Database>, lineUserId: string): Promise<FriendRichMenuRow | undefined> {
  return db.selectFrom("friend_rich_menus").selectAll().where("line_user_id", "=", lineUserId).executeTakeFirst();
}

/** Link states of the friends in (afterUserId, lastUserId]: the page the reconcile is working on. */
export async function findFriendRichMenusInRange(
  db: Kysely<Database>,
  afterUserId: string,
  lastUserId: string,
): Promise<Map<string, FriendRichMenuRow>> {
  const rows = await db
    .selectFrom("friend_rich_menus")
    .selectAll()
    .where("line_user_id", ">", afterUserId)
    .where("line_user_id", "<=", lastUserId)
    .execute();
  return new Map(rows.map((r) => [r.line_user_id, r]));
}

export interface LinkState {
  menuId: string | null;
  lineRichMenuId: string | null;
  ruleId: string | null;
}

/**
 * Records what LINE now shows a group of friends, in one statement however many they are: the IDs travel
 * as one JSON parameter read with json_each (D1 caps bound parameters at 100; on Postgres this would be
 * json_array_elements_text). `WHERE true` lets SQLite parse the upsert after a SELECT.
 */
export async function upsertFriendRichMenus(
  db: Kysely<Database>,
  lineUserIds: readonly string[],
  state: LinkState,
  at: number,
): Promise<void> {
  if (lineUserIds.length === 0) return;
  await sql`INSERT INTO friend_rich_menus (line_user_id, menu_id, line_rich_menu_id, rule_id, updated_at)
    SELECT value, ${state.menuId}, ${state.lineRichMenuId}, ${state.ruleId}, ${at} FROM json_each(${JSON.stringify(lineUserIds)}) WHERE true
    ON CONFLICT (line_user_id) DO UPDATE SET
      menu_id = excluded.menu_id, line_rich_menu_id = excluded.line_rich_menu_id,
      rule_id = excluded.rule_id, updated_at = excluded.updated_at`.execute(db);
}

/** How many friends have a per-user link to each LINE menu (the admin's menu list). */
export async function countFriendsPerLineMenu(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("friend_rich_menus")
    .select((eb) => ["line_rich_menu_id", eb.fn.countAll<number>().as("n")])
    .where("line_rich_menu_id", "is not", null)
    .groupBy("line_rich_menu_id")
    .execute();
  return new Map(rows.flatMap((r) => (r.line_rich_menu_id ? [[r.line_rich_menu_id, Number(r.n)] as const] : [])));
}

/** Friends linked to a LINE menu that no longer exists on LINE: forget the link, LINE dropped it too. */
export async function forgetLinksTo(db: Kysely<Database>, lineRichMenuId: string, at: number): Promise<void> {
  await db
    .updateTable("friend_rich_menus")
    .set({ line_rich_menu_id: null, menu_id: null, rule_id: null, updated_at: at })
    .where("line_rich_menu_id", "=", lineRichMenuId)
    .execute();
}
