import { describe, expect, it } from "vitest";
import { constantTimeEqualText, fromBase64Url, hashPassword, randomToken, verifyPassword } from "./secrets.ts";

describe("account-link secrets", () => {
  it("makes nonces of 256 random bits in base64url, within LINE's 10–255 characters, never repeating", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fromBase64Url(nonce)).toHaveLength(32);
    }
  });

  it("accepts the right password and refuses a wrong one, an unknown account and a malformed hash", async () => {
    const stored = await hashPassword("enishi-demo", 1000);
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("enishi-demo", stored)).toBe(true);
    expect(await verifyPassword("enishi-dem0", stored)).toBe(false);
    expect(await verifyPassword("enishi-demo", null)).toBe(false);
    expect(await verifyPassword("enishi-demo", "plain-text")).toBe(false);
  });

  it("salts every hash, so two accounts with one password do not share a hash", async () => {
    expect(await hashPassword("same", 1000)).not.toBe(await hashPassword("same", 1000));
  });

  it("compares texts of different lengths as unequal", () => {
    expect(constantTimeEqualText("abc", "abc")).toBe(true);
    expect(constantTimeEqualText("abc", "abcd")).toBe(false);
    expect(constantTimeEqualText("abc", "abd")).toBe(false);
  });
});
