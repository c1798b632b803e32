import type { RichMenuRow } from "@enishi/db";
import { clearRichMenuPublication, findRichMenus, forgetLinksTo, updateDefaultLineRichMenu } from "@enishi/db";
import { menusUsedBy } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import { listLineRichMenuIds } from "./line-rich-menus.ts";
import { loadPolicy, syncLineDefault } from "./policy.ts";
import { publishMenu } from "./publish.service.ts";
import { startReconcile } from "./reconcile.service.ts";

/**
 * Keeps LINE in step with what Enishi believes, from cron:
 * - a menu the policy hands out but that is not on LINE (never published — e.g. the demo seed — or deleted
 *   on LINE outside Enishi, or a fresh local emulator) is published again;
 * - friends linked to a LINE menu that vanished are relinked by a reconcile.
 * The probe is one cheap call a minute (LINE's default menu ID); LINE's menu list is compared on a mismatch
 * and every 10 minutes.
 * Publishing is capped per tick: LINE allows 100 menu creations an hour.
 */
const REPUBLISH_PER_TICK = 5;

async function lineDefaultMenuId(deps: Deps): Promise<string | null> {
  try {
    const { body } = await callLine("richMenuDefaultGet", () => deps.line.api.getDefaultRichMenuIdWithHttpInfo(), {
      retry: true,
      timeoutMs: deps.line.timeoutMs,
      backoffMs: deps.line.backoffMs,
      maxAttempts: 2,
    });
    return body?.richMenuId ?? null;
  } catch (error) {
    if (error instanceof LineApiError && error.status === 404) return null; // no default set
    throw error;
  }
}

/** Menus whose LINE copy is gone: forget the copy (and the links to it) so they can be published again. */
async function forgetLostMenus(deps: Deps, menus: RichMenuRow[]): Promise<RichMenuRow[]> {
  const onLine = await listLineRichMenuIds(deps);
  const lost = menus.filter((m) => m.line_rich_menu_id !== null && !onLine.has(m.line_rich_menu_id));
  const at = Date.now();
  for (const menu of lost) {
    if (!menu.line_rich_menu_id) continue;
    await forgetLinksTo(deps.db, menu.line_rich_menu_id, at);
    await clearRichMenuPublication(deps.db, menu.id);
  }
  return lost.map((m) => ({ ...m, line_rich_menu_id: null, published_revision: null }));
}

export interface RepairResult {
  republished: string[];
  reconcileRunId: string | null;
}

/** `listMenus`: compare with LINE's whole menu list even when the default looks right (every 10 minutes). */
export async function repairRichMenus(deps: Deps, options: { listMenus: boolean } = { listMenus: false }): Promise<RepairResult> {
  const loaded = await loadPolicy(deps);
  const used = menusUsedBy(loaded.policy);
  let menus = await findRichMenus(deps.db);
  let lostLinks = false;
  if (!menus.some((m) => used.has(m.id) && m.line_rich_menu_id === null)) {
    const lineDefault = await lineDefaultMenuId(deps);
    const defaultDrifted = lineDefault !== loaded.defaultLineRichMenuId;
    if (!defaultDrifted && !options.listMenus) return { republished: [], reconcileRunId: null };
    // Record what LINE has as its default (syncLineDefault below sets ours again), then look for lost menus.
    if (defaultDrifted) await updateDefaultLineRichMenu(deps.db, lineDefault);
    const lost = await forgetLostMenus(deps, menus);
    lostLinks = lost.length > 0;
    if (!defaultDrifted && !lostLinks) return { republished: [], reconcileRunId: null };
    menus = await findRichMenus(deps.db);
  }
  const toPublish = menus.filter((m) => used.has(m.id) && m.line_rich_menu_id === null).slice(0, REPUBLISH_PER_TICK);
  const republished: string[] = [];
  for (const menu of toPublish) {
    try {
      await publishMenu(deps, menu.id);
      republished.push(menu.id);
    } catch (error) {
      // Recorded on the menu (publish_error) for the admin; the next tick tries again.
      console.warn(JSON.stringify({ msg: "rich_menu_republish_failed", menuId: menu.id, error: String(error) }));
    }
  }
  await syncLineDefault(deps, await loadPolicy(deps));
  const reconcileRunId = republished.length > 0 || lostLinks ? await startReconcile(deps, "repair: menus missing on LINE") : null;
  return { republished, reconcileRunId };
}
