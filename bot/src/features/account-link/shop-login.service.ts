import { findMemberById, findShopAccountByLoginId, insertLinkNonce } from "@enishi/db";
import { LINK_NONCE_TTL_MS } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { claimAttempts, releaseAttempts, remainingAttempts } from "./lockout.ts";
import { randomToken, verifyPassword } from "./secrets.ts";

export type ShopLoginOutcome =
  /** Logged in: send the browser to LINE's account-link dialog with this URL. */
  | { kind: "ok"; dialogUrl: string }
  | { kind: "bad-credentials"; remainingAttempts: number }
  /** The account's member record is already joined to a LINE account (unlink in LINE first). */
  | { kind: "member-linked" };

/** LINE's account-link dialog, where the browser goes after the shop login (step 3 of LINE's flow). */
export function accountLinkDialogUrl(deps: Deps, linkToken: string, nonce: string): string {
  return `${deps.config.accessBaseUrl}/dialog/bot/accountLink?${new URLSearchParams({ linkToken, nonce })}`;
}

/**
 * The demo shop website's login, step 3 of LINE's account-link flow: check the password (attempts limited
 * per login id like the LIFF check), then store a fresh nonce → member and hand back the dialog URL.
 */
export async function loginForAccountLink(
  deps: Deps,
  input: { loginId: string; password: string; linkToken: string },
  now = Date.now(),
): Promise<ShopLoginOutcome> {
  const loginId = input.loginId.trim().toLowerCase();
  const claimed = await claimAttempts(deps, [{ scope: "login", subject: loginId }], now);
  const account = await findShopAccountByLoginId(deps.db, loginId);
  // verifyPassword runs the hash even for an unknown id, so timing does not reveal which ids exist.
  const passwordOk = await verifyPassword(input.password, account?.password_hash ?? null);
  if (!account || !passwordOk) return { kind: "bad-credentials", remainingAttempts: await remainingAttempts(deps, claimed, now) };
  await releaseAttempts(deps, claimed);
  const member = await findMemberById(deps.db, account.member_id);
  if (!member) return { kind: "bad-credentials", remainingAttempts: await remainingAttempts(deps, claimed, now) };
  if (member.line_user_id !== null) return { kind: "member-linked" };
  const { nonce } = await issueLinkNonce(deps, { memberId: member.id, shopAccountId: account.id }, now);
  return { kind: "ok", dialogUrl: accountLinkDialogUrl(deps, input.linkToken, nonce) };
}

/**
 * Step 3 of LINE's flow for whoever logged the customer in (the demo login page, or the shop's own website
 * through `POST /api/shop/link-nonces`): a fresh nonce → member, random (never derived from the user or the
 * account), single use, valid 10 minutes.
 */
export async function issueLinkNonce(
  deps: Deps,
  input: { memberId: string; shopAccountId: string | null },
  now = Date.now(),
): Promise<{ nonce: string; expiresAt: number }> {
  const nonce = randomToken();
  const expiresAt = now + LINK_NONCE_TTL_MS;
  await insertLinkNonce(deps.db, {
    nonce,
    member_id: input.memberId,
    shop_account_id: input.shopAccountId,
    created_at: now,
    expires_at: expiresAt,
    used_at: null,
    used_by_user_id: null,
    used_by_event_id: null,
  });
  return { nonce, expiresAt };
}
