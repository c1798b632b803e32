import { describe, expect, it } from "vitest";
import { verifyLineSignature } from "./verify-signature.ts";

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe("verifyLineSignature", () => {
  it("accepts LINE's published test vector", async () => {
    expect(await verifyLineSignature("test_secret", bytes('{"hello":"world"}'), "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=")).toBe(true);
  });

  it("rejects a body changed by one byte, another secret, and a missing or malformed header", async () => {
    const signature = "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=";
    expect(await verifyLineSignature("test_secret", bytes('{"hello":"World"}'), signature)).toBe(false);
    expect(await verifyLineSignature("other_secret", bytes('{"hello":"world"}'), signature)).toBe(false);
    expect(await verifyLineSignature("test_secret", bytes('{"hello":"world"}'), undefined)).toBe(false);
    expect(await verifyLineSignature("test_secret", bytes('{"hello":"world"}'), "not base64 at all!")).toBe(false);
    expect(await verifyLineSignature("test_secret", bytes('{"hello":"world"}'), signature.slice(0, -2))).toBe(false);
  });

  it("checks the raw bytes, so emoji escaped by LINE must not be re-serialised first", async () => {
    const raw = '{"text":"\\uD83D\\uDE00"}';
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("s"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, bytes(raw)));
    const signature = btoa(String.fromCharCode(...mac));
    expect(await verifyLineSignature("s", bytes(raw), signature)).toBe(true);
    expect(await verifyLineSignature("s", bytes(JSON.stringify(JSON.parse(raw))), signature)).toBe(false);
  });
});
