// Webhook signatures exactly as LINE computes them: base64(HMAC-SHA256(channel secret, raw body bytes)),
// sent in `x-line-signature`. https://developers.line.biz/en/reference/messaging-api/#signature-validation
// Pure WebCrypto, no Node APIs: integration tests running inside workerd import this file to sign the
// webhook bodies they post to the Worker themselves.

const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  // Copy into a fresh ArrayBuffer-backed array: WebCrypto rejects views over SharedArrayBuffer.
  return new Uint8Array(typeof body === "string" ? encoder.encode(body) : body);
}

function hmacKey(channelSecret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(channelSecret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * Signs a webhook body. Pass the exact string or bytes that go on the wire: LINE signs the bytes, so
 * a body that is parsed and re-serialised (which changes `\uD83D…` escapes, key order, spacing) no
 * longer matches.
 */
export async function signBody(channelSecret: string, body: string | Uint8Array): Promise<string> {
  const key = await hmacKey(channelSecret, "sign");
  const mac = await crypto.subtle.sign("HMAC", key, toBytes(body));
  return toBase64(new Uint8Array(mac));
}

/**
 * Checks an `x-line-signature` value. `crypto.subtle.verify` compares in constant time, unlike
 * comparing base64 strings with `===`.
 */
export async function verifySignature(
  channelSecret: string,
  body: string | Uint8Array,
  signature: string | null | undefined,
): Promise<boolean> {
  if (!signature) return false;
  const mac = fromBase64(signature);
  if (mac?.length !== 32) return false;
  const key = await hmacKey(channelSecret, "verify");
  return crypto.subtle.verify("HMAC", key, mac, toBytes(body));
}
