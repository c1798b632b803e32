import { deleteCardScansBefore } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { startRanksRecompute } from "../ranks/ranks.service.ts";
import { runPointExpiry } from "./expiry.service.ts";

const DAY_MS = 86_400_000;
/** 03:00 JST (18:00 UTC): the daily all-members rank recompute, when the shop is closed. */
const DAILY_MINUTE_UTC = 18 * 60;

/**
 * The member card's share of the every-minute cron: point expiry and its notices; once a day the rank
 * recompute (points earned more than the window ago stop counting, so ranks can fall) and forgetting
 * accepted card codes long past their time window.
 */
export async function runMemberCron(deps: Deps, scheduledTime: number): Promise<void> {
  await runPointExpiry(deps, scheduledTime);
  const minuteOfDay = Math.floor((scheduledTime % DAY_MS) / 60_000);
  if (minuteOfDay === DAILY_MINUTE_UTC) {
    await startRanksRecompute(deps);
    await deleteCardScansBefore(deps.db, scheduledTime - 30 * DAY_MS);
  }
}
