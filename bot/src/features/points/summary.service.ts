import type { LedgerRow } from "@enishi/db";
import { findCreditsExpiringBy, findLedger, findPointSettings, findPointTotals, findStores } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { addMonths } from "./purchase-points.ts";

const DAY_MS = 86_400_000;

export interface ExpiringPoints {
  points: number;
  /** When the first of them expire. */
  firstAt: number;
}

export interface PointSummary {
  balance: number;
  /** Earned in the rank window: what the rank is computed from. */
  earned: number;
  windowMonths: number;
  /** Points that expire within the notice period (`noticeDays`), if any. */
  expiring: ExpiringPoints | null;
  noticeDays: number;
}

/**
 * What will expire by `until`. Points are spent oldest-expiry first, so debits use up the earliest credits:
 * walk the credits in expiry order, let the debits eat them, and what is left of those due by `until`
 * expires then.
 */
export function expiringBy(credits: readonly { points: number; expires_at: number | null }[], debits: number): ExpiringPoints | null {
  let toCover = debits;
  let points = 0;
  let firstAt: number | null = null;
  for (const credit of credits) {
    const left = Math.max(0, credit.points - toCover);
    toCover = Math.max(0, toCover - credit.points);
    if (left > 0 && credit.expires_at !== null) {
      points += left;
      firstAt ??= credit.expires_at;
    }
  }
  return points > 0 && firstAt !== null ? { points, firstAt } : null;
}

export async function pointSummary(deps: Deps, memberId: string, now = Date.now()): Promise<PointSummary> {
  const settings = await findPointSettings(deps.db);
  const since = addMonths(now, -settings.rank_window_months);
  const until = now + Math.max(settings.expiry_notice_days, 30) * DAY_MS;
  const [totals, credits] = await Promise.all([findPointTotals(deps.db, memberId, since), findCreditsExpiringBy(deps.db, memberId, until)]);
  return {
    balance: totals.balance,
    earned: totals.earned,
    windowMonths: settings.rank_window_months,
    expiring: expiringBy(credits, totals.debits),
    noticeDays: Math.max(settings.expiry_notice_days, 30),
  };
}

export interface HistoryItem {
  id: number;
  kind: LedgerRow["kind"];
  points: number;
  source: LedgerRow["source"];
  reason: string | null;
  purchaseAmount: number | null;
  storeName: string | null;
  at: number;
}

export async function pointHistory(deps: Deps, memberId: string, limit: number): Promise<HistoryItem[]> {
  const [rows, stores] = await Promise.all([findLedger(deps.db, memberId, limit), findStores(deps.db)]);
  const names = new Map(stores.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    points: r.points,
    source: r.source,
    reason: r.reason,
    purchaseAmount: r.purchase_amount,
    storeName: r.store_id ? (names.get(r.store_id) ?? null) : null,
    at: r.created_at,
  }));
}
