import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { NewRichMenuRow, RichMenuImageRow, RichMenuRow } from "./rich-menus.table.ts";

export function findRichMenus(db: Kysely<Database>): Promise<RichMenuRow[]> {
  return db.selectFrom("rich_menus").selectAll().orderBy("created_at").orderBy("id").execute();
}

export function findRichMenu(db: Kysely<Database>, id: string): Promise<RichMenuRow | undefined> {
  return db.selectFrom("rich_menus").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findRichMenuByAlias(db: Kysely<Database>, aliasId: string): Promise<RichMenuRow | undefined> {
  return db.selectFrom("rich_menus").selectAll().where("alias_id", "=", aliasId).executeTakeFirst();
}

/** Our menu IDs → LINE's IDs, for the menus that are published. */
export async function findPublishedLineIds(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom("rich_menus").select(["id", "line_rich_menu_id"]).where("line_rich_menu_id", "is not", null).execute();
  return new Map(rows.flatMap((r) => (r.line_rich_menu_id ? [[r.id, r.line_rich_menu_id] as const] : [])));
}

export async function insertRichMenu(db: Kysely<Database>, row: NewRichMenuRow): Promise<void> {
  await db.insertInto("rich_menus").values(row).execute();
}

export interface RichMenuEdit {
  name: string;
  chatBarText: string;
  selected: boolean;
  aliasId: string | null;
  areasJson: string;
}

/**
 * Saves an edit and bumps the revision, only if nobody saved in between (`expectedRevision`): returns false
 * on a lost race so the editor can reload instead of overwriting someone's work.
 */
export async function updateRichMenu(
  db: Kysely<Database>,
  id: string,
  expectedRevision: number,
  edit: RichMenuEdit,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("rich_menus")
    .set((eb) => ({
      name: edit.name,
      chat_bar_text: edit.chatBarText,
      selected: edit.selected ? 1 : 0,
      alias_id: edit.aliasId,
      areas: edit.areasJson,
      revision: eb("revision", "+", 1),
      updated_at: at,
    }))
    .where("id", "=", id)
    .where("revision", "=", expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function bumpRichMenuRevision(db: Kysely<Database>, id: string, at: number): Promise<void> {
  await db
    .updateTable("rich_menus")
    .set((eb) => ({ revision: eb("revision", "+", 1), updated_at: at }))
    .where("id", "=", id)
    .execute();
}

/**
 * Records a successful publish of `revision` as LINE menu `lineId`. An edit saved during the publish has
 * bumped `revision` past it, so the menu still shows as changed (revision ≠ published_revision).
 */
export async function markRichMenuPublished(
  db: Kysely<Database>,
  id: string,
  publish: { revision: number; lineId: string; previousLineId: string | null; at: number },
): Promise<boolean> {
  // Compare-and-set on the previous LINE id: of two publishes racing, one wins and the other learns it lost.
  const result = await db
    .updateTable("rich_menus")
    .set({ line_rich_menu_id: publish.lineId, published_revision: publish.revision, published_at: publish.at, publish_error: null })
    .where("id", "=", id)
    .where((eb) =>
      publish.previousLineId === null ? eb("line_rich_menu_id", "is", null) : eb("line_rich_menu_id", "=", publish.previousLineId),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markRichMenuPublishFailed(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db
    .updateTable("rich_menus")
    .set({ publish_error: error.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

/** LINE lost the menu (deleted outside Enishi, or a fresh emulator): it must be published again. */
export async function clearRichMenuPublication(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("rich_menus").set({ line_rich_menu_id: null, published_revision: null }).where("id", "=", id).execute();
}

export async function deleteRichMenuRow(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom("rich_menus").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function findRichMenuImage(db: Kysely<Database>, menuId: string): Promise<RichMenuImageRow | undefined> {
  return db.selectFrom("rich_menu_images").selectAll().where("menu_id", "=", menuId).executeTakeFirst();
}

export function findRichMenuImageInfos(db: Kysely<Database>) {
  return db.selectFrom("rich_menu_images").select(["menu_id", "content_type", "width", "height", "byte_size", "uploaded_at"]).execute();
}

export async function upsertRichMenuImage(
  db: Kysely<Database>,
  row: Omit<RichMenuImageRow, "bytes"> & { bytes: Uint8Array },
): Promise<void> {
  await db
    .insertInto("rich_menu_images")
    .values(row)
    .onConflict((oc) =>
      oc.column("menu_id").doUpdateSet({
        content_type: row.content_type,
        width: row.width,
        height: row.height,
        byte_size: row.byte_size,
        bytes: row.bytes,
        uploaded_at: row.uploaded_at,
      }),
    )
    .execute();
}

/** D1 hands BLOBs back as an ArrayBuffer or as an array of byte values depending on the runtime. */
export function toBytes(value: RichMenuImageRow["bytes"]): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return Uint8Array.from(value);
}

export async function insertRetiredLineMenu(db: Kysely<Database>, lineId: string, menuId: string, at: number): Promise<void> {
  await db
    .insertInto("rich_menu_retired")
    .values({ line_rich_menu_id: lineId, menu_id: menuId, retired_at: at, deleted_at: null })
    .onConflict((oc) => oc.column("line_rich_menu_id").doNothing())
    .execute();
}

export function findRetiredLineMenus(db: Kysely<Database>, limit: number) {
  return db.selectFrom("rich_menu_retired").selectAll().where("deleted_at", "is", null).orderBy("retired_at").limit(limit).execute();
}

export async function markRetiredLineMenuDeleted(db: Kysely<Database>, lineId: string, at: number): Promise<void> {
  await db.updateTable("rich_menu_retired").set({ deleted_at: at }).where("line_rich_menu_id", "=", lineId).execute();
}
