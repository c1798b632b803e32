/**
 * Server-to-server calls from the shop's own systems (its website's login, and later its POS or cart):
 * the caller signs `<timestamp>.<raw body>` with HMAC-SHA256 and the shared SHOP_API_SECRET, and sends
 *
 *   X-Enishi-Timestamp: <unix seconds>
 *   X-Enishi-Signature: v1=<lowercase hex of the HMAC>
 *
 * The secret never travels; a captured request stops working after SIGNATURE_TOLERANCE_S, and the
 * timestamp cannot be changed without the body's signature failing. Decision 014.
 */
const encoder = new TextEncoder();

export const SIGNATURE_TOLERANCE_S = 300;
/** Shorter secrets are refused as configuration errors rather than trusted. */
export const MIN_SHOP_SECRET_LENGTH = 32;

export type ShopSignatureCheck = { ok: true } | { ok: false; reason: "not_configured" | "missing" | "malformed" | "expired" | "mismatch" };

export async function checkShopSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  nowMs = Date.now(),
): Promise<ShopSignatureCheck> {
  if (secret.length < MIN_SHOP_SECRET_LENGTH) return { ok: false, reason: "not_configured" };
  if (!headers.timestamp || !headers.signature) return { ok: false, reason: "missing" };
  const given = /^v1=([0-9a-f]{64})$/.exec(headers.signature.trim())?.[1];
  if (!/^\d{1,12}$/.test(headers.timestamp) || !given) return { ok: false, reason: "malformed" };
  if (Math.abs(nowMs / 1000 - Number(headers.timestamp)) > SIGNATURE_TOLERANCE_S) return { ok: false, reason: "expired" };
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const mac = Uint8Array.from(given.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  // subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify("HMAC", key, mac, encoder.encode(`${headers.timestamp}.${rawBody}`));
  return valid ? { ok: true } : { ok: false, reason: "mismatch" };
}
