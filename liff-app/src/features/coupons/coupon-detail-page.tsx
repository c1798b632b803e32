import type { MyCouponDetail } from "@enishi/shared";
import { discountLabel } from "@enishi/shared/coupons/validity";
import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { BackLink } from "../../components/page-header.tsx";
import { Loading, QueryStates } from "../../components/states.tsx";
import { useCouponDetail } from "./api/my-coupons.ts";
import { ClaimBox } from "./components/claim-box.tsx";
import { expiryText, jstDay, jstDayTime, lastDay } from "./components/coupon-format.ts";
import { OnlineCode } from "./components/online-code.tsx";
import "./coupons.css";

/** /coupons/:couponId — where the Flex card in the chat leads: the offer, its terms, the customer's copies. */
export default function CouponDetailPage({ couponId }: { couponId: string }) {
  const detail = useCouponDetail(couponId);
  return (
    <div className="page">
      <QueryStates query={detail} loading={<Loading ja="クーポンを読み込み中…" en="Loading the coupon…" />}>
        {(data) => <CouponDetail detail={data} />}
      </QueryStates>
      <BackLink href="/coupons" ja="クーポン一覧" en="All coupons" />
    </div>
  );
}

function CouponDetail({ detail }: { detail: MyCouponDetail }) {
  const { coupon, grants } = detail;
  const label = discountLabel(coupon.discount);
  return (
    <>
      <title>{`${coupon.title} | クーポン / Coupon`}</title>
      <article className="card coupon-detail" aria-labelledby="coupon-title">
        {coupon.imageUrl ? <img className="coupon-detail__image" src={coupon.imageUrl} alt="" /> : null}
        <p className="coupon-detail__discount">
          <Bi ja={label.ja} en={label.en} />
        </p>
        <h1 id="coupon-title" className="page-title">
          {coupon.title}
        </h1>
        <dl className="coupon-facts">
          <dt>
            <Bi ja="有効期間" en="Valid" inline />
          </dt>
          <dd>
            {jstDay(coupon.startsAt)} 〜 {lastDay(coupon.endsAt)}
          </dd>
          <dt>
            <Bi ja="ご利用回数" en="Uses" inline />
          </dt>
          <dd>
            <Bi ja={`お一人様${coupon.perUserLimit}回まで`} en={`Up to ${coupon.perUserLimit} per person`} inline />
          </dd>
          {coupon.lottery ? (
            <>
              <dt>
                <Bi ja="抽選" en="Lottery" inline />
              </dt>
              <dd>
                <Bi ja="抽選で当たった方が受け取れます（1回のみ）" en="Winners of a one-time draw can get it" inline />
                {detail.draw ? (
                  <strong>
                    {" "}
                    <Bi ja={detail.draw === "won" ? "当選" : "落選"} en={detail.draw === "won" ? "won" : "not won"} inline />
                  </strong>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
        {coupon.terms ? (
          <section aria-labelledby="coupon-terms">
            <h2 id="coupon-terms" className="card__title">
              <Bi ja="ご利用条件" en="Terms" inline />
            </h2>
            <p className="coupon-detail__terms">{coupon.terms}</p>
          </section>
        ) : null}
      </article>
      {grants.length > 0 ? (
        <section className="card" aria-labelledby="my-copies">
          <h2 id="my-copies" className="card__title">
            <Bi ja="受け取ったクーポン" en="Your copies" />
          </h2>
          <ul className="coupon-copies">
            {grants.map((g) => (
              <li key={g.id} className="coupon-copy">
                {g.state === "available" ? (
                  <>
                    <p>
                      <Bi {...expiryText(g.expiresAt)} inline />
                    </p>
                    <Link href={`/coupons/use/${g.id}`} className="btn btn--primary btn--wide">
                      <Bi ja="店舗で今すぐ使う" en="Use now at the store" inline />
                    </Link>
                    <OnlineCode code={g.code} />
                  </>
                ) : (
                  <p>
                    {g.state === "used" && g.redeemedAt ? (
                      <Bi ja={`${jstDayTime(g.redeemedAt)} に使用済み`} en={`Used ${jstDayTime(g.redeemedAt)}`} inline />
                    ) : (
                      <Bi ja={`${jstDay(g.expiresAt)} に期限切れ`} en={`Expired ${jstDay(g.expiresAt)}`} inline />
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ClaimBox detail={detail} />
    </>
  );
}
