import type { CompiledQuery, Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../database.ts";
import type { CouponDrawRow, GrantSource, RedeemChannel } from "./coupons.table.ts";

const DAY_MS = 86_400_000;

export interface NewGrant {
  id: string;
  couponId: string;
  lineUserId: string;
  code: string;
  source: GrantSource;
  sourceRef: string | null;
  grantKey: string | null;
  now: number;
}

/**
 * Issues one copy of the coupon in a single INSERT … SELECT whose WHERE re-counts the friend's copies and
 * all copies, so the per-user and total limits hold under any concurrency (SQLite runs one statement at a
 * time). `seq` is the friend's next slot; the unique (coupon, user, seq) index turns a racing duplicate
 * into an ignored row. A repeated `grantKey` is ignored too. Returns whether a copy was issued.
 */
export async function insertGrantWithinLimits(db: Kysely<Database>, grant: NewGrant): Promise<boolean> {
  const mine = sql<number>`(SELECT COUNT(*) FROM coupon_grants g WHERE g.coupon_id = c.id AND g.line_user_id = ${grant.lineUserId})`;
  const all = sql<number>`(SELECT COUNT(*) FROM coupon_grants g WHERE g.coupon_id = c.id)`;
  const result = await sql`
    INSERT OR IGNORE INTO coupon_grants
      (id, coupon_id, line_user_id, seq, code, source, source_ref, grant_key, granted_at, expires_at)
    SELECT ${grant.id}, c.id, ${grant.lineUserId}, ${mine} + 1, ${grant.code}, ${grant.source}, ${grant.sourceRef},
      ${grant.grantKey}, ${grant.now},
      CASE WHEN c.valid_days IS NULL THEN c.ends_at ELSE MIN(c.ends_at, ${grant.now} + c.valid_days * ${DAY_MS}) END
    FROM coupons c
    WHERE c.id = ${grant.couponId}
      AND c.status = 'active' AND c.starts_at <= ${grant.now} AND c.ends_at > ${grant.now}
      AND ${mine} < c.per_user_limit
      AND (c.total_limit IS NULL OR ${all} < c.total_limit)
  `.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

export function countGrants(db: Kysely<Database>, couponId: string, lineUserId?: string): Promise<number> {
  let q = db
    .selectFrom("coupon_grants")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("coupon_id", "=", couponId);
  if (lineUserId) q = q.where("line_user_id", "=", lineUserId);
  return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
}

/**
 * Draws the friend's lottery once: the first INSERT decides (primary key), later ones are ignored, and the
 * winner cap is counted inside the same statement. `wantsWin` is the caller's random roll.
 */
export async function insertDraw(
  db: Kysely<Database>,
  couponId: string,
  lineUserId: string,
  wantsWin: boolean,
  now: number,
): Promise<void> {
  await sql`
    INSERT OR IGNORE INTO coupon_draws (coupon_id, line_user_id, won, drawn_at)
    SELECT c.id, ${lineUserId},
      CASE WHEN ${wantsWin ? 1 : 0} = 1 AND (c.lottery_max_winners IS NULL
        OR (SELECT COUNT(*) FROM coupon_draws d WHERE d.coupon_id = c.id AND d.won = 1) < c.lottery_max_winners)
      THEN 1 ELSE 0 END,
      ${now}
    FROM coupons c WHERE c.id = ${couponId}
  `.execute(db);
}

export function findDraw(db: Kysely<Database>, couponId: string, lineUserId: string): Promise<CouponDrawRow | undefined> {
  return db
    .selectFrom("coupon_draws")
    .selectAll()
    .where("coupon_id", "=", couponId)
    .where("line_user_id", "=", lineUserId)
    .executeTakeFirst();
}

export function findDrawsOfUser(db: Kysely<Database>, lineUserId: string): Promise<CouponDrawRow[]> {
  return db.selectFrom("coupon_draws").selectAll().where("line_user_id", "=", lineUserId).execute();
}

export interface Redemption {
  grantId: string;
  redemptionId: string;
  by: string;
  channel: RedeemChannel;
  storeId: string | null;
  /** The customer redeeming their own copy must own it; staff may redeem anyone's. */
  ownerUserId: string | null;
  now: number;
}

/**
 * The one redeeming statement: it changes a row only while the copy is unredeemed, unexpired and its
 * coupon active and started, so of any number of concurrent attempts exactly one sees `changes === 1`.
 * Compiled, so the caller can run it in one D1 batch with the audit row it implies.
 */
export function redeemGrantQuery(db: Kysely<Database>, r: Redemption): CompiledQuery {
  let q = db
    .updateTable("coupon_grants")
    .set({ redeemed_at: r.now, redeemed_by: r.by, redeem_channel: r.channel, redeem_store_id: r.storeId, redemption_id: r.redemptionId })
    .where("id", "=", r.grantId)
    .where("redeemed_at", "is", null)
    .where("expires_at", ">", r.now)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("coupons as c")
          .select(sql`1`.as("one"))
          .whereRef("c.id", "=", "coupon_grants.coupon_id")
          .where("c.status", "=", "active")
          .where("c.starts_at", "<=", r.now),
      ),
    );
  if (r.ownerUserId) q = q.where("line_user_id", "=", r.ownerUserId);
  return q.compile();
}

/**
 * The audit row of a staff redemption, written only if this attempt's `redemptionId` is the one on the
 * copy: in the same batch as `redeemGrantQuery`, a refused attempt leaves no audit row behind.
 */
export function redemptionAuditQuery(db: Kysely<Database>, r: Redemption, details: Record<string, unknown>): CompiledQuery {
  return db
    .insertInto("audit_log")
    .columns(["staff_user_id", "store_id", "action", "target_user_id", "subject_ref", "details", "created_at"])
    .expression((eb) =>
      eb
        .selectFrom("coupon_grants as g")
        .select([
          eb.val(r.by).as("staff_user_id"),
          eb.val(r.storeId).as("store_id"),
          eb.val("coupon.redeem").as("action"),
          "g.line_user_id",
          "g.id",
          eb.val(JSON.stringify({ ...details, channel: r.channel })).as("details"),
          eb.val(r.now).as("created_at"),
        ])
        .where("g.id", "=", r.grantId)
        .where("g.redemption_id", "=", r.redemptionId),
    )
    .compile();
}
