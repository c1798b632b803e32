import type { MyCouponDetail } from "@enishi/shared";
import { CLAIM_REFUSAL_TEXT } from "@enishi/shared/coupons/validity";
import { Link } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { useClaimCoupon } from "../api/my-coupons.ts";
import { couponRefusal } from "./coupon-format.ts";

/** Taking a copy: the button, the lottery's outcome, or why it cannot be taken. */
export function ClaimBox({ detail }: { detail: MyCouponDetail }) {
  const claim = useClaimCoupon(detail.coupon.id);
  const refusal = claim.isError ? couponRefusal(claim.error) : null;
  if (claim.isSuccess) {
    return (
      <div className="notice notice--success" role="status">
        <p>
          <Bi
            ja={detail.coupon.lottery ? "当たりました！クーポンを受け取りました。" : "クーポンを受け取りました。"}
            en={detail.coupon.lottery ? "You won! The coupon is yours." : "The coupon is yours."}
          />
        </p>
        <Link href={`/coupons/use/${claim.data.grant.id}`} className="btn btn--primary" data-testid="use-now-link">
          <Bi ja="今すぐ使う" en="Use now" inline />
        </Link>
      </div>
    );
  }
  if (refusal) {
    return (
      <p className="notice" role="alert">
        <Bi ja={refusal.ja} en={refusal.en} />
      </p>
    );
  }
  if (claim.isError) return <ErrorState error={claim.error} onRetry={() => claim.mutate()} />;
  if (!detail.claim.possible) {
    // Holding the most copies allowed is the normal state after taking one: nothing to explain then.
    if (!detail.claim.refusal || (detail.claim.refusal === "limit_reached" && detail.grants.length > 0)) return null;
    const text = CLAIM_REFUSAL_TEXT[detail.claim.refusal];
    return (
      <p className="notice" data-testid="claim-refusal">
        <Bi ja={text.ja} en={text.en} />
      </p>
    );
  }
  return (
    <button
      type="button"
      className="btn btn--primary btn--wide"
      disabled={claim.isPending}
      onClick={() => claim.mutate()}
      data-testid="claim-coupon"
    >
      {claim.isPending ? (
        <Bi ja="処理中…" en="Working…" inline />
      ) : detail.coupon.lottery ? (
        <Bi ja="抽選に参加する" en="Try your luck" inline />
      ) : (
        <Bi ja="クーポンを受け取る" en="Get this coupon" inline />
      )}
    </button>
  );
}
