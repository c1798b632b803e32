import { findMemberByNumber } from "@enishi/db";
import { ShopLinkNonceInputSchema } from "@enishi/shared";
import { Hono } from "hono";
import { checkShopSignature } from "../../auth/shop-signature.ts";
import type { AppEnv } from "../../context.ts";
import { AppError, badRequest, conflict, notFound, unauthorized } from "../../errors.ts";
import { parseOrRefuse } from "../../validation.ts";
import { accountLinkDialogUrl, issueLinkNonce } from "./shop-login.service.ts";

const SIGNATURE_PROBLEMS = {
  missing: "X-Enishi-Timestamp and X-Enishi-Signature are required / 署名ヘッダーがありません",
  malformed: "X-Enishi-Signature must be v1=<hex HMAC-SHA256>, X-Enishi-Timestamp unix seconds / 署名ヘッダーの形式が正しくありません",
  expired: "X-Enishi-Timestamp is more than 5 minutes from now / 署名の時刻が古すぎます（時計を確認してください）",
  mismatch: "Signature does not match / 署名が一致しません",
} as const;

/**
 * /api/shop — calls from the shop's own servers, signed with SHOP_API_SECRET (auth/shop-signature.ts).
 *
 * `POST /link-nonces {linkToken, memberNumber}`: the shop's website has logged the customer in (step 3 of
 * LINE's account-link flow, when SHOP_LOGIN_URL sends customers there instead of the built-in demo page);
 * we store a nonce → member and answer the URL of LINE's account-link dialog to send the browser to. The
 * accountLink event that follows is handled like the demo page's (decision 014).
 */
export const shopApiRoutes = new Hono<AppEnv>().post("/link-nonces", async function issueShopLinkNonce(c) {
  const raw = await c.req.text();
  const check = await checkShopSignature(
    c.var.config.shopApiSecret,
    { timestamp: c.req.header("x-enishi-timestamp"), signature: c.req.header("x-enishi-signature") },
    raw,
  );
  if (!check.ok) {
    if (check.reason === "not_configured") {
      throw new AppError(
        503,
        "internal",
        "The shop API is off: set SHOP_API_SECRET (32+ characters) with wrangler secret put / SHOP_API_SECRET が未設定です",
      );
    }
    throw unauthorized(SIGNATURE_PROBLEMS[check.reason]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw badRequest("Body must be JSON: {linkToken, memberNumber} / 本文は JSON で送ってください");
  }
  const input = parseOrRefuse(ShopLinkNonceInputSchema, json);
  const deps = c.var.deps;
  const member = await findMemberByNumber(deps.db, input.memberNumber);
  if (!member) throw notFound("No imported member has this number / この会員番号の会員はいません");
  if (member.line_user_id !== null) {
    throw conflict("This member is already linked to a LINE account; unlink it first / この会員はすでに LINE と連携済みです");
  }
  const { nonce, expiresAt } = await issueLinkNonce(deps, { memberId: member.id, shopAccountId: null });
  return c.json({ nonce, expiresAt, dialogUrl: accountLinkDialogUrl(deps, input.linkToken, nonce) }, 201);
});
