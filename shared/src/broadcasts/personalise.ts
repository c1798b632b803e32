import type { BroadcastMessage } from "./broadcast.schema.ts";

/**
 * Personalisation: {name}, {rank} and {points} in a text, a Flex altText or any string inside Flex
 * contents are replaced per recipient. Multicast sends one body to everyone, so a personalised broadcast
 * is sent as one push per recipient (decision 017); these helpers are pure so both sides can use them
 * (the composer's preview, the sender).
 */
export const PLACEHOLDERS = ["name", "rank", "points"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PersonalValues = Record<Placeholder, string>;

const TOKEN = /\{(name|rank|points)\}/g;
const HAS_TOKEN = /\{(name|rank|points)\}/;

/** What a recipient with no display name, no membership or no points sees instead. */
export const PLACEHOLDER_FALLBACKS: PersonalValues = { name: "お客様", rank: "", points: "0" };

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

export function isPersonalised(messages: readonly BroadcastMessage[]): boolean {
  return messages.some((m) => {
    if (m.type === "text") return HAS_TOKEN.test(m.text);
    if (m.type === "flex") return HAS_TOKEN.test(m.altText) || stringsIn(m.contents).some((s) => HAS_TOKEN.test(s));
    return false;
  });
}

export function fillPlaceholders(text: string, values: PersonalValues): string {
  return text.replace(TOKEN, (_, key: Placeholder) => values[key] || PLACEHOLDER_FALLBACKS[key]);
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
