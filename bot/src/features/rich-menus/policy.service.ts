import { findRichMenus, replaceRichMenuPolicy } from "@enishi/db";
import type { RichMenuPolicy } from "@enishi/shared";
import { idsReferencedBy, policyIssues } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError, conflict } from "../../errors.ts";
import { loadPolicy, syncLineDefault } from "./policy.ts";
import { lineFailure } from "./publish.service.ts";
import { startReconcile } from "./reconcile.service.ts";

/** What the rule editor offers: tags, ranks and stores by ID and name. */
export async function policyChoices(deps: Deps) {
  const [tags, ranks, stores] = await Promise.all([
    deps.db.selectFrom("tags").select(["id", "name", "group_id", "color"]).where("archived_at", "is", null).orderBy("name").execute(),
    deps.db.selectFrom("ranks").select(["id", "name", "name_en"]).orderBy("min_points").execute(),
    deps.db.selectFrom("stores").select(["id", "name"]).orderBy("name").execute(),
  ]);
  return {
    tags: tags.map((t) => ({ id: t.id, name: t.name, groupId: t.group_id, color: t.color })),
    ranks: ranks.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en })),
    stores,
  };
}

type Issue = { path: string; message: string };

/** A saved policy only names what exists, and only published menus (a friend can only be linked to those). */
async function referenceIssues(deps: Deps, policy: RichMenuPolicy): Promise<Issue[]> {
  const [menus, choices] = await Promise.all([findRichMenus(deps.db), policyChoices(deps)]);
  const published = new Map(menus.map((m) => [m.id, m.line_rich_menu_id !== null]));
  const issues: Issue[] = [];
  const checkMenu = (menuId: string, path: string) => {
    const state = published.get(menuId);
    if (state === undefined) issues.push({ path, message: "No such menu / メニューが見つかりません" });
    else if (!state) issues.push({ path, message: "Publish this menu before using it / このメニューを先に公開してください" });
  };
  for (const [i, rule] of policy.rules.entries()) checkMenu(rule.menuId, `rules.${i}.menuId`);
  if (policy.defaultMenuId) checkMenu(policy.defaultMenuId, "defaultMenuId");
  const refs = idsReferencedBy(policy);
  const known = {
    tags: new Set(choices.tags.map((t) => t.id)),
    ranks: new Set(choices.ranks.map((r) => r.id)),
    stores: new Set(choices.stores.map((s) => s.id)),
  };
  for (const kind of ["tags", "ranks", "stores"] as const) {
    for (const id of refs[kind])
      if (!known[kind].has(id)) issues.push({ path: kind, message: `Unknown ${kind.slice(0, -1)} ${id} / 存在しない条件です` });
  }
  return issues;
}

export interface SavePolicyResult {
  version: number;
  reconcileRunId: string;
}

/**
 * Replaces the policy (optimistic: `version` must be the one the editor loaded), sets LINE's default menu,
 * and starts a reconcile that moves every friend whose menu changed, in bulk.
 */
export async function savePolicy(deps: Deps, policy: RichMenuPolicy, version: number, userId: string | null): Promise<SavePolicyResult> {
  const issues = [...policyIssues(policy), ...(await referenceIssues(deps, policy))];
  if (issues.length > 0) throw new AppError(400, "validation_failed", issues[0]?.message ?? "Invalid policy", issues);
  const saved = await replaceRichMenuPolicy(deps.db, {
    expectedVersion: version,
    rulesJson: JSON.stringify(policy.rules),
    defaultMenuId: policy.defaultMenuId,
    updatedBy: userId,
    at: Date.now(),
  });
  if (saved === null) {
    throw conflict("Someone changed the menu policy in the meantime: reload to see it / 他の人が先に変更しました。再読み込みしてください");
  }
  try {
    await syncLineDefault(deps, await loadPolicy(deps));
  } catch (error) {
    // The policy is saved; the reconcile sets the default again before it starts linking.
    console.warn(JSON.stringify({ msg: "default_rich_menu_not_set", error: lineFailure(error, "the default menu").message }));
  }
  const reconcileRunId = await startReconcile(deps, `policy v${saved}`);
  return { version: saved, reconcileRunId };
}
