import { LINK_CODE_PATTERN } from "../links/link.schema.ts";
import type { BroadcastMessage } from "./broadcast.schema.ts";

/**
 * Personalisation: {name}, {rank}, {points} and {link:CODE} in a text, a Flex altText or any string inside
 * Flex contents (a URI action's `uri` included) are replaced per recipient. Multicast sends one body to
 * everyone, so a personalised broadcast is sent as one push per recipient (decision 017); these helpers are
 * pure so both sides can use them (the composer's preview, the sender). `{link:CODE}` becomes the
 * recipient's own signed URL of tracked link CODE (decision 020): the URLs are computed by the caller (the
 * bot signs them, the composer shows a sample) and passed in as `links`.
 */
export const PLACEHOLDERS = ["name", "rank", "points"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PersonalValues = Record<Placeholder, string> & {
  /** Link code → this recipient's URL for it. A code missing here leaves its `{link:CODE}` as written. */
  links?: ReadonlyMap<string, string>;
};

/** How a tracked link is written in a message; CODE is a tracked link's code (3–32 of A–Z a–z 0–9 - _). */
export const LINK_PLACEHOLDER_EXAMPLE = "{link:CODE}";

// One pass over the original text: a value filled in (a display name, a URL) is never scanned again.
// `{link:…}` is matched loosely (anything but braces and spaces) so a malformed code can be found and refused.
const TOKEN = /\{(name|rank|points)\}|\{link:([^{}\s]*)\}/g;
const HAS_TOKEN = /\{(name|rank|points)\}|\{link:[^{}\s]*\}/;
const LINK_TOKEN = /\{link:([^{}\s]*)\}/g;

/** What a recipient with no display name, no membership or no points sees instead. */
export const PLACEHOLDER_FALLBACKS: Record<Placeholder, string> = { name: "お客様", rank: "", points: "0" };

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every string of a message a placeholder can be in: a text, or a Flex altText and its contents. */
function placeholderStrings(m: BroadcastMessage): string[] {
  if (m.type === "text") return [m.text];
  if (m.type === "flex") return [m.altText, ...stringsIn(m.contents)];
  return [];
}

export function isPersonalised(messages: readonly BroadcastMessage[]): boolean {
  return messages.some((m) => placeholderStrings(m).some((s) => HAS_TOKEN.test(s)));
}

/**
 * The tracked link codes a message list names with `{link:CODE}`, each once, in order of appearance —
 * as written, so a malformed one (see `isLinkCode`) can be refused when the messages are saved.
 */
export function listLinkCodes(messages: readonly BroadcastMessage[]): string[] {
  const codes = new Set<string>();
  for (const m of messages) for (const s of placeholderStrings(m)) for (const match of s.matchAll(LINK_TOKEN)) codes.add(match[1] ?? "");
  return [...codes];
}

/** Whether a code written in `{link:CODE}` has a tracked link code's shape. */
export function isLinkCode(code: string): boolean {
  return LINK_CODE_PATTERN.test(code);
}

export function fillPlaceholders(text: string, values: PersonalValues): string {
  return text.replace(TOKEN, (token, key: Placeholder | undefined, code: string | undefined) => {
    if (key) return values[key] || PLACEHOLDER_FALLBACKS[key];
    return values.links?.get(code ?? "") ?? token;
  });
}

function fillDeep(value: unknown, values: PersonalValues): unknown {
  if (typeof value === "string") return fillPlaceholders(value, values);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, values));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, values)]));
  return value;
}

/** The messages as one recipient gets them. Messages without placeholders come back unchanged. */
export function personaliseMessages<M extends BroadcastMessage>(messages: readonly M[], values: PersonalValues): M[] {
  return messages.map((m) => fillDeep(m, values) as M);
}
