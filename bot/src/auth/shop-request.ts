import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { AppError, badRequest, unauthorized } from "../errors.ts";
import { checkShopSignature } from "./shop-signature.ts";

const SIGNATURE_PROBLEMS = {
  missing: "X-Enishi-Timestamp and X-Enishi-Signature are required / 署名ヘッダーがありません",
  malformed: "X-Enishi-Signature must be v1=<hex HMAC-SHA256>, X-Enishi-Timestamp unix seconds / 署名ヘッダーの形式が正しくありません",
  expired: "X-Enishi-Timestamp is more than 5 minutes from now / 署名の時刻が古すぎます（時計を確認してください）",
  mismatch: "Signature does not match / 署名が一致しません",
} as const;

/**
 * The body of a call from the shop's own servers (/api/shop/*), once its signature is checked on the raw
 * bytes (shop-signature.ts): 503 when SHOP_API_SECRET is not set, 401 with the reason when the signature
 * is missing, malformed, stale or wrong, 400 when the body is not JSON. Nothing is read or written before
 * this passes. An empty body reads as `{}` (a call with nothing to say, e.g. a refund).
 */
export async function readSignedShopJson(c: Context<AppEnv>, what: string): Promise<unknown> {
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
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`Body must be JSON: ${what} / 本文は JSON で送ってください`);
  }
}
