import { type Deps, makeDeps } from "../deps.ts";
import { pruneAccountLinkState } from "../features/account-link/account-link.cron.ts";
import { runBroadcastCron } from "../features/broadcasts/broadcast-cron.ts";
import { runMemberCron } from "../features/points/member-cron.ts";
import { runRichMenuCron } from "../features/rich-menus/rich-menus.cron.ts";
import { runScenarioCron } from "../features/scenarios/scenario-cron.ts";
import { applyDueSurveyEffects } from "../features/surveys/survey-effects.service.ts";
import { releaseIdleChats } from "../features/takeover/takeover.cron.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Forget webhook dedupe rows older than LINE's redelivery window (redeliveries come within about a day). */
async function pruneWebhookEvents(deps: Deps, now: number): Promise<void> {
  await deps.db
    .deleteFrom("webhook_events")
    .where("received_at", "<", now - 7 * DAY_MS)
    .execute();
}

/** Each feature's due work, in this order. */
const TASKS: readonly CronTask[] = [
  ["webhook-events", pruneWebhookEvents],
  ["members", runMemberCron],
  ["account-link", pruneAccountLinkState],
  ["rich-menus", runRichMenuCron],
  ["survey-effects", applyDueSurveyEffects],
  ["broadcasts", runBroadcastCron],
  ["scenarios", runScenarioCron],
  ["idle-chats", releaseIdleChats],
];

type CronTask = readonly [name: string, run: (deps: Deps, now: number) => Promise<unknown>];

/**
 * Runs the tasks in order. One task failing (a D1 hiccup, a bug) must not hold back the others — scheduled
 * broadcasts and scenario steps still go out — so each runs on its own and failures are logged; then the
 * run fails as a whole, so the failure shows in Cloudflare's cron history.
 */
export async function runCronTasks(deps: Deps, now: number, tasks: readonly CronTask[] = TASKS): Promise<void> {
  const failed: string[] = [];
  for (const [name, run] of tasks) {
    try {
      await run(deps, now);
    } catch (error) {
      failed.push(name);
      console.error(JSON.stringify({ msg: "cron_task_failed", task: name, error: String(error) }));
    }
  }
  if (failed.length > 0) throw new Error(`cron: ${failed.join(", ")} failed (see cron_task_failed logs)`);
}

/** Cron (every minute): every feature's due work. */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const deps = makeDeps(env);
  try {
    await runCronTasks(deps, controller.scheduledTime);
  } finally {
    await deps.afterwards.run(); // a tick awaits all of its work (the tests rely on it)
  }
}
