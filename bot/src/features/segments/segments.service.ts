import type { SegmentRow } from "@enishi/db";
import { countSegmentMembers, findAllTags, findSegment, findSegmentPreview } from "@enishi/db";
import type { Audience } from "@enishi/shared/broadcasts/index";
import {
  compileSegment,
  EVERYONE,
  type SegmentDto,
  type SegmentFilter,
  SegmentFilterSchema,
  type SegmentMemberPreview,
  type SegmentNode,
  SegmentTooComplexError,
  type SqlFragment,
} from "@enishi/shared/segments/index";
import type { Deps } from "../../deps.ts";
import { AppError, notFound } from "../../errors.ts";

/** A stored filter is parsed like any input: a row written by an older version must not pass unchecked. */
export function parseStoredFilter(json: string): SegmentFilter {
  return SegmentFilterSchema.parse(JSON.parse(json));
}

export function toSegmentDto(row: SegmentRow): SegmentDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter: parseStoredFilter(row.filter),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The filter's predicate, or a 400 the editor can show when it binds more values than D1 allows. */
export function compileOrRefuse(filter: SegmentFilter, now: number): SqlFragment {
  try {
    return compileSegment(filter, { now });
  } catch (error) {
    if (error instanceof SegmentTooComplexError) throw new AppError(400, "validation_failed", error.message);
    throw error;
  }
}

function tagIdsIn(node: SegmentNode): string[] {
  if (node.kind === "group") return node.conditions.flatMap(tagIdsIn);
  return node.kind === "tags" ? node.tagIds : [];
}

/** Names a tag that does not exist: almost always a stale editor, better said than silently matching no one. */
export async function assertTagsExist(deps: Deps, filter: SegmentFilter): Promise<void> {
  const wanted = [...new Set(tagIdsIn(filter))];
  if (wanted.length === 0) return;
  const known = new Set((await findAllTags(deps.db)).map((t) => t.id));
  const missing = wanted.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError(400, "validation_failed", `Unknown tag: ${missing.join(", ")} / 存在しないタグが指定されています`, [
      { path: "filter", message: `Unknown tag IDs: ${missing.join(", ")}` },
    ]);
  }
}

/** The filter an audience stands for right now: everyone, or the saved segment's current filter. */
export async function audienceFilter(deps: Deps, audience: Audience): Promise<{ filter: SegmentFilter; segmentId: string | null }> {
  if (audience.type === "everyone") return { filter: EVERYONE, segmentId: null };
  const row = await findSegment(deps.db, audience.segmentId);
  if (!row) throw notFound("No such segment / セグメントが見つかりません");
  return { filter: parseStoredFilter(row.filter), segmentId: row.id };
}

export async function countSegment(deps: Deps, filter: SegmentFilter, now: number): Promise<number> {
  return countSegmentMembers(deps.db, compileOrRefuse(filter, now));
}

/** Live count and a few members, for the editor. Both come from the same compiled predicate. */
export async function previewSegment(
  deps: Deps,
  filter: SegmentFilter,
  limit: number,
  now: number,
): Promise<{ count: number; members: SegmentMemberPreview[]; tookMs: number }> {
  const started = Date.now();
  const where = compileOrRefuse(filter, now);
  const [count, rows] = await Promise.all([countSegmentMembers(deps.db, where), findSegmentPreview(deps.db, where, limit)]);
  return {
    count,
    members: rows.map((r) => ({
      userId: r.line_user_id,
      displayName: r.display_name,
      pictureUrl: r.picture_url,
      followedAt: r.followed_at,
      lastActiveAt: r.last_active_at,
    })),
    tookMs: Date.now() - started,
  };
}
