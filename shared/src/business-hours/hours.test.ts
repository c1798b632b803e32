import { describe, expect, it } from "vitest";
import { businessStatus, closedReason, formatTokyoTime, isOpenAt, nextOpeningAt, publicHolidayName } from "./hours.ts";
import { BusinessHoursSchema, DEFAULT_BUSINESS_HOURS } from "./schema.ts";

/** An instant given as Tokyo wall-clock time, whatever time zone the tests run in. */
const tokyo = (iso: string) => Date.parse(`${iso}+09:00`);

describe("business hours in Asia/Tokyo", () => {
  it("is open on a weekday afternoon and closed before opening, whatever the runtime's time zone", () => {
    // 2026-11-05 is a Thursday; 10:30 in Tokyo is 01:30 UTC, the previous day in the Americas.
    expect(isOpenAt(DEFAULT_BUSINESS_HOURS, tokyo("2026-11-05T10:30:00"))).toBe(true);
    expect(isOpenAt(DEFAULT_BUSINESS_HOURS, tokyo("2026-11-05T09:59:00"))).toBe(false);
    expect(isOpenAt(DEFAULT_BUSINESS_HOURS, tokyo("2026-11-05T19:00:00"))).toBe(false);
  });

  it("is closed on a Japanese public holiday and opens the next working morning", () => {
    const culture = tokyo("2026-11-03T11:00:00"); // 文化の日, a Tuesday
    expect(publicHolidayName(culture)).toBe("文化の日");
    expect(closedReason(DEFAULT_BUSINESS_HOURS, culture)).toBe("holiday");
    expect(businessStatus(DEFAULT_BUSINESS_HOURS, culture)).toEqual({ open: false, nextOpenAt: tokyo("2026-11-04T10:00:00") });
  });

  it("counts substitute holidays (振替休日) too", () => {
    // 憲法記念日 2026-05-03 falls on a Sunday: Wednesday the 6th is the substitute holiday.
    expect(publicHolidayName(tokyo("2026-05-06T12:00:00"))).toBe("振替休日");
    expect(nextOpeningAt(DEFAULT_BUSINESS_HOURS, tokyo("2026-05-02T20:00:00"))).toBe(tokyo("2026-05-07T10:00:00"));
  });

  it("opens on a public holiday when the shop says it does", () => {
    const hours = { ...DEFAULT_BUSINESS_HOURS, closedOnPublicHolidays: false };
    expect(isOpenAt(hours, tokyo("2026-11-03T11:00:00"))).toBe(true);
  });

  it("skips the weekly closed day and extra closed dates", () => {
    const hours = { ...DEFAULT_BUSINESS_HOURS, closedDates: ["2026-11-09"] };
    // Saturday evening → Sunday closed (weekly) → Monday the 9th closed (date) → Tuesday 10:00.
    expect(nextOpeningAt(hours, tokyo("2026-11-07T19:30:00"))).toBe(tokyo("2026-11-10T10:00:00"));
    expect(closedReason(hours, tokyo("2026-11-08T12:00:00"))).toBe("weekly");
    expect(closedReason(hours, tokyo("2026-11-09T12:00:00"))).toBe("closed-date");
  });

  it("handles split openings and a midnight close", () => {
    const day = [
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "24:00" },
    ];
    const hours = { weekly: [day, day, day, day, day, day, day], closedOnPublicHolidays: false, closedDates: [] };
    expect(isOpenAt(hours, tokyo("2026-11-05T12:30:00"))).toBe(false);
    expect(nextOpeningAt(hours, tokyo("2026-11-05T12:30:00"))).toBe(tokyo("2026-11-05T13:00:00"));
    expect(isOpenAt(hours, tokyo("2026-11-05T23:59:00"))).toBe(true);
  });

  it("says nothing about the next opening when the shop never opens", () => {
    const closed = { weekly: [[], [], [], [], [], [], []], closedOnPublicHolidays: true, closedDates: [] };
    expect(nextOpeningAt(closed, tokyo("2026-11-05T10:00:00"))).toBeNull();
  });

  it("names the next opening in Japanese and English, in Tokyo time", () => {
    expect(formatTokyoTime(tokyo("2026-11-04T10:00:00"))).toEqual({ ja: "11月4日(水) 10:00", en: "Wed 4 Nov, 10:00" });
  });

  it("refuses an opening that closes before it opens, and malformed times", () => {
    const week = (o: { open: string; close: string }) => [[o], [], [], [], [], [], []];
    expect(
      BusinessHoursSchema.safeParse({ weekly: week({ open: "19:00", close: "10:00" }), closedOnPublicHolidays: true, closedDates: [] })
        .success,
    ).toBe(false);
    expect(
      BusinessHoursSchema.safeParse({ weekly: week({ open: "9:00", close: "10:00" }), closedOnPublicHolidays: true, closedDates: [] })
        .success,
    ).toBe(false);
    expect(BusinessHoursSchema.safeParse({ ...DEFAULT_BUSINESS_HOURS, closedDates: ["2026-13-01"] }).success).toBe(false);
  });
});
