import { decodeBase32Int, encodeBase32, encodeBase32Int, isBase32, normalizeBase32 } from "./base32.ts";

/**
 * Member-card codes: what the card's QR shows and the staff scanner verifies.
 *
 *   EN1.<member number>.<window>.<nonce>.<mac>      e.g. EN1.100001.1N3M2QK.5KX2T0BA.7G0Q4ZD1M9WJ3R2C
 *
 * - window: floor(time / windowMs) in base32. A code is accepted in its own window and one either side
 *   (clock skew between phone, server and the moment of scanning), so a screenshot stops working at the
 *   latest two windows after it was made.
 * - nonce: 40 random bits, so every code the server issues is distinct and its single use can be recorded
 *   (the scanner stores `codeId`; a replay of an accepted code is refused).
 * - mac: HMAC-SHA256(secret, everything before it), first 80 bits. Forging one means guessing 2^80 values
 *   online within a minute, against a server that accepts each code once.
 * Everything is upper-case base32, digits and dots: the QR alphanumeric set, ~45 characters (QR version 3).
 * WebCrypto only, no Worker or DOM globals: the same code runs in the Worker and in unit tests on Node.
 */
export const CARD_CODE_VERSION = "EN1";
export const CARD_CODE_WINDOW_MS = 30_000;
export const CARD_CODE_MAX_LENGTH = 80;
const MAC_BYTES = 10;
const NONCE_BYTES = 5;
const MEMBER_NUMBER = /^[0-9A-Z]{1,20}$/;

interface HmacCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    importKey(
      format: "raw",
      key: Uint8Array,
      algorithm: { name: "HMAC"; hash: "SHA-256" },
      extractable: false,
      usages: ["sign"],
    ): Promise<unknown>;
    sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  };
}

// WebCrypto and TextEncoder are globals in workerd, browsers and Node ≥ 19; shared/ compiles without DOM or
// Worker types, so they are reached through globalThis with the little they are used for.
const platform = globalThis as unknown as { crypto: HmacCrypto; TextEncoder: new () => { encode(text: string): Uint8Array } };
const webCrypto = platform.crypto;
const encoder = new platform.TextEncoder();
const keys = new Map<string, Promise<unknown>>();

function hmacKey(secret: string): Promise<unknown> {
  let key = keys.get(secret);
  if (!key) {
    key = webCrypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, key);
  }
  return key;
}

async function mac(secret: string, payload: string): Promise<string> {
  if (secret.length < 16) throw new Error("CARD_CODE_SECRET must be at least 16 characters");
  const signature = new Uint8Array(await webCrypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(payload)));
  return encodeBase32(signature.subarray(0, MAC_BYTES));
}

/** Same length, compared without an early exit, so timing tells nothing about how much matched. */
function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function windowOf(at: number, windowMs = CARD_CODE_WINDOW_MS): number {
  return Math.floor(at / windowMs);
}

export interface IssuedCardCode {
  code: string;
  /** Unique per issued code: what the scanner records to refuse a replay. */
  codeId: string;
  window: number;
  /** From this instant on the code is refused (the end of the window after its own). */
  expiresAt: number;
}

export async function signCardCode(
  secret: string,
  input: { memberNumber: string; now: number; windowMs?: number; nonce?: string },
): Promise<IssuedCardCode> {
  if (!MEMBER_NUMBER.test(input.memberNumber)) throw new RangeError(`member number not codable: ${input.memberNumber}`);
  const windowMs = input.windowMs ?? CARD_CODE_WINDOW_MS;
  const window = windowOf(input.now, windowMs);
  const nonce = input.nonce ?? encodeBase32(webCrypto.getRandomValues(new Uint8Array(NONCE_BYTES)));
  const payload = `${CARD_CODE_VERSION}.${input.memberNumber}.${encodeBase32Int(window)}.${nonce}`;
  return {
    code: `${payload}.${await mac(secret, payload)}`,
    codeId: `${input.memberNumber}.${window}.${nonce}`,
    window,
    expiresAt: (window + 2) * windowMs,
  };
}

export type CardCodeRefusal = "malformed" | "bad_signature" | "expired" | "not_yet_valid";

export type CardCodeCheck =
  | { ok: true; memberNumber: string; window: number; codeId: string; expiresAt: number }
  | { ok: false; reason: CardCodeRefusal };

interface ParsedCode {
  payload: string;
  memberNumber: string;
  window: number;
  nonce: string;
  mac: string;
}

/** Reads the format only (no signature check). Tolerates spaces, lower case and look-alike letters. */
export function parseCardCode(raw: string): ParsedCode | undefined {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  if (compact.length === 0 || compact.length > CARD_CODE_MAX_LENGTH) return undefined;
  const parts = compact.split(".");
  if (parts.length !== 5 || parts[0] !== CARD_CODE_VERSION) return undefined;
  const [, memberNumber = "", windowText = "", nonceText = "", macText = ""] = parts;
  const nonce = normalizeBase32(nonceText);
  const code = normalizeBase32(macText);
  const window = decodeBase32Int(normalizeBase32(windowText));
  if (!MEMBER_NUMBER.test(memberNumber) || window === undefined) return undefined;
  if (nonce.length !== 8 || code.length !== 16 || !isBase32(nonce) || !isBase32(code)) return undefined;
  return {
    payload: `${CARD_CODE_VERSION}.${memberNumber}.${encodeBase32Int(window)}.${nonce}`,
    memberNumber,
    window,
    nonce,
    mac: code,
  };
}

/**
 * Checks format, signature and time window (±`skewWindows` of now). Single use is the caller's part:
 * record `codeId` atomically and refuse it when it was already there.
 */
export async function verifyCardCode(
  secret: string,
  raw: string,
  now: number,
  options: { windowMs?: number; skewWindows?: number } = {},
): Promise<CardCodeCheck> {
  const windowMs = options.windowMs ?? CARD_CODE_WINDOW_MS;
  const skew = options.skewWindows ?? 1;
  const parsed = parseCardCode(raw);
  if (!parsed) return { ok: false, reason: "malformed" };
  // The signature first: an attacker learns nothing about windows from a forged code.
  if (!equalConstantTime(await mac(secret, parsed.payload), parsed.mac)) return { ok: false, reason: "bad_signature" };
  const current = windowOf(now, windowMs);
  if (parsed.window < current - skew) return { ok: false, reason: "expired" };
  if (parsed.window > current + skew) return { ok: false, reason: "not_yet_valid" };
  return {
    ok: true,
    memberNumber: parsed.memberNumber,
    window: parsed.window,
    codeId: `${parsed.memberNumber}.${parsed.window}.${parsed.nonce}`,
    expiresAt: (parsed.window + 1 + skew) * windowMs,
  };
}
