import type { CouponRow, CouponWithStats, NewCouponRow } from "@enishi/db";
import {
  findCoupon,
  findCouponSendsWithTotals,
  findCouponsWithStats,
  findSegment,
  findTagById,
  insertCoupon,
  updateCoupon,
} from "@enishi/db";
import type { CouponInput } from "@enishi/shared";
import { percentToBasisPoints } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError, notFound } from "../../errors.ts";
import { couponFace } from "./views.ts";

/** A coupon as the operator edits it (the input shape) plus its id, status and figures. */
export function toAdminCoupon(row: CouponRow, stats?: Pick<CouponWithStats, "issued" | "redeemed" | "winners" | "draws">) {
  const input: CouponInput = {
    ...couponFace(row),
    validDays: row.valid_days,
    audience: audienceOf(row),
    totalLimit: row.total_limit,
    lottery: row.lottery_rate_bp === null ? null : { winRatePercent: row.lottery_rate_bp / 100, maxWinners: row.lottery_max_winners },
    redeemTag: row.redeem_tag,
    status: row.status,
  };
  return {
    id: row.id,
    ...input,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stats: {
      issued: Number(stats?.issued ?? 0),
      redeemed: Number(stats?.redeemed ?? 0),
      winners: Number(stats?.winners ?? 0),
      draws: Number(stats?.draws ?? 0),
    },
  };
}
export type AdminCoupon = ReturnType<typeof toAdminCoupon>;

function audienceOf(row: CouponRow): CouponInput["audience"] {
  if (row.audience_kind === "tag" && row.audience_ref) return { kind: "tag", tagId: row.audience_ref };
  if (row.audience_kind === "segment" && row.audience_ref) return { kind: "segment", segmentId: row.audience_ref };
  return { kind: "everyone" };
}

async function checkAudience(deps: Deps, input: CouponInput): Promise<void> {
  const audience = input.audience;
  if (audience.kind === "tag" && !(await findTagById(deps.db, audience.tagId))) {
    throw new AppError(400, "validation_failed", "audience.tagId: そのタグはありません / No such tag", [
      { path: "audience.tagId", message: "そのタグはありません / No such tag" },
    ]);
  }
  if (audience.kind === "segment" && !(await findSegment(deps.db, audience.segmentId))) {
    throw new AppError(400, "validation_failed", "audience.segmentId: そのセグメントはありません / No such segment", [
      { path: "audience.segmentId", message: "そのセグメントはありません / No such segment" },
    ]);
  }
}

function toColumns(input: CouponInput, now: number) {
  return {
    title: input.title,
    image_url: input.imageUrl,
    terms: input.terms,
    discount_kind: input.discount.kind,
    discount_value: input.discount.value,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    valid_days: input.validDays,
    audience_kind: input.audience.kind,
    audience_ref:
      input.audience.kind === "tag" ? input.audience.tagId : input.audience.kind === "segment" ? input.audience.segmentId : null,
    per_user_limit: input.perUserLimit,
    total_limit: input.totalLimit,
    lottery_rate_bp: input.lottery ? percentToBasisPoints(input.lottery.winRatePercent) : null,
    lottery_max_winners: input.lottery ? input.lottery.maxWinners : null,
    redeem_tag: input.redeemTag,
    status: input.status,
    updated_at: now,
  } satisfies Partial<NewCouponRow>;
}

export async function createCoupon(deps: Deps, input: CouponInput, adminUserId: string): Promise<AdminCoupon> {
  await checkAudience(deps, input);
  const now = Date.now();
  const id = crypto.randomUUID();
  await insertCoupon(deps.db, { id, ...toColumns(input, now), created_by: adminUserId, created_at: now });
  const row = await findCoupon(deps.db, id);
  if (!row) throw new Error("coupon vanished after insert");
  return toAdminCoupon(row);
}

/**
 * Replaces the coupon's settings. Copies already issued keep their expiry; limits apply to new copies.
 * Archiving withdraws the coupon: unredeemed copies can no longer be used.
 */
export async function editCoupon(deps: Deps, id: string, input: CouponInput): Promise<AdminCoupon> {
  await checkAudience(deps, input);
  if (!(await updateCoupon(deps.db, id, toColumns(input, Date.now())))) throw notFound("クーポンが見つかりません / Coupon not found");
  return getAdminCoupon(deps, id);
}

export async function listAdminCoupons(deps: Deps): Promise<AdminCoupon[]> {
  const rows = await findCouponsWithStats(deps.db, { limit: 200 });
  return rows.map((r) => toAdminCoupon(r, r));
}

export async function getAdminCoupon(deps: Deps, id: string): Promise<AdminCoupon> {
  const [row] = await findCouponsWithStats(deps.db, { limit: 1, id });
  if (!row) throw notFound("クーポンが見つかりません / Coupon not found");
  return toAdminCoupon(row, row);
}

export async function listCouponSends(deps: Deps, couponId: string) {
  const sends = await findCouponSendsWithTotals(deps.db, couponId);
  return sends.map((s) => ({
    id: s.id,
    status: s.status,
    createdAt: s.created_at,
    finishedAt: s.finished_at,
    batches: s.batches,
    sent: s.sent,
    failed: s.failed,
  }));
}
