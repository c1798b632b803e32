import type { MyCouponItem } from "@enishi/shared";
import { discountLabel } from "@enishi/shared/coupons/validity";
import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { expiryText, jstDay } from "./coupon-format.ts";

const STATE_BADGE: Record<MyCouponItem["state"], { ja: string; en: string; tone: string }> = {
  claimable: { ja: "受け取れます", en: "Get it", tone: "coupon-badge--new" },
  available: { ja: "使えます", en: "Ready", tone: "coupon-badge--ready" },
  used: { ja: "使用済み", en: "Used", tone: "coupon-badge--done" },
  expired: { ja: "期限切れ", en: "Expired", tone: "coupon-badge--done" },
};

/** One coupon in the list: the discount large, the title, and what to do or when it ends. */
export function CouponCard({ item }: { item: MyCouponItem }) {
  const label = discountLabel(item.coupon.discount);
  const badge = STATE_BADGE[item.state];
  const href = item.state === "available" && item.grant ? `/coupons/use/${item.grant.id}` : `/coupons/${item.coupon.id}`;
  const when =
    item.state === "used" && item.grant?.redeemedAt
      ? { ja: `${jstDay(item.grant.redeemedAt)} 使用`, en: `Used ${jstDay(item.grant.redeemedAt)}` }
      : expiryText(item.grant?.expiresAt ?? item.coupon.endsAt);
  return (
    <Link href={href} className={`coupon-card coupon-card--${item.state}`} data-testid="coupon-card">
      <span className="coupon-card__discount">
        <Bi ja={label.ja} en={label.en} />
      </span>
      <span className="coupon-card__body">
        <span className="coupon-card__title">{item.coupon.title}</span>
        <span className="coupon-card__when">
          <Bi ja={when.ja} en={when.en} inline />
        </span>
      </span>
      <span className={`coupon-badge ${badge.tone}`}>
        <Bi ja={badge.ja} en={badge.en} />
        {item.coupon.lottery && item.state === "claimable" ? <span className="coupon-badge__extra">抽選</span> : null}
      </span>
    </Link>
  );
}
