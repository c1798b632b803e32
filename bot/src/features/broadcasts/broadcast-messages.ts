import { type CouponRow, findCoupon, findLinkForRedirect } from "@enishi/db";
import { isCouponOpen } from "@enishi/shared";
import {
  type BroadcastMessage,
  isLinkCode,
  listLinkCodes,
  type PersonalValues,
  personaliseMessages,
} from "@enishi/shared/broadcasts/index";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import type { LineMessage } from "../../line/send.ts";
import { liffUrl } from "../conversations/bot-copy.ts";
import { couponFlexMessage } from "../coupons/coupon-flex.ts";
import { toCouponView } from "../coupons/views.ts";
import { linkKey, trackedLinkUrl } from "../links/link-signing.ts";

/** Coupon cards must name a coupon that can be taken now; said at compose time, not discovered at send time. */
export async function assertCouponsSendable(deps: Deps, messages: readonly BroadcastMessage[], now: number): Promise<void> {
  for (const [i, m] of messages.entries()) {
    if (m.type !== "coupon") continue;
    const coupon = await findCoupon(deps.db, m.couponId);
    if (!coupon || !isCouponOpen({ status: coupon.status, startsAt: coupon.starts_at, endsAt: coupon.ends_at }, now)) {
      throw new AppError(
        400,
        "validation_failed",
        "Only an active coupon within its dates can be sent / 公開中で有効期間内のクーポンを選んでください",
        [{ path: `messages.${i}.couponId`, message: "Coupon not available / このクーポンは配信できません" }],
      );
    }
  }
}

/**
 * `{link:CODE}` must name an existing tracked link, and signed URLs need the public base (APP_BASE_URL) and
 * the signing secret: all said when the messages are saved, not discovered when a batch or a step runs.
 * `path` is where the messages sit in the request body (for the error's details).
 */
export async function assertLinksSendable(deps: Deps, messages: readonly BroadcastMessage[], path = "messages"): Promise<void> {
  const refuse = (message: string, at: string, detail: string) =>
    new AppError(400, "validation_failed", message, [{ path: at, message: detail }]);
  for (const [i, m] of messages.entries()) {
    const codes = listLinkCodes([m]);
    if (codes.length === 0) continue;
    if (!deps.config.appBaseUrl) {
      throw refuse(
        "トラッキングリンク {link:…} を送るには公開URL（APP_BASE_URL）の設定が必要です / Tracked links {link:…} need APP_BASE_URL (the public URL) to be set",
        `${path}.${i}`,
        "APP_BASE_URL is not set / APP_BASE_URL が未設定です",
      );
    }
    if (!linkKey(deps.env)) {
      throw refuse(
        "トラッキングリンク {link:…} の署名用シークレット（CARD_CODE_SECRET）が未設定です / Tracked links {link:…} need CARD_CODE_SECRET to sign them",
        `${path}.${i}`,
        "CARD_CODE_SECRET is not set / CARD_CODE_SECRET が未設定です",
      );
    }
    for (const code of codes) {
      if (!isLinkCode(code) || !(await findLinkForRedirect(deps.db, code))) {
        throw refuse(
          `トラッキングリンク「${code}」が見つかりません（{link:コード} にはリンク一覧のコードを入れてください） / Unknown tracked link "${code}" (use a code from the tracked links list in {link:CODE})`,
          `${path}.${i}`,
          `Unknown link ${code} / リンクが見つかりません`,
        );
      }
    }
  }
}

/** A friend who gets a list of messages: their ID (to sign tracked links for them) and personal values. */
export interface Recipient {
  userId: string;
  values: Omit<PersonalValues, "links">;
}

/** One signed URL per code the messages name (one HMAC each), for one recipient. */
async function linkUrlsFor(deps: Deps, messages: readonly BroadcastMessage[], userId: string): Promise<Map<string, string>> {
  const codes = listLinkCodes(messages).filter(isLinkCode);
  return new Map(await Promise.all(codes.map(async (code) => [code, await trackedLinkUrl(deps, code, userId)] as const)));
}

/** The coupons a composed list shows as cards, read once for all of its recipients. */
export async function couponsOf(deps: Deps, messages: readonly BroadcastMessage[]): Promise<Map<string, CouponRow>> {
  const ids = [...new Set(messages.flatMap((m) => (m.type === "coupon" ? [m.couponId] : [])))];
  const rows = await Promise.all(ids.map((id) => findCoupon(deps.db, id)));
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}

/**
 * The LINE message objects for a composed list, personalised for one recipient when given: {name},
 * {rank}, {points}, and {link:CODE} as the recipient's own signed tracked-link URL. Coupon cards become
 * the coupon's Flex bubble linking to its page in the LIFF app. A sender personalising for many
 * recipients passes the list's `coupons` (couponsOf), so they are not read again for each one.
 */
export async function toLineMessages(
  deps: Deps,
  messages: readonly BroadcastMessage[],
  recipient?: Recipient,
  coupons?: ReadonlyMap<string, CouponRow>,
): Promise<LineMessage[]> {
  const filled = recipient
    ? personaliseMessages(messages, { ...recipient.values, links: await linkUrlsFor(deps, messages, recipient.userId) })
    : [...messages];
  const cards = coupons ?? (await couponsOf(deps, messages));
  return filled.map((m) => {
    if (m.type !== "coupon") return m as LineMessage;
    const coupon = cards.get(m.couponId);
    if (!coupon) throw new Error(`coupon ${m.couponId} vanished`);
    return couponFlexMessage(toCouponView(coupon), liffUrl(deps.config, `/coupons/${coupon.id}`));
  });
}
