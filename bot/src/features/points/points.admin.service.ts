import type { StoreRow } from "@enishi/db";
import {
  findMembershipByNumber,
  findPointSettings,
  findStore,
  findStores,
  insertStore,
  updateStore,
  upsertPointSettings,
} from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { currentMembership, ownerOf } from "../members/members.service.ts";
import { recordLedgerEntry } from "./points.service.ts";
import { pointHistory, pointSummary } from "./summary.service.ts";

export interface PointSettingsInput {
  rateBp: number;
  expiryMonths: number;
  expiryNoticeDays: number;
  rankWindowMonths: number;
}

export async function getPointSettings(deps: Deps) {
  const s = await findPointSettings(deps.db);
  return {
    rateBp: s.rate_bp,
    expiryMonths: s.expiry_months,
    expiryNoticeDays: s.expiry_notice_days,
    rankWindowMonths: s.rank_window_months,
    updatedAt: s.updated_at,
  };
}

/** New rules apply to points granted from now on; a grant's expiry date is fixed when it is made. */
export async function savePointSettings(deps: Deps, input: PointSettingsInput, staffUserId: string) {
  const at = Date.now();
  await upsertPointSettings(deps.db, {
    rate_bp: input.rateBp,
    expiry_months: input.expiryMonths,
    expiry_notice_days: input.expiryNoticeDays,
    rank_window_months: input.rankWindowMonths,
    updated_by: staffUserId,
    updated_at: at,
  });
  await recordAudit(deps, { staffUserId, storeId: null, action: "point_settings.update", details: { ...input }, at });
  return getPointSettings(deps);
}

export function toStoreView(s: StoreRow) {
  return { id: s.id, name: s.name, address: s.address, pointRateBp: s.point_rate_bp };
}

export async function listStores(deps: Deps) {
  return (await findStores(deps.db)).map(toStoreView);
}

export async function createStore(
  deps: Deps,
  input: { id: string; name: string; address: string | null; pointRateBp: number | null },
  staffUserId: string,
) {
  const at = Date.now();
  const created = await insertStore(deps.db, {
    id: input.id,
    name: input.name,
    address: input.address,
    point_rate_bp: input.pointRateBp,
    created_at: at,
  });
  if (!created)
    throw new AppError(409, "conflict", "A store with this ID exists / このIDの店舗はすでにあります", [{ path: "id", message: "taken" }]);
  await recordAudit(deps, { staffUserId, storeId: input.id, action: "stores.create", details: { ...input }, at });
  return toStoreView((await findStore(deps.db, input.id)) as StoreRow);
}

export async function editStore(
  deps: Deps,
  id: string,
  patch: { name?: string | undefined; address?: string | null | undefined; pointRateBp?: number | null | undefined },
  staffUserId: string,
) {
  const changes: { name?: string; address?: string | null; point_rate_bp?: number | null } = {};
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.address !== undefined) changes.address = patch.address;
  if (patch.pointRateBp !== undefined) changes.point_rate_bp = patch.pointRateBp;
  if (Object.keys(changes).length === 0 || !(await updateStore(deps.db, id, changes))) {
    if (!(await findStore(deps.db, id))) throw notFound("No such store / 店舗が見つかりません");
  }
  await recordAudit(deps, { staffUserId, storeId: id, action: "stores.update", details: { ...patch } });
  return toStoreView((await findStore(deps.db, id)) as StoreRow);
}

async function memberByNumber(deps: Deps, memberNumber: string) {
  const found = await findMembershipByNumber(deps.db, memberNumber);
  const member = found ? await currentMembership(deps, found.id) : undefined;
  if (!member) throw notFound("No member with this number / この会員番号の会員はいません");
  return member;
}

export async function memberPoints(deps: Deps, memberNumber: string) {
  const member = await memberByNumber(deps, memberNumber);
  const [summary, history] = await Promise.all([pointSummary(deps, member.id), pointHistory(deps, member.id, 50)]);
  return {
    member: {
      memberNumber: member.member_number,
      name: member.name,
      origin: member.origin,
      rankId: member.rank_id,
      userId: ownerOf(member),
    },
    points: summary,
    history,
  };
}

/**
 * A manual adjustment by an admin, with a reason; audited with the entry. `requestKey` (a UUID the form
 * makes once) keeps a double submit to one entry. A deduction cannot take the balance below zero.
 */
export async function adjustPoints(
  deps: Deps,
  input: { memberNumber: string; points: number; reason: string; requestKey: string },
  staffUserId: string,
) {
  const member = await memberByNumber(deps, input.memberNumber);
  const outcome = await recordLedgerEntry(deps, {
    memberId: member.id,
    points: input.points,
    kind: "adjust",
    source: "manual",
    reason: input.reason,
    staffUserId,
    idempotencyKey: `adjust:${input.requestKey}`,
    audit: {
      staffUserId,
      storeId: null,
      action: "points.adjust",
      targetUserId: ownerOf(member),
      details: { memberNumber: member.member_number, points: input.points, reason: input.reason },
    },
  });
  return { created: outcome.created, entryId: outcome.entry.id, ...(await memberPoints(deps, input.memberNumber)) };
}
