import type { FriendFactsRow } from "@enishi/db";
import {
  advanceReconcileRun,
  findFriendFactsPage,
  findFriendRichMenusInRange,
  findPublishedLineIds,
  findReconcileRun,
  findStalledReconcileRuns,
  finishReconcileRun,
  insertReconcileRunQueries,
  touchReconcileRun,
  upsertFriendRichMenus,
} from "@enishi/db";
import { evaluatePolicy, type PolicyDecision } from "@enishi/shared";
import { runBatch } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";
import { BULK_LIMIT, bulkLinkLineRichMenu, bulkUnlinkLineRichMenu } from "./line-rich-menus.ts";
import { loadPolicy, syncLineDefault, targetLineRichMenuId, toPolicyFacts } from "./policy.ts";
import { deleteRetiredLineMenus } from "./retired.ts";

/**
 * Reconcile: the policy applied to every following friend, a page at a time, with bulk links of ≤ 500 users
 * per call. Each page is one queue job; the cursor (last friend done) is stored in D1 after the page, and
 * each friend's link state right after the bulk call that moved them, so a crash or a queue retry resumes
 * where it stopped and never links anyone twice. Calls are sequential within a page and pages follow one
 * another, far below LINE's 2,000 requests/s for bulk link; a 429 makes the queue retry the page in 60 s.
 */
export const RECONCILE_PAGE_SIZE = 1000;
/** A running run untouched this long lost its queue message (retries exhausted): cron re-enqueues it. */
export const RECONCILE_STALL_MS = 5 * 60 * 1000;

export async function startReconcile(deps: Deps, reason: string): Promise<string> {
  const runId = crypto.randomUUID();
  await runBatch(deps, insertReconcileRunQueries(deps.db, runId, reason.slice(0, 200), Date.now()));
  await jobsQueue(deps.env).send({ type: "rich-menu-reconcile", runId });
  return runId;
}

interface Move {
  userId: string;
  decision: PolicyDecision;
  target: string | null;
}

/** Friends whose LINE link must change, grouped by the LINE menu they move to (null = unlink to the default). */
function plan(page: FriendFactsRow[], current: Map<string, { line_rich_menu_id: string | null }>, decide: (f: FriendFactsRow) => Move) {
  const groups = new Map<string | null, Move[]>();
  for (const friend of page) {
    const move = decide(friend);
    if ((current.get(friend.lineUserId)?.line_rich_menu_id ?? null) === move.target) continue;
    const group = groups.get(move.target);
    if (group) group.push(move);
    else groups.set(move.target, [move]);
  }
  return groups;
}

/** Stores the new state of friends one bulk call moved; grouped by (menu, rule) so it is a few statements. */
async function recordMoves(deps: Deps, moves: Move[], at: number): Promise<void> {
  const byState = new Map<string, Move[]>();
  for (const move of moves) {
    const key = JSON.stringify([move.decision.menuId, move.decision.ruleId]);
    byState.set(key, [...(byState.get(key) ?? []), move]);
  }
  for (const group of byState.values()) {
    const first = group[0];
    if (!first) continue;
    const state = { menuId: first.decision.menuId, ruleId: first.decision.ruleId, lineRichMenuId: first.target };
    await upsertFriendRichMenus(
      deps.db,
      group.map((m) => m.userId),
      state,
      at,
    );
  }
}

export interface PageResult {
  done: boolean;
  friends: number;
  calls: number;
}

/** One page of a run. Returns done when the run has finished (or was superseded by a newer one). */
export async function runReconcilePage(deps: Deps, runId: string, pageSize = RECONCILE_PAGE_SIZE): Promise<PageResult> {
  const run = await findReconcileRun(deps.db, runId);
  if (run?.status !== "running") return { done: true, friends: 0, calls: 0 };
  const [loaded, published] = await Promise.all([loadPolicy(deps), findPublishedLineIds(deps.db)]);
  // First page: LINE's default menu first, since friends moving to the default are unlinked onto it.
  if (run.cursor === null) await syncLineDefault(deps, loaded);
  const after = run.cursor ?? "";
  const page = await findFriendFactsPage(deps.db, after, pageSize);
  const last = page.at(-1);
  if (!last) {
    await finishReconcileRun(deps.db, runId, "done", null, Date.now());
    await deleteRetiredLineMenus(deps);
    return { done: true, friends: 0, calls: 0 };
  }
  const current = await findFriendRichMenusInRange(deps.db, after, last.lineUserId);
  const groups = plan(page, current, (friend) => {
    const decision = evaluatePolicy(loaded.policy, toPolicyFacts(friend));
    return { userId: friend.lineUserId, decision, target: targetLineRichMenuId(decision, loaded.policy, published) };
  });

  let calls = 0;
  let linked = 0;
  let unlinked = 0;
  for (const [target, moves] of groups) {
    for (let i = 0; i < moves.length; i += BULK_LIMIT) {
      const chunk = moves.slice(i, i + BULK_LIMIT);
      const userIds = chunk.map((m) => m.userId);
      if (target === null) await bulkUnlinkLineRichMenu(deps, userIds);
      else await bulkLinkLineRichMenu(deps, userIds, target);
      calls += 1;
      if (target === null) unlinked += chunk.length;
      else linked += chunk.length;
      await recordMoves(deps, chunk, Date.now());
    }
  }
  await advanceReconcileRun(
    deps.db,
    runId,
    run.cursor,
    { cursor: last.lineUserId, friendsSeen: page.length, linked, unlinked, calls },
    Date.now(),
  );
  if (page.length < pageSize) {
    await finishReconcileRun(deps.db, runId, "done", null, Date.now());
    await deleteRetiredLineMenus(deps);
    return { done: true, friends: page.length, calls };
  }
  return { done: false, friends: page.length, calls };
}

/** The queue job: one page, then the next page as a new message (each page gets its own retries). */
export async function runReconcileJob(deps: Deps, runId: string): Promise<void> {
  try {
    const result = await runReconcilePage(deps, runId);
    if (!result.done) await jobsQueue(deps.env).send({ type: "rich-menu-reconcile", runId });
  } catch (error) {
    // Keep the reason visible in the admin while the queue retries the page.
    await touchReconcileRun(deps.db, runId, Date.now(), String(error).slice(0, 300));
    throw error;
  }
}

/** Cron: a run whose queue message ran out of retries (or was lost) is picked up again from its cursor. */
export async function resumeStalledReconciles(deps: Deps, now: number): Promise<number> {
  const stalled = await findStalledReconcileRuns(deps.db, now - RECONCILE_STALL_MS);
  for (const run of stalled) {
    await touchReconcileRun(deps.db, run.id, now, run.error);
    await jobsQueue(deps.env).send({ type: "rich-menu-reconcile", runId: run.id });
  }
  return stalled.length;
}
