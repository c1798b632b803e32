/**
 * Coupon codes: what a customer shows at the counter (as a QR) or types at an online checkout.
 * 12 characters of Crockford's base32 (no I, L, O, U: nothing to misread) = 60 random bits, so a code
 * cannot be guessed; grouped 4-4-4 for reading aloud. Stored without hyphens, upper case.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const COUPON_CODE_LENGTH = 12;

/** The QR payload prefix: lets the staff scanner tell a coupon from a member-card code. */
export const COUPON_QR_PREFIX = "ENISHI-COUPON:";

/** A new code from 12 random bytes (pass `crypto.getRandomValues(new Uint8Array(12))`). */
export function couponCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < COUPON_CODE_LENGTH) throw new Error(`need ${COUPON_CODE_LENGTH} random bytes`);
  let code = "";
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  for (let i = 0; i < COUPON_CODE_LENGTH; i++) code += ALPHABET[(bytes[i] as number) % 32];
  return code;
}

/**
 * What a person typed → the stored form, or null when it cannot be a code. Accepts lower case, spaces,
 * hyphens and full-width characters (a Japanese keyboard), and reads O as 0 and I/L as 1, as Crockford does.
 */
export function normalizeCouponCode(input: string): string | null {
  const ascii = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐－ー_]/g, "");
  const mapped = ascii.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (mapped.length !== COUPON_CODE_LENGTH) return null;
  for (const ch of mapped) if (!ALPHABET.includes(ch)) return null;
  return mapped;
}

/** `ABCD-EFGH-JKMN` for display. */
export function formatCouponCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

export function couponQrPayload(code: string): string {
  return `${COUPON_QR_PREFIX}${code}`;
}

/**
 * A scanned QR text or a typed code → the stored code, or null when it is not a coupon code (e.g. a
 * member-card code: the scanner then tries the card).
 */
export function parseCouponScan(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.toUpperCase().startsWith(COUPON_QR_PREFIX)) return normalizeCouponCode(trimmed.slice(COUPON_QR_PREFIX.length));
  return normalizeCouponCode(trimmed);
}
