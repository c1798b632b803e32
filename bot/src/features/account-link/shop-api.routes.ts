import { findMemberByNumber } from "@enishi/db";
import { ShopLinkNonceInputSchema } from "@enishi/shared";
import { Hono } from "hono";
import { readSignedShopJson } from "../../auth/shop-request.ts";
import type { AppEnv } from "../../context.ts";
import { conflict, notFound } from "../../errors.ts";
import { parseOrRefuse } from "../../validation.ts";
import { accountLinkDialogUrl, issueLinkNonce } from "./shop-login.service.ts";

/**
 * /api/shop — calls from the shop's own servers, signed with SHOP_API_SECRET (auth/shop-signature.ts).
 *
 * `POST /link-nonces {linkToken, memberNumber}`: the shop's website has logged the customer in (step 3 of
 * LINE's account-link flow, when SHOP_LOGIN_URL sends customers there instead of the built-in demo page);
 * we store a nonce → member and answer the URL of LINE's account-link dialog to send the browser to. The
 * accountLink event that follows is handled like the demo page's (decision 014).
 */
export const shopApiRoutes = new Hono<AppEnv>().post("/link-nonces", async function issueShopLinkNonce(c) {
  const json = await readSignedShopJson(c, "{linkToken, memberNumber}");
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
