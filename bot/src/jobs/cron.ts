import { makeDeps } from "../deps.ts";
import { pruneAccountLinkState } from "../features/account-link/account-link.cron.ts";
import { runBroadcastCron } from "../features/broadcasts/broadcast-cron.ts";
import { runMemberCron } from "../features/points/member-cron.ts";
import { runRichMenuCron } from "../features/rich-menus/rich-menus.cron.ts";
import { runScenarioCron } from "../features/scenarios/scenario-cron.ts";
import { applyDueSurveyEffects } from "../features/surveys/survey-effects.service.ts";
import { releaseIdleChats } from "../features/takeover/takeover.cron.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Cron (every minute). Foundation work: forget webhook dedupe rows older than LINE's redelivery window
 * (redeliveries come within about a day), keeping the table small. Later features add their due work here.
 */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const deps = makeDeps(env);
  const cutoff = controller.scheduledTime - 7 * DAY_MS;
  await deps.db.deleteFrom("webhook_events").where("received_at", "<", cutoff).execute();
  await runMemberCron(deps, controller.scheduledTime);
  await pruneAccountLinkState(deps, controller.scheduledTime);
  await runRichMenuCron(deps, controller.scheduledTime);
  await applyDueSurveyEffects(deps, controller.scheduledTime);
  await runBroadcastCron(deps, controller.scheduledTime);
  await runScenarioCron(deps, controller.scheduledTime);
  await releaseIdleChats(deps, controller.scheduledTime);
}
