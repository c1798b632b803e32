import type { CouponRow, GrantSource } from "@enishi/db";
import { countGrants, findCoupon, findDraw, findGrant, findGrantByKey, insertDraw, insertGrantWithinLimits } from "@enishi/db";
import type { ClaimRefusal, CouponView, GrantView } from "@enishi/shared";
import { CLAIM_REFUSAL_TEXT, couponCodeFromBytes, isCouponOpen, rollLottery } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { friendInAudience } from "./audience.ts";
import { toCouponView, toGrantView } from "./views.ts";

export interface IssuedCoupon {
  coupon: CouponView;
  grant: GrantView;
}

function openOf(row: CouponRow) {
  return { status: row.status, startsAt: row.starts_at, endsAt: row.ends_at };
}

/**
 * Why the friend cannot take (another) copy now, or null when they can. A read for the screen: the claim
 * itself re-checks every limit atomically.
 */
export async function claimRefusalFor(deps: Deps, coupon: CouponRow, userId: string, now: number): Promise<ClaimRefusal | null> {
  if (!isCouponOpen(openOf(coupon), now)) return "not_available";
  if (!(await friendInAudience(deps, coupon, userId, now))) return "not_in_audience";
  if (coupon.lottery_rate_bp !== null) {
    const draw = await findDraw(deps.db, coupon.id, userId);
    if (draw && draw.won === 0) return "lottery_lost";
  }
  return limitRefusal(deps, coupon, userId);
}

async function limitRefusal(deps: Deps, coupon: CouponRow, userId: string): Promise<ClaimRefusal | null> {
  if ((await countGrants(deps.db, coupon.id, userId)) >= coupon.per_user_limit) return "limit_reached";
  if (coupon.total_limit !== null && (await countGrants(deps.db, coupon.id)) >= coupon.total_limit) return "sold_out";
  return null;
}

function refused(reason: ClaimRefusal): AppError {
  const text = CLAIM_REFUSAL_TEXT[reason];
  const status = reason === "not_in_audience" ? 403 : 409;
  return new AppError(status, status === 403 ? "forbidden" : "conflict", `${text.ja} / ${text.en}`, { reason });
}

/**
 * The customer takes a copy ("受け取る"). A lottery coupon is drawn first, once per friend (the draw row is
 * the decision; a second tap reads it back). Limits are enforced by the issuing statement itself.
 */
export async function claimCoupon(deps: Deps, userId: string, couponId: string): Promise<IssuedCoupon> {
  const coupon = await findCoupon(deps.db, couponId);
  if (!coupon || coupon.status === "draft") throw new AppError(404, "not_found", "クーポンが見つかりません / Coupon not found");
  const now = Date.now();
  if (!isCouponOpen(openOf(coupon), now)) throw refused("not_available");
  if (!(await friendInAudience(deps, coupon, userId, now))) throw refused("not_in_audience");
  if (coupon.lottery_rate_bp !== null) {
    await insertDraw(deps.db, coupon.id, userId, rollLottery(coupon.lottery_rate_bp, Math.random()), now);
    const draw = await findDraw(deps.db, coupon.id, userId);
    if (!draw || draw.won === 0) throw refused("lottery_lost");
  }
  const issued = await issue(deps, coupon, { userId, source: "claim", sourceRef: null, grantKey: null });
  if (!issued) throw refused((await limitRefusal(deps, coupon, userId)) ?? "not_available");
  return issued;
}

export interface GrantRequest {
  userId: string;
  couponId: string;
  source: GrantSource;
  sourceRef: string | null;
  /** Idempotency key: the same key never issues a second copy (e.g. `survey:<responseId>:<couponId>`). */
  grantKey: string;
}

/**
 * Gives a copy as a reward (survey answer, scenario step, staff gesture): no audience check or lottery,
 * but the coupon's window and limits still hold. Exactly once per `grantKey`: a repeat returns the first
 * copy. Returns null (and issues nothing) when the coupon is closed or its limits are reached.
 */
export async function grantCoupon(deps: Deps, request: GrantRequest): Promise<IssuedCoupon | null> {
  const existing = await findGrantByKey(deps.db, request.grantKey);
  if (existing) return { coupon: toCouponView(existing.coupon), grant: toGrantView(existing.grant) };
  const coupon = await findCoupon(deps.db, request.couponId);
  if (!coupon) return null;
  const issued = await issue(deps, coupon, request);
  if (issued) return issued;
  // A concurrent call with the same key may have won the insert.
  const raced = await findGrantByKey(deps.db, request.grantKey);
  return raced ? { coupon: toCouponView(raced.coupon), grant: toGrantView(raced.grant) } : null;
}

async function issue(
  deps: Deps,
  coupon: CouponRow,
  who: { userId: string; source: GrantSource; sourceRef: string | null; grantKey: string | null },
): Promise<IssuedCoupon | null> {
  // Two tries: a lost race for the same slot (or, astronomically rarely, a code collision) is ignored by
  // the insert; the second try takes the next slot if the limits still allow it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const id = crypto.randomUUID();
    const ok = await insertGrantWithinLimits(deps.db, {
      id,
      couponId: coupon.id,
      lineUserId: who.userId,
      code: couponCodeFromBytes(crypto.getRandomValues(new Uint8Array(12))),
      source: who.source,
      sourceRef: who.sourceRef,
      grantKey: who.grantKey,
      now: Date.now(),
    });
    if (ok) {
      const row = await findGrant(deps.db, { id });
      if (row) return { coupon: toCouponView(row.coupon), grant: toGrantView(row.grant) };
    }
    if (who.grantKey !== null || (await limitRefusal(deps, coupon, who.userId)) !== null) return null;
  }
  return null;
}
