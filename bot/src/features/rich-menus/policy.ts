import type { FriendFactsRow } from "@enishi/db";
import { findRichMenuPolicyRow, findRichMenus, updateDefaultLineRichMenu } from "@enishi/db";
import type { FriendFacts, PolicyDecision, PolicyRule, RichMenuPolicy } from "@enishi/shared";
import { PolicyRuleSchema } from "@enishi/shared";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { setLineDefaultRichMenu } from "./line-rich-menus.ts";

export interface LoadedPolicy {
  policy: RichMenuPolicy;
  version: number;
  /** LINE's default menu as we last set it. */
  defaultLineRichMenuId: string | null;
}

const StoredRulesSchema = z.array(PolicyRuleSchema);

/** The policy row, its JSON parsed with the same schema the API accepted it with. */
export async function loadPolicy(deps: Deps): Promise<LoadedPolicy> {
  const row = await findRichMenuPolicyRow(deps.db);
  const parsed = StoredRulesSchema.safeParse(JSON.parse(row.rules));
  if (!parsed.success) {
    // Never guess with a half-read policy: everyone would get the default menu.
    throw new Error(`rich_menu_policy.rules is not a valid rule list: ${parsed.error.issues[0]?.message ?? "?"}`);
  }
  const rules: PolicyRule[] = parsed.data;
  return {
    policy: { rules, defaultMenuId: row.default_menu_id },
    version: row.version,
    defaultLineRichMenuId: row.default_line_rich_menu_id,
  };
}

export function toPolicyFacts(row: FriendFactsRow): FriendFacts {
  return { tagIds: new Set(row.tagIds), rankId: row.rankId, storeId: row.storeId, linked: row.linked };
}

/**
 * What the friend's per-user link on LINE should be. The default menu is LINE's default, not a per-user
 * link: friends on it have no link (null), so changing the default is one call, not one per friend.
 */
export function targetLineRichMenuId(
  decision: PolicyDecision,
  policy: RichMenuPolicy,
  published: ReadonlyMap<string, string>,
): string | null {
  if (decision.menuId === null || decision.menuId === policy.defaultMenuId) return null;
  // Saving a policy requires its menus to be published; a menu LINE lost falls back to the default.
  return published.get(decision.menuId) ?? null;
}

/** Makes LINE's default menu the policy's default (or none); remembered so it is set only on a change. */
export async function syncLineDefault(deps: Deps, loaded: LoadedPolicy): Promise<void> {
  const menus = await findRichMenus(deps.db);
  const wanted = loaded.policy.defaultMenuId ? (menus.find((m) => m.id === loaded.policy.defaultMenuId)?.line_rich_menu_id ?? null) : null;
  if (wanted === loaded.defaultLineRichMenuId) return;
  await setLineDefaultRichMenu(deps, wanted);
  await updateDefaultLineRichMenu(deps.db, wanted);
}
