import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { BotSettingsRow } from "./faq.table.ts";

/** The one settings row (created by migration 0010). */
export async function findBotSettings(db: Kysely<Database>): Promise<BotSettingsRow> {
  const row = await db.selectFrom("bot_settings").selectAll().where("id", "=", 1).executeTakeFirst();
  if (!row) throw new Error("bot_settings row missing: apply migration 0010");
  return row;
}

/** Put in the same D1 batch as the FAQ change itself, so no isolate can cache the new data under the old version. */
export function bumpFaqVersionQuery(db: Kysely<Database>, at: number): CompiledQuery {
  return db
    .updateTable("bot_settings")
    .set((eb) => ({ faq_version: eb("faq_version", "+", 1), updated_at: at }))
    .where("id", "=", 1)
    .compile();
}

export function updateFaqFileInfoQuery(db: Kysely<Database>, info: { shop: string; domain: string }, at: number): CompiledQuery {
  return db.updateTable("bot_settings").set({ faq_shop: info.shop, faq_domain: info.domain, updated_at: at }).where("id", "=", 1).compile();
}

export async function updateBotSettings(
  db: Kysely<Database>,
  patch: Partial<Pick<BotSettingsRow, "business_hours" | "release_after_hours" | "notify_staff_by_line">> & { updated_at: number },
): Promise<void> {
  await db.updateTable("bot_settings").set(patch).where("id", "=", 1).execute();
}
