const timeFormat = new Intl.DateTimeFormat("ja-JP", { hour: "2-digit", minute: "2-digit" });
const dateFormat = new Intl.DateTimeFormat("ja-JP", { month: "numeric", day: "numeric", weekday: "short" });
const fullFormat = new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium", timeStyle: "short" });
const dayFormat = new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium" });

export function formatTime(epochMs: number): string {
  return timeFormat.format(epochMs);
}

export function formatDate(epochMs: number): string {
  return dateFormat.format(epochMs);
}

/** The day with its year (2025/12/15): for dates that may lie in another year. */
export function formatDay(epochMs: number): string {
  return dayFormat.format(epochMs);
}

export function formatDateTime(epochMs: number): string {
  return fullFormat.format(epochMs);
}

/** Today: the time; otherwise the date. For lists where space is short. */
export function formatShort(epochMs: number, now = Date.now()): string {
  return new Date(epochMs).toDateString() === new Date(now).toDateString() ? formatTime(epochMs) : formatDate(epochMs);
}

export function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
