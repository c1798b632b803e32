import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { RichMenuPolicyRow } from "./rich-menus.table.ts";

/** The one policy row (created by migration 0007). */
export async function findRichMenuPolicyRow(db: Kysely<Database>): Promise<RichMenuPolicyRow> {
  const row = await db.selectFrom("rich_menu_policy").selectAll().where("id", "=", 1).executeTakeFirst();
  if (!row) throw new Error("rich_menu_policy row missing: apply migration 0007");
  return row;
}

/**
 * Replaces rules and default in one statement, only if the policy is still at `expectedVersion` (optimistic
 * concurrency: two admins editing at once cannot silently overwrite each other). Returns the new version,
 * or null when someone saved first.
 */
export async function replaceRichMenuPolicy(
  db: Kysely<Database>,
  input: { expectedVersion: number; rulesJson: string; defaultMenuId: string | null; updatedBy: string | null; at: number },
): Promise<number | null> {
  const result = await db
    .updateTable("rich_menu_policy")
    .set({
      rules: input.rulesJson,
      default_menu_id: input.defaultMenuId,
      version: input.expectedVersion + 1,
      updated_by: input.updatedBy,
      updated_at: input.at,
    })
    .where("id", "=", 1)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? input.expectedVersion + 1 : null;
}

/** Remembers which LINE menu is LINE's default now, so it is set again only when it changes. */
export async function updateDefaultLineRichMenu(db: Kysely<Database>, lineId: string | null): Promise<void> {
  await db.updateTable("rich_menu_policy").set({ default_line_rich_menu_id: lineId }).where("id", "=", 1).execute();
}
