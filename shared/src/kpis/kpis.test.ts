import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, toCsv } from "../csv/write.ts";
import { DAY_MS, dayIndex, daysOf, jstDayOf, jstDayStart, kpiPeriod, lastDays, periodProblem } from "./days.ts";

describe("JST days", () => {
  it("puts 23:59:59.999 JST on its own day and 00:00 JST on the next", () => {
    const start = jstDayStart("2026-03-10") as number;
    expect(start).toBe(Date.parse("2026-03-09T15:00:00Z"));
    expect(jstDayOf(start - 1)).toBe("2026-03-09");
    expect(jstDayOf(start)).toBe("2026-03-10");
    expect(dayIndex(start + DAY_MS - 1, start)).toBe(0);
    expect(dayIndex(start + DAY_MS, start)).toBe(1);
  });

  it("refuses dates that are not on the calendar", () => {
    expect(jstDayStart("2026-02-29")).toBeNull();
    expect(jstDayStart("2024-02-29")).not.toBeNull();
    expect(jstDayStart("2026-13-01")).toBeNull();
    expect(jstDayStart("2026-1-01")).toBeNull();
  });

  it("lists every day of a period, across a month end, and bounds periods at 366 days", () => {
    expect(daysOf("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    const p = kpiPeriod("2026-03-01", "2026-03-01");
    expect(p.end - p.start).toBe(DAY_MS);
    expect(periodProblem("2024-01-01", "2024-12-31")).toBeNull();
    expect(periodProblem("2024-01-01", "2025-01-01")).toContain("366");
    expect(periodProblem("2026-03-02", "2026-03-01")).toContain("after");
    expect(periodProblem("2026-02-30", "2026-03-01")).toContain("from");
  });

  it("gives the last N days ending today in Japan (already tomorrow there at 15:00 UTC)", () => {
    expect(lastDays(7, Date.parse("2026-11-22T15:00:00Z"))).toEqual({ from: "2026-11-17", to: "2026-11-23" });
    expect(lastDays(1, Date.parse("2026-11-22T14:59:59Z"))).toEqual({ from: "2026-11-22", to: "2026-11-22" });
  });
});

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and neutralises formulas", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("x\ny")).toBe('"x\ny"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(12.5)).toBe("12.5");
  });

  it("starts with a BOM and ends every line with CRLF", () => {
    expect(
      toCsv([
        ["日付", "件数"],
        ["2026-03-01", 3],
      ]),
    ).toBe(`${CSV_BOM}日付,件数\r\n2026-03-01,3\r\n`);
  });
});
