import { makeDeps } from "../deps.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Cron (every minute). Foundation work: forget webhook dedupe rows older than LINE's redelivery window
 * (redeliveries come within about a day), keeping the table small. Later features add their due work here.
 */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const deps = makeDeps(env);
  const cutoff = controller.scheduledTime - 7 * DAY_MS;
  await deps.db.deleteFrom("webhook_events").where("received_at", "<", cutoff).execute();
}
