import type { SegmentCondition, SegmentConditionKind, TimeRange } from "./segment.schema.ts";

/** A piece of SQL with `?` placeholders and its values, in order. The friend being tested is `f`. */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}
export type SqlValue = string | number;

export interface CompileContext {
  /** The moment the segment is evaluated (epoch ms): "within 7 days" is relative to it. Injected, never read from a clock. */
  now: number;
}

type CompilerOf<K extends SegmentConditionKind> = (condition: Extract<SegmentCondition, { kind: K }>, ctx: CompileContext) => SqlFragment;

const DAY_MS = 24 * 60 * 60 * 1000;

function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

/** Midnight of a JST calendar date, in epoch ms. */
export function jstMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+09:00`);
}

/**
 * A time column against a range. "More than N days ago" and "before" include friends with no value
 * (never active, followed before Enishi knew them): they are certainly not recent.
 */
function timeRange(column: string, range: TimeRange, ctx: CompileContext): SqlFragment {
  switch (range.op) {
    case "withinDays":
      return { sql: `${column} >= ?`, params: [ctx.now - range.days * DAY_MS] };
    case "moreThanDaysAgo":
      return { sql: `(${column} IS NULL OR ${column} < ?)`, params: [ctx.now - range.days * DAY_MS] };
    case "since":
      return { sql: `${column} >= ?`, params: [jstMidnight(range.date)] };
    case "before":
      return { sql: `(${column} IS NULL OR ${column} < ?)`, params: [jstMidnight(range.date)] };
  }
}

/**
 * "Has an event in the range" for a table of events: in or after the range → EXISTS in it; before it
 * (more than N days ago, before a date) → none since, so a friend with no event at all counts too.
 */
function withinRange(from: string, params: SqlValue[], column: string, range: TimeRange, ctx: CompileContext): SqlFragment {
  const since = timeRange(
    column,
    range.op === "moreThanDaysAgo"
      ? { op: "withinDays", days: range.days }
      : range.op === "before"
        ? { op: "since", date: range.date }
        : range,
    ctx,
  );
  const exists = { sql: `EXISTS (SELECT 1 ${from} AND ${since.sql})`, params: [...params, ...since.params] };
  return range.op === "moreThanDaysAgo" || range.op === "before" ? { sql: `NOT ${exists.sql}`, params: exists.params } : exists;
}

/**
 * A friend's memberships: the shop membership they linked and their LINE-only one (migration 0003). Two
 * indexed lookups joined by UNION ALL, because `line_user_id = ? OR line_only_user_id = ?` uses no index.
 */
const MEMBERSHIPS =
  "SELECT id FROM members WHERE line_user_id = f.line_user_id UNION ALL SELECT id FROM members WHERE line_only_user_id = f.line_user_id";
/**
 * A purchase is a ledger row that records a purchase amount (points for a purchase or an order), unless it
 * was refunded: a refund is the entry keyed `<the purchase's key>:refund` (POST /api/shop/orders/:id/refund,
 * decision 024), found by the ledger's UNIQUE key index.
 */
export const PURCHASE_ROW_SQL =
  "pl.purchase_amount IS NOT NULL AND NOT EXISTS (SELECT 1 FROM point_ledger rf WHERE rf.idempotency_key = pl.idempotency_key || ':refund')";
const PURCHASE = PURCHASE_ROW_SQL;

const ATTRIBUTE_COLUMNS = { language: "f.language", displayName: "f.display_name" } as const;

/** LIKE with the user's text taken literally (no wildcards of their own). */
function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * One compiler per condition kind. Every membership test is correlated on `f.line_user_id` and answered
 * from an index keyed by the user ID (friend_tags' and members' keys). The audience query walks friends in
 * user-ID order over a covering index (migration 0008), so these probes arrive in key order too and read
 * pages sequentially: that is what keeps a count over a million friends under a second, and every keyset
 * page a short index range (decision 016, docs/benchmarks.md).
 */
export const CONDITION_COMPILERS: { [K in SegmentConditionKind]: CompilerOf<K> } = {
  tags(condition) {
    const tagIds = [...new Set(condition.tagIds)];
    const match = `FROM friend_tags ft WHERE ft.line_user_id = f.line_user_id AND ft.tag_id IN (${placeholders(tagIds)})`;
    switch (condition.match) {
      case "any":
        return { sql: `EXISTS (SELECT 1 ${match})`, params: tagIds };
      case "none":
        return { sql: `NOT EXISTS (SELECT 1 ${match})`, params: tagIds };
      case "all":
        // friend_tags has one row per (friend, tag), so "has all N" is "N matching rows".
        return { sql: `(SELECT COUNT(*) ${match}) = ?`, params: [...tagIds, tagIds.length] };
    }
  },
  attribute(condition) {
    const column = ATTRIBUTE_COLUMNS[condition.field];
    const value = condition.value ?? "";
    switch (condition.op) {
      case "eq":
        return { sql: `${column} = ?`, params: [value] };
      case "neq":
        return { sql: `(${column} IS NULL OR ${column} <> ?)`, params: [value] };
      case "contains":
        return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [likeContains(value)] };
      case "set":
        return { sql: `(${column} IS NOT NULL AND ${column} <> '')`, params: [] };
      case "notSet":
        return { sql: `(${column} IS NULL OR ${column} = '')`, params: [] };
    }
  },
  store(condition) {
    const storeIds = [...new Set(condition.storeIds)];
    return {
      sql: `EXISTS (SELECT 1 FROM members m WHERE m.line_user_id = f.line_user_id AND m.store_id IN (${placeholders(storeIds)}))`,
      params: storeIds,
    };
  },
  linked(condition) {
    const linked = "EXISTS (SELECT 1 FROM members m WHERE m.line_user_id = f.line_user_id)";
    return { sql: condition.linked ? linked : `NOT ${linked}`, params: [] };
  },
  followed(condition, ctx) {
    return timeRange("f.followed_at", condition.range, ctx);
  },
  lastActive(condition, ctx) {
    return timeRange("f.last_active_at", condition.range, ctx);
  },
  rank(condition) {
    const rankIds = [...new Set(condition.rankIds)];
    return {
      sql: `EXISTS (SELECT 1 FROM members m WHERE m.id IN (${MEMBERSHIPS}) AND m.rank_id IN (${placeholders(rankIds)}))`,
      params: rankIds,
    };
  },
  couponRedeemed(condition, ctx) {
    const parts = ["g.line_user_id = f.line_user_id", "g.redeemed_at IS NOT NULL"];
    const params: SqlValue[] = [];
    if (condition.couponId) {
      parts.push("g.coupon_id = ?");
      params.push(condition.couponId);
    }
    if (condition.range)
      return withinRange(`FROM coupon_grants g WHERE ${parts.join(" AND ")}`, params, "g.redeemed_at", condition.range, ctx);
    return { sql: `EXISTS (SELECT 1 FROM coupon_grants g WHERE ${parts.join(" AND ")})`, params };
  },
  surveyAnswered(condition) {
    const base = "SELECT 1 FROM survey_responses r WHERE r.line_user_id = f.line_user_id AND r.status = 'submitted'";
    return condition.surveyId
      ? { sql: `EXISTS (${base} AND r.survey_id = ?)`, params: [condition.surveyId] }
      : { sql: `EXISTS (${base})`, params: [] };
  },
  clickedLink(condition, ctx) {
    // Only attributed clicks have a user; the (line_user_id, link_id, clicked_at) index answers it (0011).
    const parts = ["lc.line_user_id = f.line_user_id"];
    const params: SqlValue[] = [];
    if (condition.linkId) {
      parts.push("lc.link_id = ?");
      params.push(condition.linkId);
    }
    const from = `FROM link_clicks lc WHERE ${parts.join(" AND ")}`;
    if (condition.range) return withinRange(from, params, "lc.clicked_at", condition.range, ctx);
    return { sql: `EXISTS (SELECT 1 ${from})`, params };
  },
  lastPurchase(condition, ctx) {
    return withinRange(
      `FROM point_ledger pl WHERE pl.member_id IN (${MEMBERSHIPS}) AND ${PURCHASE}`,
      [],
      "pl.created_at",
      condition.range,
      ctx,
    );
  },
  purchaseTotal(condition, ctx) {
    const measure = condition.measure === "count" ? "COUNT(*)" : "COALESCE(SUM(pl.purchase_amount), 0)";
    const total = `(SELECT ${measure} FROM point_ledger pl WHERE pl.member_id IN (${MEMBERSHIPS}) AND ${PURCHASE} AND pl.created_at >= ?)`;
    const tests: string[] = [];
    const params: SqlValue[] = [];
    if (condition.min !== undefined) {
      tests.push(`${total} >= ?`);
      params.push(ctx.now - condition.days * DAY_MS, condition.min);
    }
    if (condition.max !== undefined) {
      tests.push(`${total} <= ?`);
      params.push(ctx.now - condition.days * DAY_MS, condition.max);
    }
    return { sql: tests.join(" AND "), params };
  },
};

export function compileCondition(condition: SegmentCondition, ctx: CompileContext): SqlFragment {
  const compile = CONDITION_COMPILERS[condition.kind] as CompilerOf<typeof condition.kind>;
  return compile(condition as never, ctx);
}
