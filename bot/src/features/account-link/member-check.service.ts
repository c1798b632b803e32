import type { LinkableMember } from "@enishi/db";
import { findMemberByNumber } from "@enishi/db";
import type { LinkMemberRequest, LinkStatus } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError, conflict } from "../../errors.ts";
import { joinFriendToMember, linkStatusOf } from "./link-member.service.ts";
import { claimAttempts, releaseAttempts, remainingAttempts } from "./lockout.ts";
import { constantTimeEqualText } from "./secrets.ts";

/** Whether what the customer typed matches the imported record; both fields are normalised on import and input. */
function matches(member: LinkableMember | undefined, input: LinkMemberRequest): boolean {
  if (!member) return false;
  const expected = input.method === "birthday" ? member.birthday : member.phone_last4;
  const given = input.method === "birthday" ? input.birthday : input.phoneLast4;
  return expected !== null && constantTimeEqualText(expected.trim(), given);
}

/**
 * Flow (a), the LIFF check: the verified LINE identity plus the member number and birthday (or the phone's
 * last 4 digits). Failures count against the friend and the member number; a mismatch never says which
 * field was wrong, so the form cannot be used to learn which member numbers exist.
 */
export async function linkByMemberCheck(deps: Deps, userId: string, input: LinkMemberRequest): Promise<LinkStatus> {
  const claimed = await claimAttempts(deps, [
    { scope: "friend", subject: userId },
    { scope: "member", subject: input.memberNumber },
  ]);
  const member = await findMemberByNumber(deps.db, input.memberNumber);
  if (!member || !matches(member, input)) {
    const remaining = await remainingAttempts(deps, claimed);
    const what = input.method === "birthday" ? "生年月日" : "電話番号の下4桁";
    const whatEn = input.method === "birthday" ? "birthday" : "phone digits";
    throw new AppError(
      400,
      "bad_request",
      `会員番号と${what}の組み合わせが見つかりません（あと${remaining}回）。 / No member matches this number and ${whatEn} (${remaining} tries left).`,
      { remainingAttempts: remaining },
    );
  }
  await releaseAttempts(deps, claimed);
  const outcome = await joinFriendToMember(deps, { memberId: member.id, userId, method: "liff" });
  switch (outcome.kind) {
    case "linked":
    case "already-linked":
      return linkStatusOf(deps, userId);
    case "member-taken":
      throw conflict(
        "この会員番号は別の LINE アカウントと連携済みです。お心当たりがない場合は店舗にお問い合わせください。 / This membership is already linked to another LINE account. If that was not you, please contact the shop.",
        { reason: "member_taken" },
      );
    case "friend-has-other":
      throw conflict(
        `この LINE アカウントは会員番号 ${outcome.other.member_number} と連携済みです。切り替えるには先に連携を解除してください。 / This LINE account is linked to member ${outcome.other.member_number}; unlink it first to switch.`,
        { reason: "friend_has_other", memberNumber: outcome.other.member_number },
      );
    case "no-member":
      throw conflict("会員情報が見つかりませんでした。 / The member record is gone.", { reason: "no_member" });
  }
}
