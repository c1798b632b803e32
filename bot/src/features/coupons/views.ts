import type { CouponGrantRow, CouponRow } from "@enishi/db";
import type { CouponDiscount, CouponView, GrantView } from "@enishi/shared";

// Row → DTO mapping shared by the customer, staff and admin routes.

function discountOf(row: CouponRow): CouponDiscount {
  return row.discount_kind === "yen" ? { kind: "yen", value: row.discount_value } : { kind: "percent", value: row.discount_value };
}

/** The fields the customer's view and the operator's editor both show, mapped the same way. */
export function couponFace(row: CouponRow) {
  return {
    title: row.title,
    imageUrl: row.image_url,
    terms: row.terms,
    discount: discountOf(row),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    perUserLimit: row.per_user_limit,
  };
}

export function toCouponView(row: CouponRow): CouponView {
  return { id: row.id, ...couponFace(row), lottery: row.lottery_rate_bp !== null };
}

export function toGrantView(row: CouponGrantRow): GrantView {
  return {
    id: row.id,
    couponId: row.coupon_id,
    code: row.code,
    grantedAt: row.granted_at,
    expiresAt: row.expires_at,
    redeemedAt: row.redeemed_at,
    channel: row.redeem_channel,
  };
}
