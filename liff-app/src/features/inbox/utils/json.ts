/**
 * Readers for LINE message objects, which arrive as untyped JSON (whatever LINE or the bot sent). Anything
 * missing or of the wrong type reads as undefined, so an odd message renders plainly instead of crashing.
 */
export type JsonObject = Record<string, unknown>;

export function obj(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Only http(s) URLs are used as links or images; anything else (javascript:, data:) is dropped. */
export function safeUrl(value: unknown): string | undefined {
  const url = str(value);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

export function safeColor(value: unknown): string | undefined {
  const color = str(value);
  return color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color) ? color : undefined;
}
