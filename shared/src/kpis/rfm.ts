import { type CompileContext, compileCondition, type SqlFragment } from "../segments/conditions.ts";
import type { SegmentCondition } from "../segments/segment.schema.ts";

/**
 * RFM distribution built from the segments' own RFM conditions (lastPurchase, purchaseTotal): each bucket
 * is a segment an operator could build, and purchases mean exactly what they mean there (points-ledger rows
 * with a purchase amount, over the friend's memberships). Cumulative thresholds are counted in one pass
 * over following friends; buckets are their differences.
 */
export const RFM_WINDOW_DAYS = 365;

export const RFM_CONDITIONS = {
  within30: { kind: "lastPurchase", range: { op: "withinDays", days: 30 } },
  within90: { kind: "lastPurchase", range: { op: "withinDays", days: 90 } },
  within365: { kind: "lastPurchase", range: { op: "withinDays", days: RFM_WINDOW_DAYS } },
  ever: { kind: "purchaseTotal", measure: "count", days: 3650, min: 1 },
  count2: { kind: "purchaseTotal", measure: "count", days: RFM_WINDOW_DAYS, min: 2 },
  count5: { kind: "purchaseTotal", measure: "count", days: RFM_WINDOW_DAYS, min: 5 },
  amount1: { kind: "purchaseTotal", measure: "amount", days: RFM_WINDOW_DAYS, min: 1 },
  amount10k: { kind: "purchaseTotal", measure: "amount", days: RFM_WINDOW_DAYS, min: 10_000 },
  amount50k: { kind: "purchaseTotal", measure: "amount", days: RFM_WINDOW_DAYS, min: 50_000 },
} as const satisfies Record<string, SegmentCondition>;

export type RfmKey = keyof typeof RFM_CONDITIONS;
export type RfmCounts = Record<RfmKey | "following", number>;

/** One SELECT over following friends: a SUM per threshold, in RFM_CONDITIONS' order. */
export function rfmCountQuery(ctx: CompileContext): SqlFragment {
  const columns: string[] = ["COUNT(*) AS following"];
  const params: SqlFragment["params"] = [];
  for (const [key, condition] of Object.entries(RFM_CONDITIONS)) {
    const compiled = compileCondition(condition as SegmentCondition, ctx);
    columns.push(`COALESCE(SUM(CASE WHEN ${compiled.sql} THEN 1 ELSE 0 END), 0) AS ${key}`);
    params.push(...compiled.params);
  }
  return { sql: `SELECT ${columns.join(", ")} FROM friends f WHERE +f.status = 'following'`, params };
}

interface Bucket {
  key: string;
  ja: string;
  en: string;
  count: number;
}

/** The three distributions from the cumulative counts (each sums to the following count). */
export function rfmBuckets(c: RfmCounts): { recency: Bucket[]; frequency: Bucket[]; monetary: Bucket[] } {
  return {
    recency: [
      { key: "r30", ja: "30日以内", en: "≤ 30 days", count: c.within30 },
      { key: "r90", ja: "31〜90日", en: "31–90 days", count: c.within90 - c.within30 },
      { key: "r365", ja: "91〜365日", en: "91–365 days", count: c.within365 - c.within90 },
      { key: "older", ja: "1年以上前", en: "Over a year", count: c.ever - c.within365 },
      { key: "never", ja: "購入なし", en: "Never bought", count: c.following - c.ever },
    ],
    frequency: [
      { key: "f0", ja: "0回", en: "0 times", count: c.following - c.within365 },
      { key: "f1", ja: "1回", en: "Once", count: c.within365 - c.count2 },
      { key: "f2", ja: "2〜4回", en: "2–4 times", count: c.count2 - c.count5 },
      { key: "f5", ja: "5回以上", en: "5+ times", count: c.count5 },
    ],
    monetary: [
      { key: "m0", ja: "0円", en: "¥0", count: c.following - c.amount1 },
      { key: "m1", ja: "1〜9,999円", en: "¥1–9,999", count: c.amount1 - c.amount10k },
      { key: "m10k", ja: "1万〜4万9,999円", en: "¥10,000–49,999", count: c.amount10k - c.amount50k },
      { key: "m50k", ja: "5万円以上", en: "¥50,000+", count: c.amount50k },
    ],
  };
}
