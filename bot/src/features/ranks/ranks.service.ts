import type { MemberRow, RankRow } from "@enishi/db";
import { findMembershipById, findPointSettings, findRankCandidates, findRanks, updateMemberRank } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";
import { addMonths } from "../points/purchase-points.ts";
import { addTag, removeTag } from "../tags/tags.service.ts";

/**
 * Ranks: a member holds the rank with the highest threshold not above the points they earned in the
 * rank window (point_settings.rank_window_months). Recomputed when points are earned or adjusted, when the
 * rules change (all members, in pages on the queue), daily (earned points age out of the window), and
 * when a card is opened. The move is one conditional UPDATE, so of racing recomputes one sends the
 * rank-up message. A rank's name is also a tag (group 会員ランク): segments and rich menus follow it.
 */
export function rankFor(ranks: readonly RankRow[], earned: number): RankRow | undefined {
  let best: RankRow | undefined;
  for (const rank of ranks) if (rank.min_points <= earned && (!best || rank.min_points > best.min_points)) best = rank;
  return best;
}

export async function rankWindowStart(deps: Deps, now = Date.now()): Promise<number> {
  const settings = await findPointSettings(deps.db);
  return addMonths(now, -settings.rank_window_months);
}

export interface RankChange {
  memberId: string;
  from: RankRow | null;
  to: RankRow;
  up: boolean;
}

/** Recomputes one member's rank; returns the change, or null when the rank stays. */
export async function recomputeRank(deps: Deps, memberId: string, options: { notify: boolean }): Promise<RankChange | null> {
  const since = await rankWindowStart(deps);
  const [candidate] = await findRankCandidates(deps.db, { since, afterId: "", limit: 1, memberId });
  if (!candidate) return null;
  return applyRank(deps, candidate, await findRanks(deps.db), options);
}

async function applyRank(
  deps: Deps,
  candidate: { id: string; rank_id: string | null; target_rank_id: string | null },
  ranks: readonly RankRow[],
  options: { notify: boolean; staleTags?: readonly string[] },
): Promise<RankChange | null> {
  const to = ranks.find((r) => r.id === candidate.target_rank_id);
  if (!to) return null;
  const stale = options.staleTags ?? [];
  if (candidate.rank_id === to.id) {
    // Same rank, but its name (the tag) may have changed with the rules.
    if (stale.length > 0) await syncRankTags(deps, await findMembershipById(deps.db, candidate.id), to, stale);
    return null;
  }
  const from = ranks.find((r) => r.id === candidate.rank_id) ?? null;
  const moved = await updateMemberRank(deps.db, { memberId: candidate.id, fromRankId: candidate.rank_id, toRankId: to.id, at: Date.now() });
  if (!moved) return null;
  // A first rank (a new or newly imported member) is no news; only a move to a higher threshold is.
  const up = from !== null && to.min_points > from.min_points;
  const userId = await syncRankTags(deps, moved, to, from ? [from.name, ...stale] : stale);
  if (userId && up && options.notify) {
    await jobsQueue(deps.env).send({
      type: "rank-up",
      userId,
      memberId: candidate.id,
      rankId: to.id,
      key: `rank-up:${candidate.id}:${to.id}:${moved.rank_changed_at ?? Date.now()}`,
    });
  }
  return { memberId: candidate.id, from, to, up };
}

/** Gives the member's friend the rank's tag and takes away `remove` (older rank names); returns the friend. */
async function syncRankTags(deps: Deps, member: MemberRow | undefined, to: RankRow, remove: readonly string[]): Promise<string | null> {
  const userId = member?.line_user_id ?? member?.line_only_user_id ?? null;
  if (!userId) return null;
  for (const name of remove) {
    if (name !== to.name) await removeTag(deps, { userId, tag: name, source: "system", sourceRef: `rank:${to.id}` });
  }
  await addTag(deps, { userId, tag: to.name, source: "system", sourceRef: `rank:${to.id}` });
  return userId;
}

const PAGE = 200;

/**
 * One page of the all-members recompute (after a rule change, and daily). Returns the last member id
 * seen, or null when done; the job enqueues the next page itself, so no single run holds the Worker long.
 * Rule changes move members silently: a message is for points earned, not for the shop's new thresholds.
 */
export async function recomputeRanksPage(deps: Deps, afterId: string, staleTags: readonly string[] = []): Promise<string | null> {
  const since = await rankWindowStart(deps);
  const ranks = await findRanks(deps.db);
  const candidates = await findRankCandidates(deps.db, { since, afterId, limit: PAGE });
  for (const candidate of candidates) {
    if (candidate.target_rank_id !== candidate.rank_id || staleTags.length > 0) {
      await applyRank(deps, candidate, ranks, { notify: false, staleTags });
    }
  }
  return candidates.length === PAGE ? (candidates.at(-1)?.id ?? null) : null;
}

/** `staleTags`: names of ranks removed or renamed by a rule change, taken off the members who carry them. */
export async function startRanksRecompute(deps: Deps, staleTags: readonly string[] = []): Promise<void> {
  await jobsQueue(deps.env).send({ type: "ranks-recompute", afterId: "", staleTags: [...staleTags] });
}
