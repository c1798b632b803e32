import { describe, expect, it } from "vitest";
import { formatJst, isQuietAt, nextSendableAt } from "./quiet-hours.ts";

const jst = (s: string) => Date.parse(`${s}+09:00`);
const NIGHT = { start: "21:00", end: "09:00" };
const LUNCH = { start: "12:00", end: "13:00" };

describe("quiet hours (Japan time)", () => {
  it.each([
    ["2026-03-10T20:59", false],
    ["2026-03-10T21:00", true],
    ["2026-03-10T23:30", true],
    ["2026-03-11T03:00", true],
    ["2026-03-11T08:59", true],
    ["2026-03-11T09:00", false],
  ])("a window over midnight: %s is quiet = %s", (at, quiet) => {
    expect(isQuietAt(jst(at), NIGHT)).toBe(quiet);
  });

  it("moves a send in the evening to 9:00 the next morning, and one after midnight to 9:00 the same day", () => {
    expect(formatJst(nextSendableAt(jst("2026-03-10T22:15"), NIGHT))).toBe("2026-03-11 09:00");
    expect(formatJst(nextSendableAt(jst("2026-03-11T02:00"), NIGHT))).toBe("2026-03-11 09:00");
  });

  it("works on JST whatever the UTC date is (09:00 JST is midnight UTC)", () => {
    // 08:30 JST on the 11th is 23:30 UTC on the 10th.
    expect(formatJst(nextSendableAt(Date.parse("2026-03-10T23:30:00Z"), NIGHT))).toBe("2026-03-11 09:00");
  });

  it("handles a window inside one day and leaves sendable times alone", () => {
    expect(formatJst(nextSendableAt(jst("2026-03-10T12:30"), LUNCH))).toBe("2026-03-10 13:00");
    expect(nextSendableAt(jst("2026-03-10T14:00"), LUNCH)).toBe(jst("2026-03-10T14:00"));
    expect(nextSendableAt(jst("2026-03-10T23:00"), null)).toBe(jst("2026-03-10T23:00"));
  });
});
