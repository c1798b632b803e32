/**
 * Per-user attribution for tracked links: `?u=<userId>.<sig>` where sig is base64url HMAC-SHA256 over
 * `link:<code>:<userId>`. The signature binds the user to the code, so a customer cannot forward a URL
 * with someone else's ID, nor move their own signature to another link. WebCrypto only (workerd and Node).
 */

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array<ArrayBuffer>): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function hmacKey(secret: string | Uint8Array<ArrayBuffer>) {
  const raw = typeof secret === "string" ? encoder.encode(secret) : secret;
  return crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

/**
 * The links' own key, derived from the deployment's card-code secret with a purpose label, so a link
 * signature can never be replayed as (or reveal anything about) a member-card code signature.
 */
export async function deriveLinkKey(secret: string): Promise<Uint8Array<ArrayBuffer>> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode("enishi/tracked-link/v1"));
  return new Uint8Array(mac);
}

export async function signLinkUser(linkKey: Uint8Array<ArrayBuffer>, code: string, userId: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(linkKey), encoder.encode(`link:${code}:${userId}`));
  return toBase64Url(new Uint8Array(mac));
}

/** A LINE user ID (U + 32 hex digits): anything else is not attributed, whatever the signature says. */
const USER_ID = /^U[0-9a-f]{32}$/;

/**
 * The user a `u` parameter attributes the click to, or null when it is missing, malformed or its signature
 * does not match. Verified with `crypto.subtle.verify`, which compares in constant time.
 */
export async function verifyLinkUser(linkKey: Uint8Array<ArrayBuffer>, code: string, u: string | null | undefined): Promise<string | null> {
  if (!u || u.length > 200) return null;
  const dot = u.indexOf(".");
  if (dot < 0) return null;
  const userId = u.slice(0, dot);
  const sig = u.slice(dot + 1);
  if (!USER_ID.test(userId) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
  const binary = atob(sig.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  const ok = await crypto.subtle.verify("HMAC", await hmacKey(linkKey), bytes, encoder.encode(`link:${code}:${userId}`));
  return ok ? userId : null;
}

/** `<base>/r/<code>`, with `?u=<userId>.<sig>` when a user is given. */
export async function buildTrackedLinkUrl(
  baseUrl: string,
  linkKey: Uint8Array<ArrayBuffer>,
  code: string,
  userId?: string | null,
): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, "")}/r/${encodeURIComponent(code)}`;
  if (!userId) return url;
  return `${url}?u=${userId}.${await signLinkUser(linkKey, code, userId)}`;
}
