import { findFriendFacts, findFriendRichMenu, findPublishedLineIds, upsertFriendRichMenus } from "@enishi/db";
import { evaluatePolicy } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";
import { LineApiError } from "../../line/errors.ts";
import { linkLineRichMenu, unlinkLineRichMenu } from "./line-rich-menus.ts";
import { loadPolicy, targetLineRichMenuId, toPolicyFacts } from "./policy.ts";

export interface ApplyOutcome {
  /** Our menu the policy chose (null: none, and no default). */
  menuId: string | null;
  /** The rule that chose it; null = the default. */
  ruleId: string | null;
  /** The per-user link LINE now has; null = none, LINE shows the default menu. */
  lineRichMenuId: string | null;
  /** Whether LINE was called (link or unlink). */
  changed: boolean;
  skipped?: "unknown-friend" | "not-following";
}

/**
 * Recomputes one friend's rich menu from the policy and links it on LINE only if it differs from what is
 * linked now (stored per friend). Call it after anything the policy looks at changes for this friend: tags
 * (done by addTag/removeTag through the tag listeners), rank, store, membership link, follow; and as a
 * scenario step. Idempotent: a second call with nothing changed makes no LINE call.
 */
export async function applyRichMenuPolicy(deps: Deps, userId: string): Promise<ApplyOutcome> {
  const [facts, loaded, published, current] = await Promise.all([
    findFriendFacts(deps.db, userId),
    loadPolicy(deps),
    findPublishedLineIds(deps.db),
    findFriendRichMenu(deps.db, userId),
  ]);
  const linkedNow = current?.line_rich_menu_id ?? null;
  if (!facts) return { menuId: null, ruleId: null, lineRichMenuId: linkedNow, changed: false, skipped: "unknown-friend" };
  // LINE keeps links of friends who blocked us; there is nothing to show them until they come back (follow).
  if (!facts.following) return { menuId: null, ruleId: null, lineRichMenuId: linkedNow, changed: false, skipped: "not-following" };

  const decision = evaluatePolicy(loaded.policy, toPolicyFacts(facts));
  const target = targetLineRichMenuId(decision, loaded.policy, published);
  if (target === linkedNow) return { ...decision, lineRichMenuId: target, changed: false };

  if (target === null) await unlinkLineRichMenu(deps, userId);
  else await linkLineRichMenu(deps, userId, target);
  await upsertFriendRichMenus(deps.db, [userId], { menuId: decision.menuId, lineRichMenuId: target, ruleId: decision.ruleId }, Date.now());
  return { ...decision, lineRichMenuId: target, changed: true };
}

/**
 * Recomputes now (the menu appears with the welcome message); if LINE fails, the queue retries it later
 * instead of failing the caller's job.
 */
export async function applyRichMenuPolicyOrQueue(deps: Deps, userId: string): Promise<void> {
  try {
    await applyRichMenuPolicy(deps, userId);
  } catch (error) {
    if (!(error instanceof LineApiError)) throw error;
    console.warn(JSON.stringify({ msg: "rich_menu_apply_deferred", userId, status: error.status }));
    await requestRichMenuRecompute(deps, userId);
  }
}

/**
 * The same recompute, later, through the queue: for callers inside a request (a staff tag change) that
 * should neither wait for LINE nor fail when LINE is slow. The queue retries it.
 */
export async function requestRichMenuRecompute(deps: Deps, userId: string): Promise<void> {
  await jobsQueue(deps.env).send({ type: "rich-menu-apply", userId });
}
