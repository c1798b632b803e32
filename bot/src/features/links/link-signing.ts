import { buildTrackedLinkUrl, deriveLinkKey } from "@enishi/shared/links/index";
import type { Config } from "../../config.ts";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";

// The derived key per secret: deriving is one HMAC, but the redirect is the hot path of a campaign.
const keys = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** The links' HMAC key (derived from CARD_CODE_SECRET with a purpose label), or null when no usable secret is set. */
export function linkKey(env: Pick<Env, "CARD_CODE_SECRET">): Promise<Uint8Array<ArrayBuffer>> | null {
  const secret = env.CARD_CODE_SECRET;
  if (!secret || secret.length < 16) return null;
  let key = keys.get(secret);
  if (!key) {
    key = deriveLinkKey(secret);
    keys.set(secret, key);
  }
  return key;
}

/**
 * The URL to send a friend (or anyone, without `userId`) for a tracked link: `<APP_BASE_URL>/r/<code>`,
 * signed per user so their click is attributed and can tag them. Features that send links call this.
 */
export async function trackedLinkUrl(
  deps: { env: Pick<Env, "CARD_CODE_SECRET">; config: Pick<Config, "appBaseUrl"> },
  code: string,
  userId?: string | null,
): Promise<string> {
  const base = deps.config.appBaseUrl;
  if (!base) throw new AppError(500, "internal", "APP_BASE_URL is not set: tracked links need the public URL / APP_BASE_URL が未設定です");
  const key = linkKey(deps.env);
  if (userId && !key) {
    throw new AppError(500, "internal", "CARD_CODE_SECRET is not set (wrangler secret put CARD_CODE_SECRET) / 署名用の設定が未完了です");
  }
  return buildTrackedLinkUrl(base, (await key) ?? new Uint8Array(), code, userId);
}

export type LinkDeps = Pick<Deps, "env" | "config">;
