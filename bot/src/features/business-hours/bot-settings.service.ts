import type { BotSettingsRow } from "@enishi/db";
import { findBotSettings, updateBotSettings } from "@enishi/db";
import { type BusinessHours, BusinessHoursSchema, businessStatus, DEFAULT_BUSINESS_HOURS, formatTokyoTime } from "@enishi/shared";
import { z } from "zod";
import type { Deps } from "../../deps.ts";

export interface BotSettings {
  faqVersion: number;
  faqShop: string;
  faqDomain: string;
  businessHours: BusinessHours;
  /** a chat with a person involved goes back to the bot after this many hours without a message */
  releaseAfterHours: number;
  /** also push a LINE message to every member of staff when a chat is handed over */
  notifyStaffByLine: boolean;
}

export const BotSettingsInputSchema = z.object({
  businessHours: BusinessHoursSchema,
  releaseAfterHours: z
    .number()
    .int()
    .min(1, "At least 1 hour / 1時間以上にしてください")
    .max(720, "Up to 720 hours (30 days) / 720時間（30日）までです"),
  notifyStaffByLine: z.boolean(),
});
export type BotSettingsInput = z.infer<typeof BotSettingsInputSchema>;

function toSettings(row: BotSettingsRow): BotSettings {
  // A row written by hand or by an older version must not stop the bot: fall back to the default week.
  const hours = BusinessHoursSchema.safeParse(safeJson(row.business_hours));
  if (!hours.success) console.warn(JSON.stringify({ msg: "business_hours_invalid", issues: hours.error.issues.length }));
  return {
    faqVersion: row.faq_version,
    faqShop: row.faq_shop,
    faqDomain: row.faq_domain,
    businessHours: hours.success ? hours.data : DEFAULT_BUSINESS_HOURS,
    releaseAfterHours: row.release_after_hours,
    notifyStaffByLine: row.notify_staff_by_line === 1,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One D1 read per message: the FAQ version (is the cached matcher current?) comes with the hours. */
export async function getBotSettings(deps: Deps): Promise<BotSettings> {
  return toSettings(await findBotSettings(deps.db));
}

export async function saveBotSettings(deps: Deps, input: BotSettingsInput, at = Date.now()): Promise<BotSettings> {
  await updateBotSettings(deps.db, {
    business_hours: JSON.stringify(input.businessHours),
    release_after_hours: input.releaseAfterHours,
    notify_staff_by_line: input.notifyStaffByLine ? 1 : 0,
    updated_at: at,
  });
  return getBotSettings(deps);
}

export interface HoursView {
  open: boolean;
  nextOpenAt: number | null;
  /** "11月4日(水) 10:00" / "Wed 4 Nov, 10:00", Tokyo time */
  nextOpenJa: string | null;
  nextOpenEn: string | null;
}

export function hoursNow(settings: BotSettings, at: number): HoursView {
  const status = businessStatus(settings.businessHours, at);
  const next = status.nextOpenAt !== null ? formatTokyoTime(status.nextOpenAt) : null;
  return { open: status.open, nextOpenAt: status.nextOpenAt, nextOpenJa: next?.ja ?? null, nextOpenEn: next?.en ?? null };
}
