import type { LedgerRow, MemberRow } from "@enishi/db";
import {
  findFriend,
  findLedgerByKey,
  findMembershipById,
  findMembershipByNumber,
  findPointSettings,
  findRanks,
  findStore,
} from "@enishi/db";
import type { ShopOrderResult } from "@enishi/shared/orders/orders.schema";
import { ORDER_MAX_AGE_MS, type ShopOrderInputSchema } from "@enishi/shared/orders/orders.schema";
import type { z } from "zod";
import type { Deps } from "../../deps.ts";
import { AppError, badRequest, conflict, notFound } from "../../errors.ts";
import { currentMembership, ensureMembership, ownerOf } from "../members/members.service.ts";
import { recordLedgerEntry } from "../points/points.service.ts";
import { purchasePoints } from "../points/purchase-points.ts";
import { pointSummary } from "../points/summary.service.ts";
import { recordScenarioEvent } from "../scenarios/scenarios.service.ts";

/** Who the audit trail names for calls from the shop's systems (there is no staff member). */
export const SHOP_API_ACTOR = "shop-api";
/** A POS clock a little ahead of ours is not an order from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

type OrderRequest = z.output<typeof ShopOrderInputSchema>;

/** The ledger keys of an order and of its refund: the refund's is the order's + ":refund" (segments read that). */
export const orderKey = (orderId: string) => `order:${orderId}`;
export const refundKey = (orderId: string) => `${orderKey(orderId)}:refund`;

/** The member an order names: by the number on their card (following a merged LINE-only card), or their LINE user id. */
async function memberOfOrder(deps: Deps, input: OrderRequest): Promise<MemberRow> {
  if (input.memberNumber !== undefined) {
    const found = await findMembershipByNumber(deps.db, input.memberNumber);
    const member = found ? await currentMembership(deps, found.id) : undefined;
    if (!member) throw notFound("No member has this number / この会員番号の会員はいません");
    return member;
  }
  const userId = input.lineUserId ?? "";
  const friend = await findFriend(deps.db, userId);
  if (!friend) throw notFound("No friend has this LINE user id / この LINE ユーザーの友だちはいません");
  // Their linked membership, else their LINE-only card (made now if they never opened it: the points wait there).
  return ensureMembership(deps, { userId, name: friend.display_name });
}

function orderTime(input: OrderRequest, now: number): number {
  if (input.orderedAt === undefined) return now;
  const at = Date.parse(input.orderedAt);
  if (at > now + CLOCK_SKEW_MS) throw badRequest("orderedAt is in the future / 注文日時が未来です", { reason: "ordered_in_future" });
  if (at < now - ORDER_MAX_AGE_MS) {
    throw badRequest("orderedAt is more than 90 days ago / 90日より前の注文は登録できません", { reason: "ordered_too_long_ago" });
  }
  return at;
}

function sameOrderConflict(): AppError {
  return conflict("This orderId was already recorded with another amount or member / この注文IDは別の金額・会員ですでに登録されています", {
    reason: "order_id_reused",
  });
}

/** The answer for an order as the ledger holds it (the same for the first call and every retry). */
async function orderResult(
  deps: Deps,
  input: { orderId: string; memberId: string; amountYen: number; pointsAwarded: number; created: boolean },
): Promise<ShopOrderResult> {
  const [member, refund, ranks] = await Promise.all([
    currentMembership(deps, input.memberId),
    findLedgerByKey(deps.db, refundKey(input.orderId)),
    findRanks(deps.db),
  ]);
  if (!member) throw notFound("No such member / 会員が見つかりません");
  const summary = await pointSummary(deps, member.id);
  const rank = ranks.find((r) => r.id === member.rank_id);
  return {
    orderId: input.orderId,
    memberNumber: member.member_number,
    amountYen: input.amountYen,
    pointsAwarded: input.pointsAwarded,
    pointsRefunded: refund ? -refund.points : 0,
    refunded: refund !== undefined,
    created: input.created,
    balance: summary.balance,
    rank: rank ? { id: rank.id, name: rank.name } : null,
  };
}

function isSameOrder(entry: LedgerRow, memberId: string, amountYen: number): boolean {
  return entry.member_id === memberId && entry.purchase_amount === amountYen;
}

/**
 * An order from the POS or cart: points as for a counter purchase (the store's rate or the shop's, × the
 * member's rank multiplier), written as one `purchase` ledger entry keyed by the order id. A retry or a
 * duplicate delivery — even at the same moment — finds the key taken and answers the order as recorded;
 * the same id with another amount or member is a 409. Rank and RFM follow from the ledger as for any purchase.
 */
export async function recordOrder(deps: Deps, input: OrderRequest): Promise<ShopOrderResult> {
  const now = Date.now();
  const at = orderTime(input, now);
  // Checked before the member is looked up: that may create a LINE-only card, and a bad call writes nothing.
  const store = input.storeId === undefined ? undefined : await findStore(deps.db, input.storeId);
  if (input.storeId !== undefined && !store) {
    throw new AppError(400, "validation_failed", `storeId: no store "${input.storeId}" / 店舗IDが見つかりません`, [
      { path: "storeId", message: "unknown store / 店舗がありません" },
    ]);
  }
  const member = await memberOfOrder(deps, input);
  const key = orderKey(input.orderId);
  const answer = (entry: LedgerRow, created: boolean) =>
    orderResult(deps, {
      orderId: input.orderId,
      memberId: entry.member_id,
      amountYen: input.amountYen,
      pointsAwarded: entry.points,
      created,
    });

  const previous = await findLedgerByKey(deps.db, key);
  if (previous) {
    if (!isSameOrder(previous, member.id, input.amountYen)) throw sameOrderConflict();
    return answer(previous, false);
  }

  const [settings, ranks] = await Promise.all([findPointSettings(deps.db), findRanks(deps.db)]);
  const rateBp = store?.point_rate_bp ?? settings.rate_bp;
  const multiplierPct = ranks.find((r) => r.id === member.rank_id)?.multiplier_pct ?? 100;
  const points = purchasePoints({ amountYen: input.amountYen, rateBp, multiplierPct });
  if (points <= 0) {
    // The ledger holds no zero rows: an order too small to earn a point is answered and not recorded.
    return orderResult(deps, { orderId: input.orderId, memberId: member.id, amountYen: input.amountYen, pointsAwarded: 0, created: false });
  }

  let entry: LedgerRow;
  let created: boolean;
  try {
    ({ entry, created } = await recordLedgerEntry(deps, {
      memberId: member.id,
      points,
      kind: "grant",
      source: "purchase",
      sourceRef: key,
      reason: "ご注文 / order",
      purchaseAmount: input.amountYen,
      storeId: input.storeId ?? null,
      idempotencyKey: key,
      at,
      audit: {
        staffUserId: SHOP_API_ACTOR,
        storeId: input.storeId ?? null,
        action: "order.award",
        targetUserId: ownerOf(member),
        details: { orderId: input.orderId, memberNumber: member.member_number, amountYen: input.amountYen, points, rateBp, multiplierPct },
      },
    }));
  } catch (error) {
    // A concurrent call with the same id won the key, with points computed under other rules (a rank it
    // had just moved the member to): the same order all the same, so answer it.
    if (!(error instanceof AppError) || (error.details as { reason?: string } | undefined)?.reason !== "idempotency_key_reused")
      throw error;
    const winner = await findLedgerByKey(deps.db, key);
    if (!winner || !isSameOrder(winner, member.id, input.amountYen)) throw sameOrderConflict();
    return answer(winner, false);
  }
  if (!isSameOrder(entry, member.id, input.amountYen)) throw sameOrderConflict();
  const owner = ownerOf((await findMembershipById(deps.db, member.id)) ?? member);
  if (created && owner) await purchaseEvent(deps, owner, input.orderId, at);
  return answer(entry, created);
}

/** Scenarios that start or end on a purchase hear of the order; the order stands if they fail (logged). */
async function purchaseEvent(deps: Deps, userId: string, orderId: string, at: number): Promise<void> {
  try {
    await recordScenarioEvent(deps, { type: "purchase", userId, at });
  } catch (error) {
    console.warn(JSON.stringify({ msg: "order_scenario_event_failed", orderId, error: String(error) }));
  }
}

/**
 * Takes an order's points back once: a negative entry keyed `order:<id>:refund`, written even if the member
 * has spent them meanwhile (the balance may go below zero until they earn again). The refund key also
 * takes the order out of the purchases that RFM segments count. A repeat answers the refund as recorded.
 */
export async function refundOrder(deps: Deps, orderId: string, reason: string | undefined): Promise<ShopOrderResult> {
  const purchase = await findLedgerByKey(deps.db, orderKey(orderId));
  if (!purchase) throw notFound("No order with this orderId earned points / この注文IDのポイント付与はありません");
  const member = await findMembershipById(deps.db, purchase.member_id);
  const { created } = await recordLedgerEntry(deps, {
    memberId: purchase.member_id,
    points: -purchase.points,
    kind: "adjust",
    source: "purchase",
    sourceRef: orderKey(orderId),
    reason: reason ? `返品: ${reason} / refund` : "返品 / refund",
    storeId: purchase.store_id,
    idempotencyKey: refundKey(orderId),
    overdraw: true,
    audit: {
      staffUserId: SHOP_API_ACTOR,
      storeId: purchase.store_id,
      action: "order.refund",
      targetUserId: member ? ownerOf(member) : null,
      details: { orderId, memberNumber: member?.member_number ?? null, points: -purchase.points, reason: reason ?? null },
    },
  });
  return orderResult(deps, {
    orderId,
    memberId: purchase.member_id,
    amountYen: purchase.purchase_amount ?? 0,
    pointsAwarded: purchase.points,
    created,
  });
}
