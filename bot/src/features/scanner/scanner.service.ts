import type { CardScanRow, MemberRow, StoreRow } from "@enishi/db";
import {
  findCardScan,
  findFriend,
  findGrant,
  findLedgerByKey,
  findMembershipByNumber,
  findPointSettings,
  findRanks,
  findStore,
  insertCardScan,
} from "@enishi/db";
import { verifyCardCode } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { listUsableCoupons, redeemCouponByStaff } from "../coupons/coupons.service.ts";
import { cardSecret } from "../members/card.service.ts";
import { currentMembership, ownerOf } from "../members/members.service.ts";
import { recordLedgerEntry } from "../points/points.service.ts";
import { purchasePoints } from "../points/purchase-points.ts";
import { pointSummary } from "../points/summary.service.ts";
import { scanRefusal } from "./refusal.ts";

/** How long staff may act on a member after one scan (award points, redeem a coupon). */
export const SCAN_TTL_MS = 10 * 60_000;

export interface StaffContext {
  staffUserId: string;
  storeId: string | null;
}

/** The store a scan is made at, undefined when it names none. */
function storeOf(deps: Deps, storeId: string | null): Promise<StoreRow | undefined> {
  return storeId ? findStore(deps.db, storeId) : Promise.resolve(undefined);
}

/** The scan's store, refused when it names one that does not exist. Read once: the point rules use it too. */
async function knownStore(deps: Deps, storeId: string | null): Promise<StoreRow | undefined> {
  const store = storeId === null ? undefined : await findStore(deps.db, storeId);
  if (storeId !== null && !store) throw scanRefusal("unknown_store");
  return store;
}

/**
 * Accepts a member-card code once: signature, time window (±1), then an INSERT that is a no-op for a code
 * seen before — the row's UNIQUE code id is what makes a replayed code (a screenshot shown twice, two
 * clerks scanning the same screen) refused. The scan id returned authorises the follow-up actions.
 */
export async function scanCard(deps: Deps, input: { code: string } & StaffContext) {
  const store = await knownStore(deps, input.storeId);
  const now = Date.now();
  const check = await verifyCardCode(cardSecret(deps), input.code, now);
  if (!check.ok) {
    throw scanRefusal(check.reason === "malformed" ? "not_a_card_code" : check.reason === "expired" ? "expired" : "invalid");
  }
  const found = await findMembershipByNumber(deps.db, check.memberNumber);
  const member = found ? await currentMembership(deps, found.id) : undefined;
  if (!member) throw scanRefusal("unknown_member");
  const scanId = crypto.randomUUID();
  const accepted = await insertCardScan(deps.db, {
    id: scanId,
    codeId: check.codeId,
    memberId: member.id,
    staffUserId: input.staffUserId,
    storeId: input.storeId,
    at: now,
    expiresAt: now + SCAN_TTL_MS,
  });
  if (!accepted) throw scanRefusal("already_used");
  await recordAudit(deps, {
    staffUserId: input.staffUserId,
    storeId: input.storeId,
    action: "card.scan",
    targetUserId: ownerOf(member),
    subjectRef: `scan:${scanId}`,
    details: { memberNumber: member.member_number },
    at: now,
  });
  return {
    scanId,
    expiresAt: now + SCAN_TTL_MS,
    storeId: input.storeId,
    ...(await memberAtCounter(deps, member, pointRules(deps, store))),
  };
}

/**
 * What staff see of the member: who, rank, points, the rate a purchase earns, usable coupons. `rules` are
 * the scan's point rules, already read or being read alongside the rest.
 */
async function memberAtCounter(deps: Deps, member: MemberRow, pointRulesOfScan: PointRules | Promise<PointRules>) {
  const owner = ownerOf(member);
  const [summary, rules, friend, coupons] = await Promise.all([
    pointSummary(deps, member.id),
    pointRulesOfScan,
    owner ? findFriend(deps.db, owner) : undefined,
    owner ? listUsableCoupons(deps, owner) : [],
  ]);
  const rank = rules.ranks.find((r) => r.id === member.rank_id) ?? null;
  return {
    member: {
      memberNumber: member.member_number,
      name: member.name,
      displayName: friend?.display_name ?? null,
      pictureUrl: friend?.picture_url ?? null,
      origin: member.origin,
      rank: rank ? { id: rank.id, name: rank.name, nameEn: rank.name_en, color: rank.color, multiplierPct: rank.multiplier_pct } : null,
      balance: summary.balance,
      expiring: summary.expiring,
    },
    rate: rateOf(member, rules),
    coupons,
  };
}

/** What a purchase earns depends on: the shop's rate, the store's own rate, the member's rank. Read once. */
async function pointRules(deps: Deps, scanStore: StoreRow | undefined | Promise<StoreRow | undefined>) {
  const [settings, store, ranks] = await Promise.all([findPointSettings(deps.db), scanStore, findRanks(deps.db)]);
  return { settings, store, ranks };
}

type PointRules = Awaited<ReturnType<typeof pointRules>>;

function rateOf(member: MemberRow, { settings, store, ranks }: PointRules) {
  const rateBp = store?.point_rate_bp ?? settings.rate_bp;
  const multiplierPct = ranks.find((r) => r.id === member.rank_id)?.multiplier_pct ?? 100;
  return { rateBp, multiplierPct };
}

async function activeScan(deps: Deps, scanId: string, staffUserId: string): Promise<{ scan: CardScanRow; member: MemberRow }> {
  const scan = await findCardScan(deps.db, scanId);
  if (!scan) throw scanRefusal("scan_expired");
  if (scan.staff_user_id !== staffUserId) throw scanRefusal("scan_not_yours");
  if (scan.expires_at <= Date.now()) throw scanRefusal("scan_expired");
  const member = await currentMembership(deps, scan.member_id);
  if (!member) throw scanRefusal("unknown_member");
  return { scan, member };
}

/**
 * Points for one purchase, once per scan: the ledger key is the scan's, so a double tap or a retried request
 * writes one entry (and answers with it), and a second purchase needs a new scan of a fresh code.
 */
export async function awardForPurchase(deps: Deps, input: { scanId: string; amountYen: number; staffUserId: string }) {
  const { scan, member } = await activeScan(deps, input.scanId, input.staffUserId);
  const key = `scan:${scan.id}:purchase`;
  const previous = await findLedgerByKey(deps.db, key);
  if (previous && previous.purchase_amount !== input.amountYen) throw scanRefusal("already_awarded", { points: previous.points });
  const rules = await pointRules(deps, storeOf(deps, scan.store_id));
  const rate = rateOf(member, rules);
  const points = purchasePoints({ amountYen: input.amountYen, ...rate });
  if (points <= 0) throw scanRefusal("no_points");
  const outcome = await recordLedgerEntry(deps, {
    memberId: member.id,
    points,
    kind: "grant",
    source: "purchase",
    sourceRef: `scan:${scan.id}`,
    purchaseAmount: input.amountYen,
    storeId: scan.store_id,
    staffUserId: input.staffUserId,
    idempotencyKey: key,
    audit: {
      staffUserId: input.staffUserId,
      storeId: scan.store_id,
      action: "points.award",
      targetUserId: ownerOf(member),
      details: { memberNumber: member.member_number, amountYen: input.amountYen, points, ...rate },
    },
  });
  const fresh = (await currentMembership(deps, member.id)) ?? member;
  return {
    awarded: { points: outcome.entry.points, amountYen: input.amountYen, entryId: outcome.entry.id, duplicate: !outcome.created },
    // The rules are those the points were computed with: a rank change moves the member, not the ranks.
    ...(await memberAtCounter(deps, fresh, rules)),
    rankChanged: fresh.rank_id !== member.rank_id,
  };
}

/** Redeems one of the scanned member's own coupons (coupons' service does it exactly once and audits it). */
export async function redeemCouponForScan(deps: Deps, input: { scanId: string; grantId: string; staffUserId: string }) {
  const { scan, member } = await activeScan(deps, input.scanId, input.staffUserId);
  const owner = ownerOf(member);
  const grant = await findGrant(deps.db, { id: input.grantId });
  // Another customer's copy must not be redeemed through this member's scan: the same answer as unknown.
  if (!grant || !owner || grant.grant.line_user_id !== owner) {
    throw new AppError(404, "not_found", "This coupon is not this member's / この会員のクーポンではありません", { reason: "unknown_code" });
  }
  const redeemed = await redeemCouponByStaff(deps, {
    grantId: input.grantId,
    staffUserId: input.staffUserId,
    storeId: scan.store_id,
    channel: "counter",
  });
  return { redeemed, ...(await memberAtCounter(deps, member, pointRules(deps, storeOf(deps, scan.store_id)))) };
}
