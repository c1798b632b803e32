/**
 * The shop's business hours (issue 4 §5): openings per weekday, whether public holidays are closed, and
 * closed dates. Times are Asia/Tokyo wall-clock "HH:MM"; a close of "24:00" means midnight.
 */
import { z } from "zod";

const TimeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM, 00:00–24:00 / 時刻は HH:MM（00:00〜24:00）で入力してください");

export const OpeningSchema = z
  .object({ open: TimeOfDaySchema, close: TimeOfDaySchema })
  .refine((o) => o.open < o.close, { message: "Closing must be after opening / 終了は開始より後にしてください", path: ["close"] });
export type Opening = z.infer<typeof OpeningSchema>;

export const DateKeySchema = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, "Use YYYY-MM-DD / 日付は YYYY-MM-DD で入力してください");

export const BusinessHoursSchema = z.object({
  /** index 0 = Sunday … 6 = Saturday (Date#getDay); an empty list = closed all day */
  weekly: z.array(z.array(OpeningSchema).max(4, "Up to 4 openings a day / 1日4枠までです")).length(7),
  closedOnPublicHolidays: z.boolean(),
  /** extra closed days (year-end, staff training…), Tokyo dates */
  closedDates: z.array(DateKeySchema).max(400),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

const weekday: Opening[] = [{ open: "10:00", close: "19:00" }];

/** A small shop's usual week: Monday–Saturday 10:00–19:00, closed on Sundays and public holidays. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  weekly: [[], weekday, weekday, weekday, weekday, weekday, weekday],
  closedOnPublicHolidays: true,
  closedDates: [],
};
