import type { MemberRow } from "@enishi/db";
import {
  findFriendMemberships,
  findLineOnlyMembership,
  findMembershipById,
  findRanks,
  insertMembershipIfAbsent,
  mergeLineOnlyMembershipQueries,
} from "@enishi/db";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { recomputeRank } from "../ranks/ranks.service.ts";
import { addTag } from "../tags/tags.service.ts";

/**
 * Which membership a friend's card shows. A linked shop membership (members.line_user_id, set by account
 * linking) wins; otherwise the friend's LINE-only membership, made on first open. A LINE-only membership
 * left over after linking is folded into the linked one here, so its points are not lost.
 */
export async function ensureMembership(deps: Deps, user: { userId: string; name: string | null }): Promise<MemberRow> {
  const { linked, lineOnly } = await findFriendMemberships(deps.db, user.userId);
  if (linked && lineOnly) return mergeInto(deps, lineOnly, linked);
  if (linked) {
    // An imported member seen for the first time has no rank yet.
    if (linked.rank_id === null) await recomputeRank(deps, linked.id, { notify: false });
    return linked.rank_id === null ? ((await findMembershipById(deps.db, linked.id)) ?? linked) : linked;
  }
  if (lineOnly) return lineOnly;
  return createLineOnlyMembership(deps, user);
}

async function mergeInto(deps: Deps, from: MemberRow, into: MemberRow): Promise<MemberRow> {
  await runBatchChanges(deps, mergeLineOnlyMembershipQueries(deps.db, { fromMemberId: from.id, intoMemberId: into.id, at: Date.now() }));
  await recomputeRank(deps, into.id, { notify: true });
  return (await findMembershipById(deps.db, into.id)) ?? into;
}

/** 8 digits starting with 8: never one of the shop's imported numbers (6 digits in the demo). */
function lineOnlyNumber(): string {
  const digits = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return `8${String(digits % 10_000_000).padStart(7, "0")}`;
}

async function createLineOnlyMembership(deps: Deps, user: { userId: string; name: string | null }): Promise<MemberRow> {
  const ranks = await findRanks(deps.db);
  const base = ranks.find((r) => r.min_points === 0) ?? ranks[0] ?? null;
  // A number already taken (or a second first-open at the same moment) inserts nothing: look, then retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = Date.now();
    const created = await insertMembershipIfAbsent(deps.db, {
      id: `mem-${crypto.randomUUID()}`,
      member_number: lineOnlyNumber(),
      name: user.name?.trim() || "LINE会員",
      name_kana: null,
      birthday: null,
      phone_last4: null,
      store_id: null,
      line_user_id: null,
      origin: "line",
      line_only_user_id: user.userId,
      rank_id: base?.id ?? null,
      rank_changed_at: at,
      merged_into_id: null,
      created_at: at,
      updated_at: at,
    });
    const made = await findLineOnlyMembership(deps.db, user.userId);
    // Every member carries their rank as a tag (segments, rich menus); the first rank too.
    if (created && base) await addTag(deps, { userId: user.userId, tag: base.name, source: "system", sourceRef: `rank:${base.id}` });
    if (made) return made;
  }
  throw new AppError(
    503,
    "internal",
    "Could not create a membership, please try again / 会員証を作成できませんでした。もう一度お試しください",
  );
}

/** The membership a scan found, following a LINE-only membership into the one it was merged into. */
export async function currentMembership(deps: Deps, memberId: string): Promise<MemberRow | undefined> {
  let member = await findMembershipById(deps.db, memberId);
  for (let hops = 0; member?.merged_into_id && hops < 3; hops++) member = await findMembershipById(deps.db, member.merged_into_id);
  return member;
}

export function ownerOf(member: MemberRow): string | null {
  return member.line_user_id ?? member.line_only_user_id;
}
