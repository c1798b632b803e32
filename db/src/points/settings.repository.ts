import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { PointSettingsRow, StoreRow } from "./points.table.ts";

const DEFAULTS: PointSettingsRow = {
  id: 1,
  rate_bp: 100,
  expiry_months: 12,
  expiry_notice_days: 14,
  rank_window_months: 12,
  updated_by: null,
  updated_at: 0,
};

/** The migration inserts the one row; the defaults only cover a database someone emptied by hand. */
export async function findPointSettings(db: Kysely<Database>): Promise<PointSettingsRow> {
  return (await db.selectFrom("point_settings").selectAll().where("id", "=", 1).executeTakeFirst()) ?? DEFAULTS;
}

export async function upsertPointSettings(db: Kysely<Database>, row: Omit<PointSettingsRow, "id">): Promise<void> {
  await db
    .insertInto("point_settings")
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...row }))
    .execute();
}

export function findStores(db: Kysely<Database>): Promise<StoreRow[]> {
  return db.selectFrom("stores").selectAll().orderBy("created_at").orderBy("id").execute();
}

export function findStore(db: Kysely<Database>, id: string): Promise<StoreRow | undefined> {
  return db.selectFrom("stores").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertStore(db: Kysely<Database>, row: StoreRow): Promise<boolean> {
  const result = await db
    .insertInto("stores")
    .values(row)
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateStore(
  db: Kysely<Database>,
  id: string,
  patch: { name?: string; address?: string | null; point_rate_bp?: number | null },
): Promise<boolean> {
  const result = await db.updateTable("stores").set(patch).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
