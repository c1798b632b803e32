import { describe, expect, it } from "vitest";
import { addMonths, purchasePoints } from "./purchase-points.ts";

describe("purchase points", () => {
  it("gives 1 point per ¥100 at 100 bp and rounds down", () => {
    expect(purchasePoints({ amountYen: 1980, rateBp: 100, multiplierPct: 100 })).toBe(19);
  });

  it("doubles for a ×2 rank", () => {
    expect(purchasePoints({ amountYen: 1980, rateBp: 100, multiplierPct: 200 })).toBe(39);
  });

  it("uses a store's own rate", () => {
    expect(purchasePoints({ amountYen: 1000, rateBp: 500, multiplierPct: 100 })).toBe(50);
  });

  it("stays exact for large amounts", () => {
    expect(purchasePoints({ amountYen: 9_999_999, rateBp: 10_000, multiplierPct: 1000 })).toBe(99_999_990);
  });

  it("refuses fractional or negative inputs", () => {
    expect(() => purchasePoints({ amountYen: 10.5, rateBp: 100, multiplierPct: 100 })).toThrow(RangeError);
    expect(() => purchasePoints({ amountYen: -1, rateBp: 100, multiplierPct: 100 })).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("keeps the day of the month", () => {
    expect(new Date(addMonths(Date.UTC(2026, 3, 15, 3), 12)).toISOString()).toBe("2027-04-15T03:00:00.000Z");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(new Date(addMonths(Date.UTC(2027, 0, 31), 1)).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });
});
