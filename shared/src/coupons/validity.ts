import type { ClaimRefusal, CouponDiscount, RedeemRefusal } from "./schema.ts";

const DAY_MS = 86_400_000;

export type GrantState = "available" | "used" | "expired";

/** Where a held copy stands at `now`. Expiry is exclusive: at `expiresAt` it is expired. */
export function grantState(grant: { redeemedAt: number | null; expiresAt: number }, now: number): GrantState {
  if (grant.redeemedAt !== null) return "used";
  return now < grant.expiresAt ? "available" : "expired";
}

/** When a copy granted at `grantedAt` expires: `validDays` after, never after the coupon's end. */
export function grantExpiry(coupon: { endsAt: number; validDays: number | null }, grantedAt: number): number {
  return coupon.validDays === null ? coupon.endsAt : Math.min(coupon.endsAt, grantedAt + coupon.validDays * DAY_MS);
}

export function isCouponOpen(coupon: { status: string; startsAt: number; endsAt: number }, now: number): boolean {
  return coupon.status === "active" && coupon.startsAt <= now && now < coupon.endsAt;
}

/** Win rate in percent (0–100, to 0.01) ↔ basis points as stored. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** A roll of `random` (uniform in [0, 1)) against the win rate in basis points. */
export function rollLottery(rateBp: number, random: number): boolean {
  return random * 10_000 < rateBp;
}

export function discountLabel(discount: CouponDiscount): { ja: string; en: string } {
  if (discount.kind === "yen") {
    const yen = discount.value.toLocaleString("ja-JP");
    return { ja: `${yen}円引き`, en: `¥${yen} off` };
  }
  return discount.value === 100 ? { ja: "無料", en: "Free" } : { ja: `${discount.value}%オフ`, en: `${discount.value}% off` };
}

/** What the customer or the clerk is told when a redemption is refused. */
export const REDEEM_REFUSAL_TEXT: Record<RedeemRefusal, { ja: string; en: string }> = {
  already_redeemed: { ja: "このクーポンはすでに使用済みです。", en: "This coupon has already been used." },
  expired: { ja: "このクーポンは有効期限が切れています。", en: "This coupon has expired." },
  not_started: { ja: "このクーポンはまだ利用開始前です。", en: "This coupon cannot be used yet." },
  withdrawn: { ja: "このクーポンは配布が終了しました。", en: "This coupon has been withdrawn." },
  not_yours: { ja: "このクーポンはご本人のものではありません。", en: "This coupon belongs to someone else." },
  unknown_code: { ja: "クーポンコードが見つかりません。", en: "No coupon has this code." },
};

export const CLAIM_REFUSAL_TEXT: Record<ClaimRefusal, { ja: string; en: string }> = {
  not_available: { ja: "このクーポンは現在受け取れません。", en: "This coupon is not available now." },
  not_in_audience: { ja: "このクーポンの対象ではありません。", en: "This coupon is not offered to you." },
  limit_reached: { ja: "受け取れる上限に達しています。", en: "You have reached the limit for this coupon." },
  sold_out: { ja: "先着の配布数に達しました。", en: "All copies of this coupon have been given out." },
  lottery_lost: { ja: "残念、はずれました。またの機会をお待ちください。", en: "Sorry, you did not win this time." },
};
