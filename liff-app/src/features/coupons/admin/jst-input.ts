/**
 * `<input type="datetime-local">` values are wall-clock times without a zone. Operators mean the shop's
 * time (JST, no daylight saving), whatever zone their computer is in: convert explicitly.
 */
const JST_OFFSET_MS = 9 * 3_600_000;

export function jstInputToMs(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - JST_OFFSET_MS;
}

export function msToJstInput(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 16);
}
