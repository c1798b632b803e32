import { describe, expect, it } from "vitest";
import { CARD_CODE_WINDOW_MS, parseCardCode, signCardCode, verifyCardCode } from "./card-code.ts";

const SECRET = "unit-test-card-code-secret";
const T0 = Date.UTC(2026, 10, 20, 1, 0, 0);

describe("card codes", () => {
  it("accepts a fresh code and names the member and a code id", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    const check = await verifyCardCode(SECRET, issued.code, T0 + 1_000);
    expect(check).toMatchObject({ ok: true, memberNumber: "100001", codeId: issued.codeId });
  });

  it("fits the QR alphanumeric set and stays short", async () => {
    const { code } = await signCardCode(SECRET, { memberNumber: "90012345", now: T0 });
    expect(code).toMatch(/^[0-9A-Z.]+$/);
    expect(code.length).toBeLessThanOrEqual(50);
  });

  it("gives every issued code its own id, even within one window", async () => {
    const a = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    const b = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    expect(a.code).not.toBe(b.code);
    expect(a.codeId).not.toBe(b.codeId);
  });

  it("still accepts a code one window later (clock skew, slow scan)", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    expect((await verifyCardCode(SECRET, issued.code, T0 + CARD_CODE_WINDOW_MS)).ok).toBe(true);
  });

  it("refuses a screenshot two windows later as expired", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    const later = issued.expiresAt;
    expect(later - T0).toBeLessThanOrEqual(2 * CARD_CODE_WINDOW_MS);
    expect(await verifyCardCode(SECRET, issued.code, later)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a code from too far in the future", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 + 3 * CARD_CODE_WINDOW_MS });
    expect(await verifyCardCode(SECRET, issued.code, T0)).toEqual({ ok: false, reason: "not_yet_valid" });
  });

  it("refuses a code whose member number was changed", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    const forged = issued.code.replace(".100001.", ".100002.");
    expect(await verifyCardCode(SECRET, forged, T0)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a code whose window was moved forward to outlive its time", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    const later = await signCardCode(SECRET, { memberNumber: "100001", now: T0 + 10 * CARD_CODE_WINDOW_MS });
    const [v, m, , nonce, mac] = issued.code.split(".");
    const laterWindow = later.code.split(".")[2];
    const forged = [v, m, laterWindow, nonce, mac].join(".");
    expect(await verifyCardCode(SECRET, forged, T0 + 10 * CARD_CODE_WINDOW_MS)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a code signed with another secret", async () => {
    const issued = await signCardCode("another-secret-of-some-other-shop", { memberNumber: "100001", now: T0 });
    expect(await verifyCardCode(SECRET, issued.code, T0)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a flipped character in the signature", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    const last = issued.code.at(-1);
    const forged = issued.code.slice(0, -1) + (last === "0" ? "1" : "0");
    expect(await verifyCardCode(SECRET, forged, T0)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses text that is not a card code", async () => {
    for (const text of ["", "hello", "EN1.100001", "https://example.com", "EN2.100001.1.ABCDEFGH.0123456789ABCDEF", "x".repeat(500)]) {
      expect(await verifyCardCode(SECRET, text, T0)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("accepts a code typed by hand in lower case with spaces and look-alike letters", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0, nonce: "0A1B2C3D" });
    const [version = "", member = "", ...rest] = issued.code.split(".");
    const sloppy = rest.map((part) => part.toLowerCase().replace(/0/g, "o").replace(/1/g, "l"));
    const typed = ` ${[version.toLowerCase(), member, ...sloppy].join(". ")} `;
    const check = await verifyCardCode(SECRET, typed, T0);
    expect(check).toMatchObject({ ok: true, codeId: issued.codeId });
  });

  it("parses the format without a secret", async () => {
    const issued = await signCardCode(SECRET, { memberNumber: "100001", now: T0 });
    expect(parseCardCode(issued.code)).toMatchObject({ memberNumber: "100001", window: issued.window });
  });
});
