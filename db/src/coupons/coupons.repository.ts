import type { SqlFragment } from "@enishi/shared";
import type { Kysely } from "kysely";
import { CompiledQuery, sql } from "kysely";
import type { Database } from "../database.ts";
import type { CouponRow, CouponRowUpdate, NewCouponRow } from "./coupons.table.ts";

export function findCoupon(db: Kysely<Database>, id: string): Promise<CouponRow | undefined> {
  return db.selectFrom("coupons").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertCoupon(db: Kysely<Database>, row: NewCouponRow): Promise<void> {
  await db.insertInto("coupons").values(row).execute();
}

/** Returns whether the coupon existed. */
export async function updateCoupon(db: Kysely<Database>, id: string, patch: CouponRowUpdate): Promise<boolean> {
  const result = await db.updateTable("coupons").set(patch).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface CouponWithStats extends CouponRow {
  issued: number;
  redeemed: number;
  winners: number;
  draws: number;
}

/** The admin list (or one coupon): how many copies were issued and redeemed, and lottery results. */
export function findCouponsWithStats(db: Kysely<Database>, filter: { limit: number; id?: string }): Promise<CouponWithStats[]> {
  let q = db.selectFrom("coupons as c");
  if (filter.id !== undefined) q = q.where("c.id", "=", filter.id);
  return q
    .selectAll("c")
    .select((eb) => [
      eb.selectFrom("coupon_grants as g").whereRef("g.coupon_id", "=", "c.id").select(eb.fn.countAll<number>().as("n")).as("issued"),
      eb
        .selectFrom("coupon_grants as g")
        .whereRef("g.coupon_id", "=", "c.id")
        .where("g.redeemed_at", "is not", null)
        .select(eb.fn.countAll<number>().as("n"))
        .as("redeemed"),
      eb
        .selectFrom("coupon_draws as d")
        .whereRef("d.coupon_id", "=", "c.id")
        .where("d.won", "=", 1)
        .select(eb.fn.countAll<number>().as("n"))
        .as("winners"),
      eb.selectFrom("coupon_draws as d").whereRef("d.coupon_id", "=", "c.id").select(eb.fn.countAll<number>().as("n")).as("draws"),
    ])
    .orderBy("c.created_at", "desc")
    .limit(filter.limit)
    .execute() as Promise<CouponWithStats[]>;
}

/**
 * Active coupons whose window includes `now` and whose audience includes the friend (everyone, or a tag
 * they have). Segment audiences match nobody until segments exist.
 */
export function findOfferedCoupons(db: Kysely<Database>, lineUserId: string, now: number): Promise<CouponRow[]> {
  return db
    .selectFrom("coupons as c")
    .selectAll("c")
    .where("c.status", "=", "active")
    .where("c.starts_at", "<=", now)
    .where("c.ends_at", ">", now)
    .where((eb) =>
      eb.or([
        eb("c.audience_kind", "=", "everyone"),
        eb.and([
          eb("c.audience_kind", "=", "tag"),
          eb.exists(
            eb
              .selectFrom("friend_tags as ft")
              .select(sql`1`.as("one"))
              .whereRef("ft.tag_id", "=", "c.audience_ref")
              .where("ft.line_user_id", "=", lineUserId),
          ),
        ]),
      ]),
    )
    .orderBy("c.ends_at")
    .execute();
}

/** Whether the friend is in the coupon's audience (checked again when they claim a linked coupon). */
export async function isInAudience(db: Kysely<Database>, coupon: CouponRow, lineUserId: string): Promise<boolean> {
  if (coupon.audience_kind === "everyone") return true;
  if (coupon.audience_kind !== "tag" || !coupon.audience_ref) return false;
  const hit = await db
    .selectFrom("friend_tags")
    .select("tag_id")
    .where("line_user_id", "=", lineUserId)
    .where("tag_id", "=", coupon.audience_ref)
    .executeTakeFirst();
  return hit !== undefined;
}

/**
 * One page of the coupon's audience among following friends, in user-id order after `afterUserId`
 * (keyset paging: a re-run batch gets the same page).
 */
export function findAudiencePage(db: Kysely<Database>, coupon: CouponRow, afterUserId: string, limit: number): Promise<string[]> {
  let q = db
    .selectFrom("friends as f")
    .select("f.line_user_id")
    .where("f.status", "=", "following")
    .where("f.line_user_id", ">", afterUserId);
  if (coupon.audience_kind === "tag") {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("friend_tags as ft")
          .select(sql`1`.as("one"))
          .whereRef("ft.line_user_id", "=", "f.line_user_id")
          .where("ft.tag_id", "=", coupon.audience_ref ?? ""),
      ),
    );
  } else if (coupon.audience_kind !== "everyone") {
    return Promise.resolve([]);
  }
  return q
    .orderBy("f.line_user_id")
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.line_user_id));
}

/** Open coupons whose audience is a segment: the caller evaluates each segment for the friend. */
export function findOpenSegmentCoupons(db: Kysely<Database>, now: number): Promise<CouponRow[]> {
  return db
    .selectFrom("coupons")
    .selectAll()
    .where("status", "=", "active")
    .where("audience_kind", "=", "segment")
    .where("starts_at", "<=", now)
    .where("ends_at", ">", now)
    .execute();
}

/** Whether the friend matches a compiled segment predicate (over `friends f`, see shared/src/segments). */
export async function isFriendInSegment(db: Kysely<Database>, where: SqlFragment, lineUserId: string): Promise<boolean> {
  const query = CompiledQuery.raw(`SELECT 1 AS hit FROM friends f WHERE ${where.sql} AND f.line_user_id = ? LIMIT 1`, [
    ...where.params,
    lineUserId,
  ]);
  const { rows } = await db.executeQuery(query);
  return rows.length > 0;
}
