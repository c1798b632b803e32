import { afterEach, describe, expect, it } from "vitest";
import { makeDeps } from "../../bot/src/deps.ts";
import { runReconcilePage } from "../../bot/src/features/rich-menus/reconcile.service.ts";
import { repairRichMenus } from "../../bot/src/features/rich-menus/repair.service.ts";
import { sandbox, testEnv, waitFor } from "./helpers.ts";
import { api, type MenuDto, publishedMenu, type RichMenuCall, richMenuCalls, savePolicy, tagIdOf, tagRule } from "./rich-menus.fixtures.ts";

/**
 * `count` following friends with IDs U<prefix><zero-padded n>, all tagged `tagId`, written straight into D1
 * (a recursive CTE: one statement for all of them). They need not exist in the sandbox: bulk link takes
 * unknown IDs and LINE applies it to the ones that exist.
 */
async function insertTaggedFriends(prefix: string, count: number, tagId: string): Promise<string[]> {
  const width = 32 - prefix.length;
  await testEnv.DB.batch([
    testEnv.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
       INSERT INTO friends (line_user_id, status, followed_at, created_at, updated_at)
       SELECT 'U' || ?1 || printf('%0${width}x', i), 'following', 0, 0, 0 FROM n`,
    ).bind(prefix, count),
    testEnv.DB.prepare(
      `INSERT INTO friend_tags (line_user_id, tag_id, source, created_at)
       SELECT line_user_id, ?2, 'import', 0 FROM friends WHERE line_user_id LIKE 'U' || ?1 || '%'`,
    ).bind(prefix, tagId),
  ]);
  return Array.from({ length: count }, (_, i) => `U${prefix}${(i + 1).toString(16).padStart(width, "0")}`);
}

const bulkCallsTo = async (lineId: string, ok = true): Promise<RichMenuCall[]> =>
  (await richMenuCalls("richMenuBulkLink")).filter((c) => c.body?.richMenuId === lineId && (!ok || c.status === 202));

interface Run {
  id: string;
  status: string;
  friendsSeen: number;
  linked: number;
  calls: number;
}

async function runOf(runId: string): Promise<Run | undefined> {
  return (await api<{ runs: Run[] }>("GET", "/api/admin/rich-menus/reconcile")).json.runs.find((r) => r.id === runId);
}

function finished(runId: string): Promise<Run> {
  return waitFor(
    async () => {
      const r = await runOf(runId);
      return r?.status === "done" ? r : undefined;
    },
    `reconcile ${runId} done`,
    20_000,
  );
}

function expectEveryoneOnce(calls: RichMenuCall[], userIds: string[]): void {
  const linked = calls.flatMap((c) => c.body?.userIds ?? []);
  for (const call of calls) expect(call.body?.userIds?.length).toBeLessThanOrEqual(500);
  expect(linked).toHaveLength(userIds.length);
  expect(new Set(linked)).toEqual(new Set(userIds));
}

describe("rich-menu reconcile", () => {
  afterEach(async () => {
    await sandbox("/__sandbox/faults", { method: "DELETE" });
  });

  it("moves 1,200 friends to their menu with bulk links of at most 500 users each, and does nothing the second time", async () => {
    const fallback = await publishedMenu("一括-標準");
    const target = await publishedMenu("一括-対象");
    const tag = await tagIdOf("一括対象");
    const userIds = await insertTaggedFriends("b0", 1200, tag);

    const saved = await savePolicy([tagRule("bulk", target.id, tag)], fallback.id);
    expect(saved.status).toBe(200);
    const run = await waitFor(
      async () => {
        const r = await runOf(saved.json.reconcileRunId);
        return r?.status === "done" ? r : undefined;
      },
      "reconcile done",
      20_000,
    );

    const calls = await bulkCallsTo(target.lineId);
    expect(calls.map((c) => c.body?.userIds?.length)).toEqual([500, 500, 200]);
    expectEveryoneOnce(calls, userIds);
    expect(run).toMatchObject({ linked: 1200, calls: 3 });
    expect(run.friendsSeen).toBeGreaterThanOrEqual(1200);

    // Nothing changed since: a manual reconcile reads everyone and calls LINE for no one.
    const manual = await api<{ runId: string }>("POST", "/api/admin/rich-menus/reconcile");
    expect(manual.status).toBe(202);
    const second = await waitFor(
      async () => {
        const r = await runOf(manual.json.runId);
        return r?.status === "done" ? r : undefined;
      },
      "second reconcile done",
      20_000,
    );
    expect(second).toMatchObject({ linked: 0, calls: 0 });
    expect(await bulkCallsTo(target.lineId)).toHaveLength(3);
  });

  it("resumes an interrupted reconcile from its stored cursor without linking anyone twice", async () => {
    const fallback = await publishedMenu("再開-標準");
    const target = await publishedMenu("再開-対象");
    const tag = await tagIdOf("再開対象");
    // "a0…" sorts before the previous test's friends, so the first pages are all this test's.
    const userIds = await insertTaggedFriends("a0", 1100, tag);
    // The run is driven page by page here, as the queue consumer would, so the test can cut in between.
    await testEnv.DB.prepare(
      "INSERT INTO rich_menu_reconcile_runs (id, reason, status, cursor, created_at, updated_at) VALUES ('run-resume', 'test', 'running', NULL, 0, 0)",
    ).run();
    await testEnv.DB.prepare("UPDATE rich_menu_policy SET rules = ?, default_menu_id = ? WHERE id = 1")
      .bind(JSON.stringify([tagRule("resume", target.id, tag)]), fallback.id)
      .run();
    const deps = makeDeps(testEnv);
    const pageSize = 400;

    expect(await runReconcilePage(deps, "run-resume", pageSize)).toMatchObject({ done: false, calls: 1 });
    const cursorAfterFirst = (
      await testEnv.DB.prepare("SELECT cursor FROM rich_menu_reconcile_runs WHERE id = 'run-resume'").first<{ cursor: string }>()
    )?.cursor;
    expect(cursorAfterFirst).toBeTruthy();

    // LINE fails every attempt of the next bulk call: the page fails, the cursor stays where it was.
    await sandbox("/__sandbox/faults", { body: { endpoint: "richMenuBulkLink", mode: "5xx", times: 4 } });
    await expect(runReconcilePage(deps, "run-resume", pageSize)).rejects.toThrow(/richMenuBulkLink/);
    const stored = await testEnv.DB.prepare("SELECT cursor, status FROM rich_menu_reconcile_runs WHERE id = 'run-resume'").first<{
      cursor: string;
      status: string;
    }>();
    expect(stored).toEqual({ cursor: cursorAfterFirst, status: "running" });

    // The retry picks up at the cursor and finishes.
    let page = await runReconcilePage(deps, "run-resume", pageSize);
    while (!page.done) page = await runReconcilePage(deps, "run-resume", pageSize);
    const calls = await bulkCallsTo(target.lineId);
    expect(calls).toHaveLength(3);
    expectEveryoneOnce(calls, userIds);
    expect(await bulkCallsTo(target.lineId, false)).toHaveLength(7); // 3 accepted + the 4 failed attempts
  });

  it("publishes again a menu LINE lost and moves its friends back onto it", async () => {
    const fallback = await publishedMenu("修復-標準");
    const target = await publishedMenu("修復-対象");
    const tag = await tagIdOf("修復対象");
    const userIds = await insertTaggedFriends("d0", 3, tag);
    const saved = await savePolicy([tagRule("repair", target.id, tag)], fallback.id);
    await finished(saved.json.reconcileRunId);
    expect(await bulkCallsTo(target.lineId)).toHaveLength(1);

    // Someone deletes the menu on LINE (outside Enishi): LINE drops the links to it.
    const deleted = await fetch(`${testEnv.SANDBOX_URL}/v2/bot/richmenu/${target.lineId}`, {
      method: "DELETE",
      headers: { authorization: "Bearer integration-channel-access-token" },
    });
    expect(deleted.status).toBe(200);

    const repaired = await repairRichMenus(makeDeps(testEnv), { listMenus: true });
    expect(repaired.republished).toEqual([target.id]);
    const menu = await api<{ menu: MenuDto }>("GET", `/api/admin/rich-menus/${target.id}`);
    const newLineId = menu.json.menu.published?.lineRichMenuId ?? "";
    expect(newLineId).not.toBe(target.lineId);
    await finished(repaired.reconcileRunId ?? "");
    expectEveryoneOnce(await bulkCallsTo(newLineId), userIds);

    // Nothing lost any more: the next check changes nothing.
    expect(await repairRichMenus(makeDeps(testEnv), { listMenus: true })).toEqual({ republished: [], reconcileRunId: null });
  });

  it("retires the run still going only when a new one is recorded: a start that fails leaves it going", async () => {
    const statusOf = async (id: string) =>
      (await testEnv.DB.prepare("SELECT status FROM rich_menu_reconcile_runs WHERE id = ?").bind(id).first<{ status: string }>())?.status;
    const now = Date.now();
    await testEnv.DB.prepare(
      "INSERT INTO rich_menu_reconcile_runs (id, reason, status, cursor, created_at, updated_at) VALUES ('run-older', 'test', 'running', NULL, ?, ?)",
    )
      .bind(now, now)
      .run();
    // The database refuses the new run's row, after the running one would have been retired.
    await testEnv.DB.prepare(
      "CREATE TRIGGER refuse_reconcile_run BEFORE INSERT ON rich_menu_reconcile_runs BEGIN SELECT RAISE(ABORT, 'test: run refused'); END",
    ).run();
    try {
      expect((await api("POST", "/api/admin/rich-menus/reconcile")).status).toBe(500);
    } finally {
      await testEnv.DB.prepare("DROP TRIGGER refuse_reconcile_run").run();
    }
    expect(await statusOf("run-older")).toBe("running");

    const started = await api<{ runId: string }>("POST", "/api/admin/rich-menus/reconcile");
    expect(started.status).toBe(202);
    expect(await statusOf("run-older")).toBe("superseded");
    await finished(started.json.runId);
  });
});
