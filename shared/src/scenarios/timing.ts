import { jstDayStart, minutesOf, nextSendableAt, ONE_DAY_MS, type QuietHours } from "../broadcasts/quiet-hours.ts";
import type { StepDelay } from "./scenario.schema.ts";

const MINUTE_MS = 60 * 1000;

export interface StepClock {
  /** When the trigger happened: "day N" counts from its Japanese calendar day (day 0). */
  anchorAt: number;
  /** When the previous step ran (or the friend was enrolled, for the first step). */
  previousAt: number;
}

/**
 * When a step is due. "after N minutes" counts from the previous step; "day N at HH:MM" is that JST clock
 * time N days after the trigger's day, or at once when that moment has already passed (a late enrolment
 * still gets the step, the same day). Then quiet hours push it to the end of the window. Pure: tests pass
 * any clock they like.
 */
export function stepDueAt(delay: StepDelay, clock: StepClock, quiet: QuietHours | null): number {
  let due: number;
  if (delay.type === "after") {
    due = clock.previousAt + delay.minutes * MINUTE_MS;
  } else {
    const target = jstDayStart(clock.anchorAt) + delay.day * ONE_DAY_MS + minutesOf(delay.time) * MINUTE_MS;
    due = Math.max(target, clock.previousAt);
  }
  return nextSendableAt(due, quiet);
}

/** A delay as operators read it: "3日後" / "5日目 10:00". */
export function describeDelay(delay: StepDelay): { ja: string; en: string } {
  if (delay.type === "dayAt") return { ja: `${delay.day}日目 ${delay.time}`, en: `day ${delay.day} at ${delay.time}` };
  const m = delay.minutes;
  if (m === 0) return { ja: "すぐに", en: "immediately" };
  if (m % 1440 === 0) return { ja: `${m / 1440}日後`, en: `${m / 1440} day(s) later` };
  if (m % 60 === 0) return { ja: `${m / 60}時間後`, en: `${m / 60} hour(s) later` };
  return { ja: `${m}分後`, en: `${m} minute(s) later` };
}
