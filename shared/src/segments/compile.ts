import { type CompileContext, compileCondition, type SqlFragment, type SqlValue } from "./conditions.ts";
import type { SegmentFilter, SegmentNode } from "./segment.schema.ts";

export type { CompileContext, SqlFragment, SqlValue } from "./conditions.ts";

/**
 * D1 binds at most 100 parameters per statement; paging adds 2. A filter needing more is refused up front
 * with a clear message instead of failing at send time.
 */
export const MAX_SEGMENT_PARAMS = 90;

export class SegmentTooComplexError extends Error {
  override name = "SegmentTooComplexError";
}

function compileNode(node: SegmentNode, ctx: CompileContext): SqlFragment {
  if (node.kind !== "group") return compileCondition(node, ctx);
  const parts = node.conditions.map((child) => compileNode(child, ctx));
  // An empty "all" is true (everyone), an empty "any" is false (no one): the usual identities.
  const joined =
    parts.length === 0
      ? node.match === "all"
        ? "1 = 1"
        : "1 = 0"
      : parts.map((p) => `(${p.sql})`).join(node.match === "all" ? " AND " : " OR ");
  return { sql: node.negate ? `NOT (${joined})` : joined, params: parts.flatMap((p) => p.params) };
}

/**
 * Compiles a filter to one WHERE predicate over `friends f`, restricted to friends who still follow the
 * account (only they can receive anything). Pure: the same filter and `now` give the same SQL and values.
 * `+f.status` keeps SQLite off the status index: nearly everyone is "following", and walking that index
 * means a random table read per friend; the covering user-ID index is the fast path (decision 016).
 */
export function compileSegment(filter: SegmentFilter, ctx: CompileContext): SqlFragment {
  const body = compileNode(filter, ctx);
  if (body.params.length > MAX_SEGMENT_PARAMS) {
    throw new SegmentTooComplexError(
      `This segment has too many values (${body.params.length} > ${MAX_SEGMENT_PARAMS}) / 条件の値が多すぎます。タグや店舗の数を減らしてください`,
    );
  }
  return { sql: `+f.status = 'following' AND (${body.sql})`, params: body.params };
}

export function countQuery(where: SqlFragment): SqlFragment {
  return { sql: `SELECT COUNT(*) AS count FROM friends f WHERE ${where.sql}`, params: where.params };
}

/**
 * One page of recipient IDs in ID order, after `afterId` (keyset pagination: each page is an index range
 * scan from where the last one stopped, never an OFFSET that rereads what came before).
 */
export function recipientPageQuery(where: SqlFragment, afterId: string | null, limit: number): SqlFragment {
  const params: SqlValue[] = [...where.params];
  let sql = `SELECT f.line_user_id AS line_user_id FROM friends f WHERE ${where.sql}`;
  if (afterId !== null) {
    sql += " AND f.line_user_id > ?";
    params.push(afterId);
  }
  params.push(limit);
  return { sql: `${sql} ORDER BY f.line_user_id LIMIT ?`, params };
}

/** The most recently active members first: what an operator wants to eyeball in the editor. */
export function previewQuery(where: SqlFragment, limit: number): SqlFragment {
  return {
    sql:
      "SELECT f.line_user_id AS line_user_id, f.display_name AS display_name, f.picture_url AS picture_url, " +
      `f.followed_at AS followed_at, f.last_active_at AS last_active_at FROM friends f WHERE ${where.sql} ` +
      "ORDER BY f.last_active_at IS NULL, f.last_active_at DESC LIMIT ?",
    params: [...where.params, limit],
  };
}
