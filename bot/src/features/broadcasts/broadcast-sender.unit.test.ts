import { describe, expect, it } from "vitest";
import { recipientRetryKey, startOfNextMonthJst } from "./broadcast-sender.ts";

describe("personalised pushes", () => {
  it("derive one stable UUID-shaped retry key per batch and recipient, so a re-run repeats the same keys", async () => {
    const batchKey = "5b0f6b1e-8d7a-4c1e-9f00-1234567890ab";
    const a = await recipientRetryKey(batchKey, `U${"a".repeat(32)}`);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await recipientRetryKey(batchKey, `U${"a".repeat(32)}`)).toBe(a);
    expect(await recipientRetryKey(batchKey, `U${"b".repeat(32)}`)).not.toBe(a);
    expect(await recipientRetryKey("another-batch", `U${"a".repeat(32)}`)).not.toBe(a);
  });
});

describe("quota pause", () => {
  it("resumes at midnight of the 1st in Japan, across a year end", () => {
    const newYearsEve = Date.parse("2026-12-31T23:30:00+09:00");
    expect(new Date(startOfNextMonthJst(newYearsEve)).toISOString()).toBe("2026-12-31T15:00:00.000Z");
    // 08:00 JST on the 1st is still the previous day in UTC: the next reset is a month later.
    expect(new Date(startOfNextMonthJst(Date.parse("2027-03-01T08:00:00+09:00"))).toISOString()).toBe("2027-03-31T15:00:00.000Z");
  });
});
