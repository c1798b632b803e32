/**
 * Is the shop open at an instant, and when does it open next — in Asia/Tokyo, whatever the runtime's
 * time zone (Workers run in UTC). Japan has no daylight saving time, so Tokyo is always UTC+9 and plain
 * arithmetic is exact; public holidays come from the maintained `japanese-holidays` package.
 */
import * as holidaysModule from "japanese-holidays";
import type { BusinessHours, Opening } from "./schema.ts";

// CommonJS: Node's ESM loader exposes it only as `default`, bundlers as either shape.
const holidays = (holidaysModule as unknown as { default?: typeof holidaysModule }).default ?? holidaysModule;

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Far enough for any real closure (year-end + a long holiday); beyond it we say nothing rather than loop. */
const SEARCH_DAYS = 62;

export interface TokyoDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  /** minutes since Tokyo midnight */
  minutes: number;
  /** "YYYY-MM-DD" */
  key: string;
  /** epoch ms of this Tokyo day's midnight */
  midnight: number;
}

export function tokyoDay(at: number): TokyoDay {
  const local = new Date(at + TOKYO_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year,
    month,
    day,
    weekday: local.getUTCDay(),
    minutes,
    key: `${year}-${pad(month)}-${pad(day)}`,
    midnight: Date.UTC(year, month - 1, day) - TOKYO_OFFSET_MS,
  };
}

/** The public holiday's name (振替休日 included) on that Tokyo date, if it is one. */
export function publicHolidayName(at: number): string | undefined {
  return holidays.isHolidayAt(new Date(at));
}

function toMinutes(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Why the shop is closed all day on that Tokyo date, if it is. */
export function closedReason(hours: BusinessHours, at: number): "closed-date" | "holiday" | "weekly" | null {
  const day = tokyoDay(at);
  if (hours.closedDates.includes(day.key)) return "closed-date";
  if (hours.closedOnPublicHolidays && publicHolidayName(at)) return "holiday";
  if ((hours.weekly[day.weekday] ?? []).length === 0) return "weekly";
  return null;
}

function openingsOn(hours: BusinessHours, at: number): Opening[] {
  if (closedReason(hours, at)) return [];
  return [...(hours.weekly[tokyoDay(at).weekday] ?? [])].sort((a, b) => toMinutes(a.open) - toMinutes(b.open));
}

export function isOpenAt(hours: BusinessHours, at: number): boolean {
  const { minutes } = tokyoDay(at);
  return openingsOn(hours, at).some((o) => minutes >= toMinutes(o.open) && minutes < toMinutes(o.close));
}

/** The next instant the shop is open (`at` itself when open now); null when nothing opens within two months. */
export function nextOpeningAt(hours: BusinessHours, at: number): number | null {
  if (isOpenAt(hours, at)) return at;
  const today = tokyoDay(at);
  for (let d = 0; d < SEARCH_DAYS; d++) {
    // Noon of the day: safely inside it whatever the openings.
    const noon = today.midnight + d * DAY_MS + DAY_MS / 2;
    const midnight = today.midnight + d * DAY_MS;
    for (const opening of openingsOn(hours, noon)) {
      const start = midnight + toMinutes(opening.open) * 60_000;
      if (start > at) return start;
    }
  }
  return null;
}

export interface BusinessStatus {
  open: boolean;
  /** when a reply can be expected: now when open */
  nextOpenAt: number | null;
}

export function businessStatus(hours: BusinessHours, at: number): BusinessStatus {
  return { open: isOpenAt(hours, at), nextOpenAt: nextOpeningAt(hours, at) };
}

const JA_WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];
const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12月24日(木) 10:00" and "Thu 24 Dec, 10:00" (Tokyo time): how the bot names the next opening. */
export function formatTokyoTime(at: number): { ja: string; en: string } {
  const day = tokyoDay(at);
  const time = `${String(Math.floor(day.minutes / 60)).padStart(2, "0")}:${String(day.minutes % 60).padStart(2, "0")}`;
  return {
    ja: `${day.month}月${day.day}日(${JA_WEEKDAYS[day.weekday]}) ${time}`,
    en: `${EN_WEEKDAYS[day.weekday]} ${day.day} ${EN_MONTHS[day.month - 1]}, ${time}`,
  };
}
