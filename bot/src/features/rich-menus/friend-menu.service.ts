import { findFriend, findFriendFacts, findFriendRichMenu, findPublishedLineIds } from "@enishi/db";
import { explainPolicy } from "@enishi/shared";
import { sql } from "kysely";
import type { Deps } from "../../deps.ts";
import { notFound } from "../../errors.ts";
import { listMenus } from "./menus.service.ts";
import { policyChoices } from "./policy.service.ts";
import { loadPolicy, targetLineRichMenuId, toPolicyFacts } from "./policy.ts";

/**
 * For the admin: which rule chooses this friend's menu and why the rules before it did not, what LINE has
 * linked for them now, and the menu itself so the admin can preview it as the friend sees it.
 */
export async function explainFriendMenu(deps: Deps, userId: string) {
  const [friend, facts, loaded, current, published, menus, choices] = await Promise.all([
    findFriend(deps.db, userId),
    findFriendFacts(deps.db, userId),
    loadPolicy(deps),
    findFriendRichMenu(deps.db, userId),
    findPublishedLineIds(deps.db),
    listMenus(deps),
    policyChoices(deps),
  ]);
  if (!friend || !facts) throw notFound("No such friend / 友だちが見つかりません");
  const { decision, rules } = explainPolicy(loaded.policy, toPolicyFacts(facts));
  const target = targetLineRichMenuId(decision, loaded.policy, published);
  const linkedLineId = current?.line_rich_menu_id ?? null;
  const menuByLineId = new Map(menus.flatMap((m) => (m.published ? [[m.published.lineRichMenuId, m] as const] : [])));
  const tagName = new Map(choices.tags.map((t) => [t.id, t.name]));
  // What the friend sees: their per-user link, else LINE's default menu.
  const shown = linkedLineId ? (menuByLineId.get(linkedLineId) ?? null) : (menus.find((m) => m.isDefault && m.published) ?? null);
  return {
    friend: { userId, displayName: friend.display_name, pictureUrl: friend.picture_url, status: friend.status },
    facts: {
      tags: facts.tagIds.map((id) => ({ id, name: tagName.get(id) ?? id })),
      rank: facts.rankId
        ? (choices.ranks.find((r) => r.id === facts.rankId) ?? { id: facts.rankId, name: facts.rankId, nameEn: facts.rankId })
        : null,
      store: facts.storeId ? (choices.stores.find((s) => s.id === facts.storeId) ?? { id: facts.storeId, name: facts.storeId }) : null,
      linked: facts.linked,
    },
    decision: { ...decision, ruleName: rules.find((r) => r.chosen)?.name ?? null },
    rules,
    chosenMenu: decision.menuId ? (menus.find((m) => m.id === decision.menuId) ?? null) : null,
    shownMenu: shown,
    link: { lineRichMenuId: linkedLineId, updatedAt: current?.updated_at ?? null, viaDefault: linkedLineId === null },
    /** false: LINE shows something else than the policy says (a reconcile or the next change fixes it). */
    inSync: facts.following ? target === linkedLineId : true,
  };
}
export type FriendMenuExplanation = Awaited<ReturnType<typeof explainFriendMenu>>;

/** Friends by name or ID for the admin's "preview as" picker. */
export async function searchFriends(deps: Deps, query: string) {
  const q = query.trim();
  let select = deps.db.selectFrom("friends").select(["line_user_id", "display_name", "status"]).orderBy("last_active_at", "desc").limit(20);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A member number finds the friend who holds that membership (linked, or LINE-only).
    const holder = deps.db
      .selectFrom("members")
      .select((eb) => eb.fn.coalesce("line_user_id", "line_only_user_id").as("holder"))
      .where("member_number", "=", q);
    select = select.where((eb) =>
      eb.or([sql<boolean>`display_name LIKE ${pattern} ESCAPE '\\'`, eb("line_user_id", "=", q), eb("line_user_id", "in", holder)]),
    );
  }
  const rows = await select.execute();
  return rows.map((r) => ({ userId: r.line_user_id, displayName: r.display_name, status: r.status }));
}
