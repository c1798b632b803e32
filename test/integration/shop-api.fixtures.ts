import { callWorker } from "./helpers.ts";

/** SHOP_API_SECRET of the integration Worker (vitest config). */
export const SHOP_SECRET = "integration-shop-api-secret-0123456789abcdef";
const encoder = new TextEncoder();

/** What the shop's server sends, computed the way the README tells it to (not with the Worker's code). */
async function sign(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
  return `v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export interface ShopCallOptions {
  secret?: string;
  /** Unix seconds; now by default */
  timestamp?: number;
  /** changes the body after it was signed */
  tamper?: (raw: string) => string;
  /** no signature headers at all */
  unsigned?: boolean;
}

/** A signed POST from the shop's server (website login, POS, cart) to one of the /api/shop routes. */
export async function shopPost(path: string, body: unknown, options: ShopCallOptions = {}): Promise<Response> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (!options.unsigned) {
    headers["x-enishi-timestamp"] = timestamp;
    headers["x-enishi-signature"] = await sign(options.secret ?? SHOP_SECRET, timestamp, raw);
  }
  return callWorker(path, { method: "POST", headers, body: options.tamper ? options.tamper(raw) : raw });
}
