import { findCoupon } from "@enishi/db";
import { isCouponOpen } from "@enishi/shared";
import { type BroadcastMessage, type PersonalValues, personaliseMessages } from "@enishi/shared/broadcasts/index";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import type { LineMessage } from "../../line/send.ts";
import { liffUrl } from "../conversations/bot-copy.ts";
import { couponFlexMessage } from "../coupons/coupon-flex.ts";
import { toCouponView } from "../coupons/views.ts";

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
 * The LINE message objects for a composed list, personalised for one recipient when `values` are given.
 * Coupon cards become the coupon's Flex bubble linking to its page in the LIFF app.
 */
export async function toLineMessages(deps: Deps, messages: readonly BroadcastMessage[], values?: PersonalValues): Promise<LineMessage[]> {
  const filled = values ? personaliseMessages(messages, values) : [...messages];
  const out: LineMessage[] = [];
  for (const m of filled) {
    if (m.type === "coupon") {
      const coupon = await findCoupon(deps.db, m.couponId);
      if (!coupon) throw new Error(`coupon ${m.couponId} vanished`);
      out.push(couponFlexMessage(toCouponView(coupon), liffUrl(deps.config, `/coupons/${coupon.id}`)));
    } else {
      out.push(m as LineMessage);
    }
  }
  return out;
}
