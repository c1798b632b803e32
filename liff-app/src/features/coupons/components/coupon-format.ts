import type { ClaimRefusal, RedeemRefusal } from "@enishi/shared";
// Deep imports: the package index would pull zod into these customer chunks.
import { CLAIM_REFUSAL_TEXT, REDEEM_REFUSAL_TEXT } from "@enishi/shared/coupons/validity";
import { ApiError } from "../../../lib/api.ts";

const day = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "numeric", day: "numeric" });
const dayTime = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });

/** Dates in the shop's time zone (JST), whatever the phone is set to. */
export function jstDay(ms: number): string {
  return day.format(ms);
}

export function jstDayTime(ms: number): string {
  return dayTime.format(ms);
}

/**
 * The last day a coupon can be used. End times are exclusive (a coupon ending 2028-01-01 00:00 is last
 * usable on 2027-12-31), so the day shown is the day of the last millisecond.
 */
export function lastDay(endExclusive: number): string {
  return jstDay(endExclusive - 1);
}

/** Expiry as a person reads it: "あと3日" close to the end, the date otherwise. */
export function expiryText(expiresAt: number, now = Date.now()): { ja: string; en: string } {
  const left = expiresAt - now;
  if (left <= 0) return { ja: `${jstDay(expiresAt)} に期限切れ`, en: `Expired ${jstDay(expiresAt)}` };
  const hours = Math.floor(left / 3_600_000);
  if (hours < 24) return { ja: `あと${Math.max(hours, 1)}時間`, en: `${Math.max(hours, 1)} h left` };
  const days = Math.floor(hours / 24);
  if (days < 7) return { ja: `あと${days}日（${lastDay(expiresAt)}まで）`, en: `${days} days left (until ${lastDay(expiresAt)})` };
  return { ja: `${lastDay(expiresAt)}まで`, en: `Until ${lastDay(expiresAt)}` };
}

/**
 * The refusal behind a 409/403/404 from the coupon API, in words: the server's `details.reason` is the
 * contract (never its message text).
 */
export function couponRefusal(error: unknown): { ja: string; en: string } | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details;
  const reason = typeof details === "object" && details !== null && "reason" in details ? String(details.reason) : null;
  if (reason && reason in CLAIM_REFUSAL_TEXT) return CLAIM_REFUSAL_TEXT[reason as ClaimRefusal];
  if (reason && reason in REDEEM_REFUSAL_TEXT) return REDEEM_REFUSAL_TEXT[reason as RedeemRefusal];
  return null;
}
