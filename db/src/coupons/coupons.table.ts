import type { Insertable, Selectable, Updateable } from "kysely";

/** An offer operators create (db/migrations/0004_coupons.sql). */
export interface CouponsTable {
  id: string;
  title: string;
  image_url: string | null;
  terms: string;
  discount_kind: "yen" | "percent";
  discount_value: number;
  starts_at: number;
  ends_at: number;
  valid_days: number | null;
  audience_kind: "everyone" | "tag" | "segment";
  audience_ref: string | null;
  per_user_limit: number;
  total_limit: number | null;
  lottery_rate_bp: number | null;
  lottery_max_winners: number | null;
  redeem_tag: string | null;
  status: "draft" | "active" | "archived";
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
export type CouponRow = Selectable<CouponsTable>;
export type NewCouponRow = Insertable<CouponsTable>;
export type CouponRowUpdate = Updateable<CouponsTable>;

export type RedeemChannel = "counter" | "use-now" | "online";
export type GrantSource = "claim" | "survey" | "staff" | "scenario";

/** One usable copy of a coupon held by one friend. */
export interface CouponGrantsTable {
  id: string;
  coupon_id: string;
  line_user_id: string;
  seq: number;
  code: string;
  source: GrantSource;
  source_ref: string | null;
  grant_key: string | null;
  granted_at: number;
  expires_at: number;
  redeemed_at: number | null;
  redeemed_by: string | null;
  redeem_channel: RedeemChannel | null;
  redeem_store_id: string | null;
  redemption_id: string | null;
}
export type CouponGrantRow = Selectable<CouponGrantsTable>;

export interface CouponDrawsTable {
  coupon_id: string;
  line_user_id: string;
  won: 0 | 1;
  drawn_at: number;
}
export type CouponDrawRow = Selectable<CouponDrawsTable>;

export interface CouponSendsTable {
  id: string;
  coupon_id: string;
  created_by: string;
  status: "sending" | "done";
  created_at: number;
  finished_at: number | null;
}
export type CouponSendRow = Selectable<CouponSendsTable>;

export interface CouponSendBatchesTable {
  send_id: string;
  batch_no: number;
  retry_key: string;
  after_user_id: string;
  recipients: number;
  status: "pending" | "sent" | "failed";
  line_request_id: string | null;
  error: string | null;
  created_at: number;
  sent_at: number | null;
}
export type CouponSendBatchRow = Selectable<CouponSendBatchesTable>;
