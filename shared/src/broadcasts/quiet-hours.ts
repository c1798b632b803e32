import { z } from "zod";

/**
 * Quiet hours: a daily window in Japan time (the shop's and its customers' clock, whatever the server's)
 * when nothing is sent. Japan has no daylight saving time, so JST is a fixed UTC+9 offset.
 */
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const ONE_DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Time as HH:MM (24h) / 時刻は HH:MM（24時間）");

export const QuietHoursSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((q) => q.start !== q.end, { message: "Start and end must differ / 開始と終了は別の時刻にしてください" });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** What most Japanese shops use: nothing from 21:00 to 9:00. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "09:00" };

export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Midnight (00:00 JST) of the Japanese calendar day containing `at`. */
export function jstDayStart(at: number): number {
  return Math.floor((at + JST_OFFSET_MS) / ONE_DAY_MS) * ONE_DAY_MS - JST_OFFSET_MS;
}

/** The JST clock time of `at` in minutes after midnight. */
export function jstMinuteOfDay(at: number): number {
  return Math.floor((at - jstDayStart(at)) / MINUTE_MS);
}

/** Whether `at` falls inside the quiet window (start inclusive, end exclusive; may wrap past midnight). */
export function isQuietAt(at: number, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const now = jstMinuteOfDay(at);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first moment at or after `at` outside quiet hours: `at` itself when it is not quiet, otherwise the
 * end of the window it is in (today's, or tomorrow morning's when the window wraps past midnight).
 */
export function nextSendableAt(at: number, quiet: QuietHours | null): number {
  if (!quiet || !isQuietAt(at, quiet)) return at;
  const dayStart = jstDayStart(at);
  const end = dayStart + minutesOf(quiet.end) * MINUTE_MS;
  return end > at ? end : end + ONE_DAY_MS;
}

/** Formats epoch ms as "2026-04-01 10:00" in Japan time, for messages and logs. */
export function formatJst(at: number): string {
  return new Date(at + JST_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
