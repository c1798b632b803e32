import type { Deps } from "../../deps.ts";
import { resumeStalledReconciles, startReconcile } from "./reconcile.service.ts";
import { repairRichMenus } from "./repair.service.ts";

/** 03:00 in Japan (18:00 UTC): a full reconcile repairs any drift (a lost job, a link changed outside Enishi). */
const NIGHTLY_MINUTE_UTC = 18 * 60;

/**
 * The rich-menu share of the minute cron: resume reconcile runs that lost their queue message, put back on
 * LINE what LINE lost, and once a night re-apply the policy to everyone (LINE is called only for friends
 * whose menu differs). Failures are logged, never thrown: the other features' due work in the same tick
 * must not wait on LINE's rich-menu endpoints, and the next tick tries again.
 */
export async function runRichMenuCron(deps: Deps, now: number): Promise<void> {
  try {
    await resumeStalledReconciles(deps, now);
    const minute = Math.floor(now / 60_000);
    await repairRichMenus(deps, { listMenus: minute % 10 === 0 });
    if (minute % (24 * 60) === NIGHTLY_MINUTE_UTC) await startReconcile(deps, "nightly drift check");
  } catch (error) {
    console.error(JSON.stringify({ msg: "rich_menu_cron_failed", error: String(error) }));
  }
}
