import { DAY_MS } from "@enishi/shared/kpis/days";
import { RFM_CONDITIONS, type RfmKey } from "@enishi/shared/kpis/rfm";
import type { SegmentCondition } from "@enishi/shared/segments/segment.schema";

/**
 * The RFM thresholds of shared/src/kpis/rfm.ts, counted from the purchases' side. rfmCountQuery asks the
 * segment conditions once per following friend — nine correlated probes each, ~20 s for a million friends
 * in local D1 (test/bench/kpis.ts) — while only the friends with a membership can have a purchase. This
 * statement aggregates the purchase rows once per membership, then per friend through the same two
 * membership columns the segment compiler uses (`members.line_user_id`, `members.line_only_user_id`; a
 * membership that names the friend in both counts once, as with `member_id IN (…)`), and joins only
 * those friends. Each threshold is the same test on the same rows:
 * - lastPurchase within d days: EXISTS a purchase at or after now − d  ⇔  the latest purchase is;
 * - purchaseTotal count / amount over d days ≥ min: the same COUNT / SUM over the same window.
 * A friend with no purchase fails every threshold here; that is exact only while every purchaseTotal min
 * is ≥ 1 (a total of 0 would pass a "min 0"), which rfmThresholdQuery checks. Counts equal
 * rfmCountQuery's (test/integration/kpis-rfm.test.ts compares the two on edge cases).
 */
export function rfmThresholdQuery(now: number): { sql: string; params: number[] } {
  const perMember: string[] = ["MAX(created_at) AS last_at"];
  const perMemberParams: number[] = [];
  const perFriend: string[] = ["MAX(pm.last_at) AS last_at"];
  const outer: string[] = [];
  const outerParams: number[] = [];
  for (const [key, value] of Object.entries(RFM_CONDITIONS) as [RfmKey, SegmentCondition][]) {
    if (value.kind === "lastPurchase" && value.range.op === "withinDays") {
      outer.push(`COALESCE(SUM(CASE WHEN pf.last_at >= ? THEN 1 ELSE 0 END), 0) AS ${key}`);
      outerParams.push(now - value.range.days * DAY_MS);
    } else if (value.kind === "purchaseTotal" && value.min !== undefined && value.min >= 1 && value.max === undefined) {
      const measure = value.measure === "count" ? "1" : "purchase_amount";
      perMember.push(`SUM(CASE WHEN created_at >= ? THEN ${measure} ELSE 0 END) AS t_${key}`);
      perMemberParams.push(now - value.days * DAY_MS);
      perFriend.push(`SUM(pm.t_${key}) AS t_${key}`);
      outer.push(`COALESCE(SUM(CASE WHEN pf.t_${key} >= ? THEN 1 ELSE 0 END), 0) AS ${key}`);
      outerParams.push(value.min);
    } else {
      throw new Error(`rfmThresholdQuery: ${key} is not a shape counted from purchases (see rfmCountQuery)`);
    }
  }
  // Memberships with purchases, then each one's friends by the members primary key: the linked friend,
  // and the LINE-only friend unless it is the same one (a membership names a friend once, as `IN (…)` does).
  const sql = `
    WITH pm AS MATERIALIZED (
      SELECT member_id, ${perMember.join(", ")}
      FROM point_ledger WHERE purchase_amount IS NOT NULL GROUP BY member_id
    ),
    owned AS (
      SELECT m.line_user_id AS uid, pm.* FROM pm CROSS JOIN members m
      WHERE m.id = pm.member_id AND m.line_user_id IS NOT NULL
      UNION ALL
      SELECT m.line_only_user_id AS uid, pm.* FROM pm CROSS JOIN members m
      WHERE m.id = pm.member_id AND m.line_only_user_id IS NOT NULL AND m.line_only_user_id IS NOT m.line_user_id
    ),
    pf AS (
      SELECT pm.uid AS uid, ${perFriend.join(", ")} FROM owned pm GROUP BY pm.uid
    )
    SELECT (SELECT COUNT(*) FROM friends WHERE +status = 'following') AS following, ${outer.join(", ")}
    FROM pf CROSS JOIN friends f WHERE f.line_user_id = pf.uid AND +f.status = 'following'`;
  return { sql, params: [...perMemberParams, ...outerParams] };
}
