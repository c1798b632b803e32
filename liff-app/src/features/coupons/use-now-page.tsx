import type { MyCoupons } from "@enishi/shared";
import { couponQrPayload, formatCouponCode } from "@enishi/shared/coupons/code";
import { discountLabel } from "@enishi/shared/coupons/validity";
import { useState } from "react";
import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { BackLink } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { useMyCoupons, useRedeemOwnCoupon } from "./api/my-coupons.ts";
import { couponRefusal, expiryText, jstDayTime } from "./components/coupon-format.ts";
import { CouponQr } from "./components/coupon-qr.tsx";
import { LiveClock } from "./components/live-clock.tsx";
import "./coupons.css";

/**
 * /coupons/use/:grantId — shown at the counter. The clerk either scans the QR with the staff scanner, or
 * confirms right here on the customer's phone (two steps, so a stray tap cannot use the coupon).
 */
export default function UseNowPage({ grantId }: { grantId: string }) {
  const coupons = useMyCoupons();
  const found = coupons.data ? findGrant(coupons.data, grantId) : undefined;
  return (
    <div className={found ? "page use-now" : "page"}>
      <QueryStates
        query={coupons}
        empty={{
          when: () => !found,
          ja: "このクーポンは見つかりませんでした。",
          en: "This coupon was not found.",
          children: (
            <Link href="/coupons" className="btn">
              <Bi ja="クーポン一覧へ" en="All coupons" inline />
            </Link>
          ),
        }}
      >
        {() => (found ? <UseNow item={found} /> : null)}
      </QueryStates>
    </div>
  );
}

/** The customer's copy `grantId` among all their coupons, with its coupon. */
function findGrant(coupons: MyCoupons, grantId: string) {
  const item = [...coupons.available, ...coupons.used, ...coupons.expired].find((i) => i.grant?.id === grantId);
  return item?.grant ? { ...item, grant: item.grant } : undefined;
}

function UseNow({ item }: { item: NonNullable<ReturnType<typeof findGrant>> }) {
  const { coupon, grant } = item;
  const redeem = useRedeemOwnCoupon(grant.id);
  const [confirming, setConfirming] = useState(false);
  const label = discountLabel(coupon.discount);
  const refusal = redeem.isError ? couponRefusal(redeem.error) : null;
  const usedAt = redeem.data?.grant.redeemedAt ?? grant.redeemedAt;
  return (
    <>
      <title>{`今すぐ使う / Use now | ${coupon.title}`}</title>
      <p className="use-now__discount">
        <Bi ja={label.ja} en={label.en} />
      </p>
      <h1 className="page-title">{coupon.title}</h1>
      {usedAt ? (
        <div className="use-now__done" role="status" data-testid="coupon-used">
          <span className="use-now__check" aria-hidden="true">
            ✓
          </span>
          <p>
            <Bi ja="ご利用ありがとうございました" en="Thank you — coupon used" />
          </p>
          <p className="field__hint">{jstDayTime(usedAt)}</p>
        </div>
      ) : item.state === "expired" ? (
        <p className="notice" role="alert">
          <Bi ja="このクーポンは有効期限が切れています。" en="This coupon has expired." />
        </p>
      ) : (
        <>
          <div className="use-now__code">
            <CouponQr value={couponQrPayload(grant.code)} label={`クーポンコード ${formatCouponCode(grant.code)}`} />
            <p className="use-now__text mono">{formatCouponCode(grant.code)}</p>
            <LiveClock />
            <p className="field__hint">
              <Bi {...expiryText(grant.expiresAt)} inline />
            </p>
          </div>
          <p className="field__hint">
            <Bi ja="この画面をスタッフにお見せください。" en="Please show this screen to the staff." />
          </p>
          {refusal ? (
            <p className="notice" role="alert">
              <Bi ja={refusal.ja} en={refusal.en} />
            </p>
          ) : null}
          {redeem.isError && !refusal ? <ErrorState error={redeem.error} onRetry={() => redeem.mutate()} /> : null}
          {confirming ? (
            <section className="use-now__confirm" aria-labelledby="confirm-title">
              <p id="confirm-title">
                <Bi ja="スタッフの方が押してください。使用済みにすると元に戻せません。" en="For staff: marking it used cannot be undone." />
              </p>
              <button
                type="button"
                className="btn btn--danger btn--wide"
                disabled={redeem.isPending}
                onClick={() => redeem.mutate()}
                data-testid="confirm-use"
              >
                {redeem.isPending ? <Bi ja="処理中…" en="Working…" inline /> : <Bi ja="使用済みにする" en="Mark as used" inline />}
              </button>
              <button type="button" className="btn btn--wide" onClick={() => setConfirming(false)} disabled={redeem.isPending}>
                <Bi ja="やめる" en="Cancel" inline />
              </button>
            </section>
          ) : (
            <button type="button" className="btn btn--wide" onClick={() => setConfirming(true)} data-testid="start-use">
              <Bi ja="スタッフ確認（使用する）" en="Staff: confirm use" inline />
            </button>
          )}
        </>
      )}
      <BackLink href="/coupons" ja="クーポン一覧" en="All coupons" />
    </>
  );
}
