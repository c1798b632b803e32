/**
 * JST calendar days for the KPI dashboard. Japan has no daylight saving time, so a JST day is always
 * exactly 24 h and a moment's day index from a period's first midnight is one integer division — the same
 * arithmetic the SQL does (`(at - start) / 86400000`), so the two can never disagree.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
/** The longest period the dashboard answers (a year, leap day included). */
export const MAX_KPI_DAYS = 366;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight (00:00 JST) of a YYYY-MM-DD day as epoch ms, or null when it is not a real calendar date. */
export function jstDayStart(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return utc - JST_OFFSET_MS;
}

/** The JST day (YYYY-MM-DD) a moment falls on. */
export function jstDayOf(epochMs: number): string {
  return new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Which day of a period (0 = the first) a moment falls on, counted from the period's first midnight. */
export function dayIndex(epochMs: number, periodStart: number): number {
  return Math.floor((epochMs - periodStart) / DAY_MS);
}

/** Every day from `from` to `to` inclusive (both valid dates, from <= to). */
export function daysOf(from: string, to: string): string[] {
  const start = jstDayStart(from);
  const end = jstDayStart(to);
  if (start === null || end === null || end < start) return [];
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) days.push(jstDayOf(t));
  return days;
}

export interface KpiPeriod {
  from: string;
  to: string;
  /** 00:00 JST of `from` */
  start: number;
  /** 00:00 JST of the day after `to` (exclusive end) */
  end: number;
  days: string[];
}

/** Why a period is refused, in the app's bilingual style; null when it is fine. */
export function periodProblem(from: string, to: string): string | null {
  const start = jstDayStart(from);
  const end = jstDayStart(to);
  if (start === null) return "from: not a calendar date (YYYY-MM-DD) / from は YYYY-MM-DD の日付で指定してください";
  if (end === null) return "to: not a calendar date (YYYY-MM-DD) / to は YYYY-MM-DD の日付で指定してください";
  if (end < start) return "from is after to / 開始日が終了日より後です";
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_KPI_DAYS)
    return `At most ${MAX_KPI_DAYS} days per period (asked for ${days}) / 期間は${MAX_KPI_DAYS}日以内で指定してください（${days}日）`;
  return null;
}

/** A checked period; throws on a bad one (check with periodProblem first for a friendly answer). */
export function kpiPeriod(from: string, to: string): KpiPeriod {
  const problem = periodProblem(from, to);
  if (problem) throw new Error(problem);
  const start = jstDayStart(from) as number;
  const end = (jstDayStart(to) as number) + DAY_MS;
  return { from, to, start, end, days: daysOf(from, to) };
}

/** The last `n` JST days ending today (the period picker's presets). */
export function lastDays(n: number, now: number): { from: string; to: string } {
  const to = jstDayOf(now);
  const from = jstDayOf((jstDayStart(to) as number) - (n - 1) * DAY_MS);
  return { from, to };
}
