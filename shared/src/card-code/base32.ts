/**
 * Crockford base32 (0-9, A-Z without I L O U). Upper case only, so a whole card code stays inside the QR
 * "alphanumeric" character set: a denser QR (fewer modules) that phones and counter scanners read faster.
 * Decoding forgives what people mistype when they copy a code by hand (o → 0, i/l → 1, lower case).
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Non-negative integers (window numbers) in base32, most significant digit first. */
export function encodeBase32Int(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative safe integer: ${value}`);
  let out = "";
  let rest = value;
  do {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  return out;
}

export function decodeBase32Int(text: string): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  let value = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 32 + digit;
  }
  return value;
}

/** Upper-cases and undoes the usual look-alike mistakes of Crockford base32. */
export function normalizeBase32(text: string): string {
  return text.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function isBase32(text: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(text);
}
