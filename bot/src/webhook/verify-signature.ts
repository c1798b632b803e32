const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    keyCache.set(secret, key);
  }
  return key;
}

function decodeBase64(value: string): Uint8Array | undefined {
  // A signature is 32 bytes: 44 base64 characters. Anything else cannot match, and atob would throw on junk.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value)) return undefined;
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Checks `x-line-signature` = base64(HMAC-SHA256(channel secret, raw body)) on the exact bytes LINE sent:
 * LINE escapes emoji as \uD83E…, so re-serialised JSON would not match. `crypto.subtle.verify` compares
 * in constant time, so the check leaks nothing through timing.
 * https://developers.line.biz/en/docs/messaging-api/receiving-messages/#verify-signature
 */
export async function verifyLineSignature(channelSecret: string, rawBody: ArrayBuffer, signature: string | undefined): Promise<boolean> {
  if (!signature) return false;
  const expected = decodeBase64(signature.trim());
  if (!expected) return false;
  return crypto.subtle.verify("HMAC", await hmacKey(channelSecret), expected, rawBody);
}
