import {
  findConversationNotes,
  findFriend,
  findFriendTags,
  findGrantsOfUser,
  findLineOnlyMembership,
  findLinkedMembership,
  findRanks,
  findRecentPurchases,
} from "@enishi/db";
import { grantState } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { pointSummary } from "../points/summary.service.ts";
import { friendSurveyAnswers } from "../surveys/survey-profile.service.ts";

/**
 * One section of the profile. Each comes from another feature's tables; one failing (or a feature not
 * deployed yet) must not blank the whole profile beside the chat, so it shows as unavailable instead.
 */
async function section<T>(name: string, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    console.warn(JSON.stringify({ msg: "profile_section_failed", section: name, error: String(error) }));
    return null;
  }
}

export interface NoteView {
  id: number;
  body: string;
  authorUserId: string;
  authorName: string | null;
  at: number;
}

export async function notesOf(deps: Deps, userId: string): Promise<NoteView[]> {
  const rows = await findConversationNotes(deps.db, userId, 100);
  return rows.map((n) => ({ id: n.id, body: n.body, authorUserId: n.author_user_id, authorName: n.author_name, at: n.created_at }));
}

async function membershipOf(deps: Deps, userId: string) {
  const linked = await findLinkedMembership(deps.db, userId);
  const member = linked ?? (await findLineOnlyMembership(deps.db, userId));
  if (!member) return { found: false as const };
  const [ranks, points, purchases] = await Promise.all([
    findRanks(deps.db),
    section("points", () => pointSummary(deps, member.id)),
    section("purchases", () => findRecentPurchases(deps.db, member.id, 5)),
  ]);
  const rank = ranks.find((r) => r.id === member.rank_id);
  return {
    found: true as const,
    memberNumber: member.member_number,
    name: member.name,
    linked: linked !== undefined,
    storeId: member.store_id,
    rank: rank ? { id: rank.id, name: rank.name, nameEn: rank.name_en, color: rank.color } : null,
    points: points ? { balance: points.balance, expiring: points.expiring } : null,
    /** the latest five, newest first (counter scans and shop orders alike) */
    purchases:
      purchases?.map((p) => ({
        amountYen: p.purchase_amount,
        points: p.points,
        store: p.store_id ? { id: p.store_id, name: p.store_name } : null,
        at: p.created_at,
        refunded: p.refunded === 1,
      })) ?? null,
  };
}

async function couponsOf(deps: Deps, userId: string, now: number) {
  const grants = await findGrantsOfUser(deps.db, userId, 50);
  return grants.map(({ grant, coupon }) => ({
    grantId: grant.id,
    title: coupon.title,
    state: grantState({ redeemedAt: grant.redeemed_at, expiresAt: grant.expires_at }, now),
    expiresAt: grant.expires_at,
    redeemedAt: grant.redeemed_at,
  }));
}

/** The customer beside the chat (issue 4 §6): who they are, tags, membership and purchases, coupons, surveys, notes. */
export async function friendProfile(deps: Deps, userId: string, now = Date.now()) {
  const [friend, tags, member, coupons, surveys, notes] = await Promise.all([
    findFriend(deps.db, userId),
    section("tags", () => findFriendTags(deps.db, userId)),
    section("member", () => membershipOf(deps, userId)),
    section("coupons", () => couponsOf(deps, userId, now)),
    section("surveys", () => friendSurveyAnswers(deps, userId)),
    notesOf(deps, userId),
  ]);
  if (!friend) return null;
  return {
    friend: {
      userId,
      displayName: friend.display_name,
      pictureUrl: friend.picture_url,
      statusMessage: friend.status_message,
      language: friend.language,
      status: friend.status,
      followedAt: friend.followed_at,
      lastActiveAt: friend.last_active_at,
    },
    tags: tags?.map((t) => ({ id: t.tag_id, name: t.name, color: t.color, source: t.source })) ?? null,
    member,
    coupons,
    surveys:
      surveys?.map((s) => ({
        surveyTitle: s.surveyTitle,
        submittedAt: s.submittedAt,
        answers: s.answers.map((a) => ({ question: a.question, answer: a.answer })),
      })) ?? null,
    notes,
  };
}
