// Identifier generators shaped like LINE's. Pure WebCrypto (crypto), no Node APIs:
// events.ts imports this file and runs inside workerd in integration tests.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** base64url without padding, the alphabet LINE's opaque tokens use. */
export function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * A ULID (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford base32.
 * LINE's `webhookEventId` is a ULID; bots may sort or dedupe on it, so the time prefix must be real.
 */
export function ulid(timeMs: number = Date.now()): string {
  let time = Math.floor(timeMs);
  let timePart = "";
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD.charAt(time % 32) + timePart;
    time = Math.floor(time / 32);
  }
  // 80 random bits = 16 base32 characters of 5 bits each; take them from 10 random bytes.
  const random = randomBytes(10);
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let randomPart = "";
  for (let i = 0; i < 16; i++) {
    randomPart = CROCKFORD.charAt(Number(bits & 31n)) + randomPart;
    bits >>= 5n;
  }
  return timePart + randomPart;
}

/** LINE user IDs: "U" + 32 lowercase hex digits. */
export function lineUserId(): string {
  return `U${hex(randomBytes(16))}`;
}

/** LINE message IDs are decimal strings of about 18 digits. */
export function messageId(): string {
  const digits = Array.from(randomBytes(17), (byte) => String(byte % 10)).join("");
  return `${1 + ((randomBytes(1)[0] ?? 0) % 9)}${digits}`;
}

/** Reply tokens, quote tokens, mark-as-read tokens, link tokens: opaque random strings. */
export function opaqueToken(byteLength = 24): string {
  return base64Url(randomBytes(byteLength));
}

/** Rich menu IDs look like `richmenu-` + 32 hex digits. */
export function richMenuId(): string {
  return `richmenu-${hex(randomBytes(16))}`;
}

/** `x-line-request-id` values are UUIDs. */
export function requestId(): string {
  return crypto.randomUUID();
}
