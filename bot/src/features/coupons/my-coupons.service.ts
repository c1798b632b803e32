import type { GrantWithCoupon } from "@enishi/db";
import { findCoupon, findDrawsOfUser, findGrantsOfUser, findOfferedCoupons, findOpenSegmentCoupons } from "@enishi/db";
import type { MyCouponDetail, MyCouponItem, MyCoupons } from "@enishi/shared";
import { grantState } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { friendInAudience } from "./audience.ts";
import { claimRefusalFor } from "./grants.service.ts";
import { toCouponView, toGrantView } from "./views.ts";

/** A copy of a withdrawn coupon cannot be used any more: it is listed with the expired ones. */
function stateOf({ grant, coupon }: GrantWithCoupon, now: number): "available" | "used" | "expired" {
  const state = grantState({ redeemedAt: grant.redeemed_at, expiresAt: grant.expires_at }, now);
  return state === "available" && coupon.status !== "active" ? "expired" : state;
}

/**
 * The customer's coupon list: copies they hold (available / used / expired) and, among available, the
 * offers made to them that they may still take. Lost lotteries and full per-user limits are not offered.
 */
export async function listMyCoupons(deps: Deps, userId: string): Promise<MyCoupons> {
  const now = Date.now();
  const [held, byTag, bySegment, draws] = await Promise.all([
    findGrantsOfUser(deps.db, userId),
    findOfferedCoupons(deps.db, userId, now),
    findOpenSegmentCoupons(deps.db, now),
    findDrawsOfUser(deps.db, userId),
  ]);
  // Segment coupons are few, and each check is one lookup of this friend.
  const inSegment = await Promise.all(bySegment.map((c) => friendInAudience(deps, c, userId, now)));
  const offered = [...byTag, ...bySegment.filter((_, i) => inSegment[i])];
  const out: MyCoupons = { available: [], used: [], expired: [] };
  for (const row of held) {
    const state = stateOf(row, now);
    out[state].push({ coupon: toCouponView(row.coupon), grant: toGrantView(row.grant), state });
  }
  const lost = new Set(draws.filter((d) => d.won === 0).map((d) => d.coupon_id));
  const claimable: MyCouponItem[] = offered
    .filter((c) => !lost.has(c.id) && held.filter((h) => h.coupon.id === c.id).length < c.per_user_limit)
    .map((c) => ({ coupon: toCouponView(c), grant: null, state: "claimable" }));
  // Copies ready to use first (soonest expiry first), then what can still be taken.
  out.available.sort((a, b) => (a.grant?.expiresAt ?? 0) - (b.grant?.expiresAt ?? 0));
  out.available.push(...claimable);
  out.used.sort((a, b) => (b.grant?.redeemedAt ?? 0) - (a.grant?.redeemedAt ?? 0));
  out.expired.sort((a, b) => (b.grant?.expiresAt ?? 0) - (a.grant?.expiresAt ?? 0));
  return out;
}

/**
 * One coupon as this customer sees it. Drafts do not exist for customers; a coupon offered to others but
 * not to them still shows (they may have been sent the link), with the reason they cannot take it.
 */
export async function getMyCoupon(deps: Deps, userId: string, couponId: string): Promise<MyCouponDetail> {
  const coupon = await findCoupon(deps.db, couponId);
  if (!coupon || coupon.status === "draft") throw new AppError(404, "not_found", "クーポンが見つかりません / Coupon not found");
  const now = Date.now();
  const [held, draws] = await Promise.all([findGrantsOfUser(deps.db, userId), findDrawsOfUser(deps.db, userId)]);
  const mine = held.filter((h) => h.coupon.id === couponId);
  const draw = draws.find((d) => d.coupon_id === couponId);
  const refusal = await claimRefusalFor(deps, coupon, userId, now);
  return {
    coupon: toCouponView(coupon),
    grants: mine.map((row) => ({ ...toGrantView(row.grant), state: stateOf(row, now) })),
    claim: { possible: refusal === null, refusal },
    draw: draw ? (draw.won === 1 ? "won" : "lost") : null,
  };
}
