import type { LinkableMember, MemberLinkMethod } from "@enishi/db";
import {
  findLatestLinkEvent,
  findMemberById,
  findMemberByLineUser,
  insertLinkEventQuery,
  linkMemberQuery,
  unlinkMemberQuery,
} from "@enishi/db";
import type { LinkStatus } from "@enishi/shared";
import { LINKED_TAG } from "@enishi/shared";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { ensureMembership } from "../members/members.service.ts";
import { addTag, removeTag } from "../tags/tags.service.ts";

/**
 * Joining a LINE friend to a member record, shared by both flows (LIFF check and the Messaging API
 * account-link event). The member's `line_user_id` is the link: the member card, points and rank follow it.
 */
export type JoinOutcome =
  | { kind: "linked"; member: LinkableMember }
  /** Already joined to this very friend: a retry or a second tap. Treated as success. */
  | { kind: "already-linked"; member: LinkableMember }
  /** The member record belongs to another LINE account. */
  | { kind: "member-taken"; member: LinkableMember }
  /** This friend is already joined to a different member record. */
  | { kind: "friend-has-other"; member: LinkableMember; other: LinkableMember }
  | { kind: "no-member" };

async function ensureLinkedTag(deps: Deps, userId: string, member: LinkableMember): Promise<void> {
  // addTag is idempotent: a retry after a crash between the link and the tag completes the work.
  await addTag(deps, { userId, tag: LINKED_TAG, source: "system", sourceRef: `member:${member.id}` });
}

export async function joinFriendToMember(
  deps: Deps,
  request: { memberId: string; userId: string; method: MemberLinkMethod },
): Promise<JoinOutcome> {
  const { memberId, userId, method } = request;
  const member = await findMemberById(deps.db, memberId);
  if (!member) return { kind: "no-member" };
  const check = await classify(deps, member, userId);
  if (check) {
    if (check.kind === "already-linked") await ensureLinkedTag(deps, userId, member);
    return check;
  }
  const at = Date.now();
  const [changed] = await runBatchChanges(deps, [
    linkMemberQuery(deps.db, member.id, userId, at),
    insertLinkEventQuery(deps.db, { memberId: member.id, lineUserId: userId, action: "link", method, at }),
  ]);
  if (changed !== 1) {
    // Lost a race to another link of this member or this friend: report what won.
    const fresh = (await findMemberById(deps.db, memberId)) ?? member;
    const lost = await classify(deps, fresh, userId);
    if (lost?.kind === "already-linked") await ensureLinkedTag(deps, userId, fresh);
    return lost ?? { kind: "member-taken", member: fresh };
  }
  const linked = { ...member, line_user_id: userId };
  await ensureLinkedTag(deps, userId, linked);
  await foldLineOnlyMembership(deps, userId);
  return { kind: "linked", member: linked };
}

/**
 * Points the friend earned on a LINE-only card move into the linked member now (the card feature does
 * the fold and the rank recompute), so the card shows the joined balance at once. Best effort: the card
 * does the same fold on its next open, so a failure here loses nothing.
 */
async function foldLineOnlyMembership(deps: Deps, userId: string): Promise<void> {
  try {
    await ensureMembership(deps, { userId, name: null });
  } catch (error) {
    console.warn(JSON.stringify({ msg: "membership_fold_deferred", userId, error: String(error) }));
  }
}

async function classify(deps: Deps, member: LinkableMember, userId: string): Promise<JoinOutcome | undefined> {
  if (member.line_user_id === userId) return { kind: "already-linked", member };
  if (member.line_user_id !== null) return { kind: "member-taken", member };
  const other = await findMemberByLineUser(deps.db, userId);
  if (other) return { kind: "friend-has-other", member, other };
  return undefined;
}

/** Unlinks the caller from their member record; the record and its points stay with the shop. */
export async function unlinkFriend(deps: Deps, userId: string): Promise<{ unlinked: LinkableMember | null }> {
  const member = await findMemberByLineUser(deps.db, userId);
  if (!member) {
    // Nothing linked (a second tap, or never linked): make sure the tag agrees and answer as done.
    await removeTag(deps, { userId, tag: LINKED_TAG, source: "system", sourceRef: null });
    return { unlinked: null };
  }
  const at = Date.now();
  await runBatchChanges(deps, [
    unlinkMemberQuery(deps.db, member.id, userId, at),
    insertLinkEventQuery(deps.db, { memberId: member.id, lineUserId: userId, action: "unlink", method: "customer", at }),
  ]);
  await removeTag(deps, { userId, tag: LINKED_TAG, source: "system", sourceRef: `member:${member.id}` });
  return { unlinked: member };
}

export async function linkStatusOf(deps: Deps, userId: string): Promise<LinkStatus> {
  const member = await findMemberByLineUser(deps.db, userId);
  if (!member) return { linked: false, member: null, linkedAt: null, method: null };
  const event = await findLatestLinkEvent(deps.db, member.id, userId);
  return {
    linked: true,
    member: { memberNumber: member.member_number, name: member.name },
    linkedAt: event?.created_at ?? null,
    method: event?.method ?? null,
  };
}
