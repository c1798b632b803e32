import type { CouponRow } from "@enishi/db";
import { findAudiencePage, findSegment, findSegmentPage, isFriendInSegment, isInAudience } from "@enishi/db";
import type { SqlFragment } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { compileOrRefuse, parseStoredFilter } from "../segments/segments.service.ts";

/**
 * A coupon's audience: everyone, a tag, or a saved segment. Segments are compiled at the moment of use
 * (their conditions may be relative to now), so a friend who joins the segment later is offered the coupon.
 * A deleted segment matches no one.
 */
async function segmentWhere(deps: Deps, coupon: CouponRow, now: number): Promise<SqlFragment | null> {
  if (coupon.audience_kind !== "segment" || !coupon.audience_ref) return null;
  const segment = await findSegment(deps.db, coupon.audience_ref);
  return segment ? compileOrRefuse(parseStoredFilter(segment.filter), now) : null;
}

export async function friendInAudience(deps: Deps, coupon: CouponRow, userId: string, now = Date.now()): Promise<boolean> {
  if (coupon.audience_kind !== "segment") return isInAudience(deps.db, coupon, userId);
  const where = await segmentWhere(deps, coupon, now);
  return where ? isFriendInSegment(deps.db, where, userId) : false;
}

/** The next page of the audience among following friends, in user-id order after `afterUserId`. */
export async function audiencePage(deps: Deps, coupon: CouponRow, afterUserId: string, limit: number): Promise<string[]> {
  if (coupon.audience_kind !== "segment") return findAudiencePage(deps.db, coupon, afterUserId, limit);
  const where = await segmentWhere(deps, coupon, Date.now());
  return where ? findSegmentPage(deps.db, where, afterUserId === "" ? null : afterUserId, limit) : [];
}
