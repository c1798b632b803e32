import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { CouponGrantRow, CouponRow } from "./coupons.table.ts";

/** A copy with its coupon, read in one join (lists, the use-now screen, redemption refusals). */
export interface GrantWithCoupon {
  grant: CouponGrantRow;
  coupon: CouponRow;
}

function grantsJoined(db: Kysely<Database>) {
  return db
    .selectFrom("coupon_grants as g")
    .innerJoin("coupons as c", "c.id", "g.coupon_id")
    .selectAll("g")
    .select([
      "c.title as c_title",
      "c.image_url as c_image_url",
      "c.terms as c_terms",
      "c.discount_kind as c_discount_kind",
      "c.discount_value as c_discount_value",
      "c.starts_at as c_starts_at",
      "c.ends_at as c_ends_at",
      "c.valid_days as c_valid_days",
      "c.audience_kind as c_audience_kind",
      "c.audience_ref as c_audience_ref",
      "c.per_user_limit as c_per_user_limit",
      "c.total_limit as c_total_limit",
      "c.lottery_rate_bp as c_lottery_rate_bp",
      "c.lottery_max_winners as c_lottery_max_winners",
      "c.redeem_tag as c_redeem_tag",
      "c.status as c_status",
      "c.created_by as c_created_by",
      "c.created_at as c_created_at",
      "c.updated_at as c_updated_at",
    ]);
}

type Joined = CouponGrantRow & { [K in keyof CouponRow as K extends "id" ? never : `c_${K & string}`]: CouponRow[K] };

function split(row: Joined): GrantWithCoupon {
  const grant: CouponGrantRow = {
    id: row.id,
    coupon_id: row.coupon_id,
    line_user_id: row.line_user_id,
    seq: row.seq,
    code: row.code,
    source: row.source,
    source_ref: row.source_ref,
    grant_key: row.grant_key,
    granted_at: row.granted_at,
    expires_at: row.expires_at,
    redeemed_at: row.redeemed_at,
    redeemed_by: row.redeemed_by,
    redeem_channel: row.redeem_channel,
    redeem_store_id: row.redeem_store_id,
    redemption_id: row.redemption_id,
  };
  const coupon: CouponRow = {
    id: row.coupon_id,
    title: row.c_title,
    image_url: row.c_image_url,
    terms: row.c_terms,
    discount_kind: row.c_discount_kind,
    discount_value: row.c_discount_value,
    starts_at: row.c_starts_at,
    ends_at: row.c_ends_at,
    valid_days: row.c_valid_days,
    audience_kind: row.c_audience_kind,
    audience_ref: row.c_audience_ref,
    per_user_limit: row.c_per_user_limit,
    total_limit: row.c_total_limit,
    lottery_rate_bp: row.c_lottery_rate_bp,
    lottery_max_winners: row.c_lottery_max_winners,
    redeem_tag: row.c_redeem_tag,
    status: row.c_status,
    created_by: row.c_created_by,
    created_at: row.c_created_at,
    updated_at: row.c_updated_at,
  };
  return { grant, coupon };
}

export async function findGrantsOfUser(db: Kysely<Database>, lineUserId: string, limit = 200): Promise<GrantWithCoupon[]> {
  const rows = await grantsJoined(db).where("g.line_user_id", "=", lineUserId).orderBy("g.granted_at", "desc").limit(limit).execute();
  return rows.map((r) => split(r as Joined));
}

export async function findGrant(db: Kysely<Database>, by: { id: string } | { code: string }): Promise<GrantWithCoupon | undefined> {
  const q = "id" in by ? grantsJoined(db).where("g.id", "=", by.id) : grantsJoined(db).where("g.code", "=", by.code);
  const row = await q.executeTakeFirst();
  return row ? split(row as Joined) : undefined;
}

export async function findGrantByKey(db: Kysely<Database>, grantKey: string): Promise<GrantWithCoupon | undefined> {
  const row = await grantsJoined(db).where("g.grant_key", "=", grantKey).executeTakeFirst();
  return row ? split(row as Joined) : undefined;
}
