import { describe, expect, it } from "vitest";
import { checkShopSignature, SIGNATURE_TOLERANCE_S } from "./shop-signature.ts";

const SECRET = "unit-shop-api-secret-0123456789abcdef";
const NOW = 1_795_000_000_000;

async function signature(secret: string, timestamp: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
  return `v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

describe("shop API signatures", () => {
  const body = '{"linkToken":"abcdefgh","memberNumber":"100003"}';
  const ts = String(NOW / 1000);

  it("accepts the HMAC of timestamp.body within the tolerance", async () => {
    const sig = await signature(SECRET, ts, body);
    expect(await checkShopSignature(SECRET, { timestamp: ts, signature: sig }, body, NOW)).toEqual({ ok: true });
    const edge = NOW + SIGNATURE_TOLERANCE_S * 1000;
    expect(await checkShopSignature(SECRET, { timestamp: ts, signature: sig }, body, edge)).toEqual({ ok: true });
  });

  it("refuses another body, timestamp or secret, and says why", async () => {
    const sig = await signature(SECRET, ts, body);
    const check = (timestamp: string | undefined, signature_: string | undefined, raw = body, now = NOW, secret = SECRET) =>
      checkShopSignature(secret, { timestamp, signature: signature_ }, raw, now);
    expect(await check(ts, sig, body.replace("100003", "100004"))).toEqual({ ok: false, reason: "mismatch" });
    expect(await check(String(NOW / 1000 + 1), sig, body, NOW)).toEqual({ ok: false, reason: "mismatch" });
    expect(await check(ts, sig, body, NOW + (SIGNATURE_TOLERANCE_S + 1) * 1000)).toEqual({ ok: false, reason: "expired" });
    expect(await check(undefined, sig)).toEqual({ ok: false, reason: "missing" });
    expect(await check(ts, sig.slice(3))).toEqual({ ok: false, reason: "malformed" });
    expect(await check("12.5", sig)).toEqual({ ok: false, reason: "malformed" });
    expect(await check(ts, sig, body, NOW, "short")).toEqual({ ok: false, reason: "not_configured" });
    expect(await check(ts, sig, body, NOW, "another-secret-of-enough-length-0123456789")).toEqual({ ok: false, reason: "mismatch" });
  });
});
