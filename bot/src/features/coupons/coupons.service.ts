import type { GrantWithCoupon, Redemption } from "@enishi/db";
import { findGrant, findGrantsOfUser, redeemGrantQuery, redemptionAuditQuery } from "@enishi/db";
import type { CouponView, GrantView, RedeemChannel, RedeemRefusal } from "@enishi/shared";
import { grantState, parseCouponScan, REDEEM_REFUSAL_TEXT } from "@enishi/shared";
import { runBatch } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { triggerScenarios } from "../scenarios/enrolment.service.ts";
import { addTag } from "../tags/tags.service.ts";
import { toCouponView, toGrantView } from "./views.ts";

/** A held copy the friend can use now, with its coupon: what the scanner shows beside the member. */
export interface UsableCoupon {
  coupon: CouponView;
  grant: GrantView;
}

/** The friend's copies that are unredeemed, unexpired, and whose coupon is active and started. */
export async function listUsableCoupons(deps: Deps, userId: string): Promise<UsableCoupon[]> {
  const now = Date.now();
  const rows = await findGrantsOfUser(deps.db, userId);
  return rows
    .filter(
      ({ grant, coupon }) => coupon.status === "active" && coupon.starts_at <= now && grantState(toRedeemable(grant), now) === "available",
    )
    .sort((a, b) => a.grant.expires_at - b.grant.expires_at)
    .map(({ grant, coupon }) => ({ coupon: toCouponView(coupon), grant: toGrantView(grant) }));
}

function toRedeemable(grant: GrantWithCoupon["grant"]) {
  return { redeemedAt: grant.redeemed_at, expiresAt: grant.expires_at };
}

export interface RedeemedCoupon extends UsableCoupon {
  /** The customer whose copy it was. */
  userId: string;
}

export type StaffRedeemTarget = { code: string } | { grantId: string };

export interface StaffRedeemRequest {
  staffUserId: string;
  storeId: string | null;
  /** `counter` (scan or typed at the till) or `online` (an online order desk typing the customer's code). */
  channel?: "counter" | "online";
}

/**
 * Staff redeem a customer's copy by its code (scanned or typed) or grant id. Exactly once: of any number of
 * concurrent attempts one succeeds, the others get 409 `conflict` with `details.reason` (RedeemRefusal).
 * The staff action is audited (`coupon.redeem`) in the same D1 batch as the redemption.
 */
export async function redeemCouponByStaff(deps: Deps, request: StaffRedeemTarget & StaffRedeemRequest): Promise<RedeemedCoupon> {
  const target = await findTarget(deps, request);
  return redeem(deps, target, { by: request.staffUserId, channel: request.channel ?? "counter", storeId: request.storeId, owner: null });
}

/**
 * The customer's "use now" screen, confirmed by the clerk on the customer's phone: the customer's own
 * identity redeems their own copy. Someone else's copy is 404, as if it did not exist.
 */
export async function redeemOwnCoupon(deps: Deps, userId: string, grantId: string): Promise<RedeemedCoupon> {
  const target = await findGrant(deps.db, { id: grantId });
  if (!target || target.grant.line_user_id !== userId) throw unknownCoupon();
  return redeem(deps, target, { by: userId, channel: "use-now", storeId: null, owner: userId });
}

async function findTarget(deps: Deps, target: StaffRedeemTarget): Promise<GrantWithCoupon> {
  if ("grantId" in target) {
    const found = await findGrant(deps.db, { id: target.grantId });
    if (!found) throw unknownCoupon();
    return found;
  }
  const code = parseCouponScan(target.code);
  const found = code ? await findGrant(deps.db, { code }) : undefined;
  if (!found) throw unknownCoupon();
  return found;
}

interface Attempt {
  by: string;
  channel: RedeemChannel;
  storeId: string | null;
  owner: string | null;
}

async function redeem(deps: Deps, target: GrantWithCoupon, attempt: Attempt): Promise<RedeemedCoupon> {
  const redemption: Redemption = {
    grantId: target.grant.id,
    redemptionId: crypto.randomUUID(),
    by: attempt.by,
    channel: attempt.channel,
    storeId: attempt.storeId,
    ownerUserId: attempt.owner,
    now: Date.now(),
  };
  const queries = [redeemGrantQuery(deps.db, redemption)];
  // Staff actions are audited; the audit row is conditional on this attempt having won, in the same batch.
  if (attempt.owner === null) {
    queries.push(redemptionAuditQuery(deps.db, redemption, { couponId: target.coupon.id, code: target.grant.code }));
  }
  // One batch: the redemption and its audit row land together or not at all.
  const [result] = await runBatch(deps, queries);
  if (result?.meta.changes !== 1) {
    const fresh = (await findGrant(deps.db, { id: target.grant.id })) ?? target;
    throw refusal(refusalReason(fresh, attempt.owner, redemption.now), fresh);
  }
  const redeemed = (await findGrant(deps.db, { id: target.grant.id })) ?? target;
  await afterRedeem(deps, redeemed);
  return { userId: redeemed.grant.line_user_id, coupon: toCouponView(redeemed.coupon), grant: toGrantView(redeemed.grant) };
}

/**
 * The tag and the "coupon redeemed" scenario trigger are consequences, not part of the redemption: the
 * copy is already redeemed, so a failure here is logged rather than turned into an error the clerk would
 * read as "not redeemed".
 */
async function afterRedeem(deps: Deps, redeemed: GrantWithCoupon): Promise<void> {
  const userId = redeemed.grant.line_user_id;
  const tag = redeemed.coupon.redeem_tag;
  try {
    if (tag) await addTag(deps, { userId, tag, source: "coupon", sourceRef: redeemed.coupon.id });
    await triggerScenarios(deps, { type: "couponRedeemed", userId, at: Date.now(), ref: redeemed.coupon.id });
  } catch (error) {
    console.error(JSON.stringify({ msg: "coupon_redeem_effects_failed", grantId: redeemed.grant.id, tag, error: String(error) }));
  }
}

function refusalReason({ grant, coupon }: GrantWithCoupon, owner: string | null, now: number): RedeemRefusal {
  if (grant.redeemed_at !== null) return "already_redeemed";
  if (owner !== null && grant.line_user_id !== owner) return "not_yours";
  if (coupon.status !== "active") return "withdrawn";
  if (coupon.starts_at > now) return "not_started";
  return "expired";
}

function refusal(reason: RedeemRefusal, { grant }: GrantWithCoupon): AppError {
  const text = REDEEM_REFUSAL_TEXT[reason];
  return new AppError(409, "conflict", `${text.ja} / ${text.en}`, { reason, redeemedAt: grant.redeemed_at, grantId: grant.id });
}

function unknownCoupon(): AppError {
  const text = REDEEM_REFUSAL_TEXT.unknown_code;
  return new AppError(404, "not_found", `${text.ja} / ${text.en}`, { reason: "unknown_code" satisfies RedeemRefusal });
}
