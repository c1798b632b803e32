import { consumeLinkNonce, findLinkNonce, findMemberByLineUser } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import { type LineMessage, sendToUser } from "../../line/send.ts";
import type { AccountLinkEvent, PostbackEvent } from "../../webhook/events.ts";
import { liffUrl, linkButton, text } from "../conversations/bot-copy.ts";
import { ensureKnownFriend } from "../friends/friends.service.ts";
import { linkCopy } from "./link-copy.ts";
import { joinFriendToMember } from "./link-member.service.ts";

/** Flow (b), LINE's account-link flow: https://developers.line.biz/en/docs/messaging-api/linking-accounts/ */

function send(deps: Deps, event: { webhookEventId: string; replyToken?: string | undefined }, userId: string, messages: LineMessage[]) {
  return sendToUser(deps.db, deps.line, {
    to: userId,
    messages,
    sender: "bot",
    key: `evt:${event.webhookEventId}`,
    replyToken: event.replyToken,
  });
}

/** A link outcome told in the chat, with the button to the LIFF screen where the link can be undone. */
function withManageButton(deps: Deps, message: string): LineMessage[] {
  return [text(message), linkButton(linkCopy.manage, linkCopy.manageLabel, liffUrl(deps.config, "/account-link"))];
}

/**
 * Where the customer logs in with the link token: the shop's own website (SHOP_LOGIN_URL, which then calls
 * `POST /api/shop/link-nonces`), else the built-in demo login page served by this Worker (`/link/login`).
 */
export function loginPageUrl(deps: Pick<Deps, "config">, linkToken: string): string | null {
  const page = deps.config.shopLoginUrl || (deps.config.appBaseUrl ? `${deps.config.appBaseUrl}/link/login` : "");
  if (!page) return null;
  const url = new URL(page);
  url.searchParams.set("linkToken", linkToken);
  return url.toString();
}

/** `action=link-account` (rich menu or a button): issue a link token and send the login link. */
export async function startAccountLink(deps: Deps, event: PostbackEvent, userId: string): Promise<void> {
  const linked = await findMemberByLineUser(deps.db, userId);
  if (linked) {
    await send(deps, event, userId, withManageButton(deps, linkCopy.alreadyLinked(linked.member_number)));
    return;
  }
  let linkToken: string | undefined;
  try {
    // A retried issue only makes another token (the unused one expires): safe to retry.
    const { body } = await callLine("linkToken", () => deps.line.api.issueLinkTokenWithHttpInfo(userId), {
      retry: true,
      timeoutMs: deps.line.timeoutMs,
      backoffMs: deps.line.backoffMs,
    });
    linkToken = body?.linkToken;
  } catch (error) {
    // 4xx (e.g. not a friend) cannot succeed on retry; anything else goes back to the queue.
    if (!(error instanceof LineApiError) || !error.permanent) throw error;
    console.warn(JSON.stringify({ msg: "link_token_refused", status: error.status, requestId: error.requestId }));
  }
  const url = linkToken ? loginPageUrl(deps, linkToken) : null;
  if (!url) {
    if (linkToken) console.error(JSON.stringify({ msg: "account_link_unconfigured", hint: "set APP_BASE_URL to this Worker's origin" }));
    await send(deps, event, userId, [text(linkCopy.unavailable)]);
    return;
  }
  // Both ways side by side: whoever has no website account can still link with their member number.
  await send(deps, event, userId, [
    {
      type: "template",
      altText: linkCopy.chooseWayAlt,
      template: {
        type: "buttons",
        text: linkCopy.chooseWay,
        actions: [
          { type: "uri", label: linkCopy.loginLabel, uri: url },
          { type: "uri", label: linkCopy.numberLabel, uri: liffUrl(deps.config, "/account-link") },
        ],
      },
    },
  ]);
}

/**
 * The accountLink event: acted on only when LINE says `ok`, for the event's own `source.userId`, and only
 * if the nonce is consumed here (single use, unexpired). A queue retry of the same event finds the nonce
 * used by that event and finishes the work; any other event with a used nonce changes nothing.
 */
export async function handleAccountLinkEvent(deps: Deps, event: AccountLinkEvent, userId: string): Promise<void> {
  if (event.link.result !== "ok") {
    console.warn(JSON.stringify({ msg: "account_link_failed", userId, result: event.link.result }));
    return;
  }
  await ensureKnownFriend(deps, userId, event.timestamp);
  const use = { nonce: event.link.nonce, userId, webhookEventId: event.webhookEventId, at: Date.now() };
  let memberId = await consumeLinkNonce(deps.db, use);
  const resuming = !memberId;
  if (!memberId) {
    const row = await findLinkNonce(deps.db, use.nonce);
    const resumed = row?.used_by_event_id === event.webhookEventId && row.used_by_user_id === userId;
    if (!resumed || !row) {
      console.warn(JSON.stringify({ msg: "account_link_nonce_rejected", userId, known: row !== undefined }));
      await send(deps, event, userId, [text(linkCopy.nonceInvalid)]);
      return;
    }
    memberId = row.member_id;
  }
  const outcome = await joinFriendToMember(deps, { memberId, userId, method: "account_link" });
  switch (outcome.kind) {
    case "linked":
      await send(deps, event, userId, withManageButton(deps, linkCopy.linked(outcome.member.member_number, outcome.member.name)));
      return;
    case "already-linked": {
      // Resuming this event's own half-done work: the customer has not been told yet that it worked.
      const { member } = outcome;
      const message = resuming ? linkCopy.linked(member.member_number, member.name) : linkCopy.alreadyLinked(member.member_number);
      await send(deps, event, userId, withManageButton(deps, message));
      return;
    }
    case "member-taken":
      await send(deps, event, userId, [text(linkCopy.memberTaken)]);
      return;
    case "friend-has-other":
      await send(deps, event, userId, withManageButton(deps, linkCopy.friendHasOther(outcome.other.member_number)));
      return;
    case "no-member":
      await send(deps, event, userId, [text(linkCopy.nonceInvalid)]);
      return;
  }
}
