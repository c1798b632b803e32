import { Bi } from "../../../components/bilingual.tsx";
import { useRedeemCouponCode } from "../api/scanner.ts";
import { ScanRefusal } from "./refusal.tsx";

/**
 * A coupon's QR (from the customer's 「今すぐ使う」 screen) was scanned: the clerk confirms, the server
 * redeems it exactly once, and the answer (or the reason it was refused) is shown.
 */
export function CouponCodePanel({ code, storeId, onDone }: { code: string; storeId: string | null; onDone: () => void }) {
  const redeem = useRedeemCouponCode();
  return (
    <section className="card" data-testid="coupon-code-panel">
      <h2>
        <Bi ja="クーポンの使用" en="Redeem a coupon" />
      </h2>
      <p className="mono" data-testid="coupon-code">
        {code}
      </p>
      {redeem.isSuccess ? (
        <div className="state" role="status" data-testid="coupon-code-redeemed">
          <p className="state__title">
            <Bi ja={`「${redeem.data.coupon.title}」を使用済みにしました`} en="The coupon is now used" />
          </p>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          disabled={redeem.isPending}
          onClick={() => redeem.mutate({ code, storeId })}
          data-testid="coupon-code-redeem"
        >
          {redeem.isPending ? <Bi ja="処理中…" en="Working…" inline /> : <Bi ja="使用済みにする" en="Redeem" inline />}
        </button>
      )}
      {redeem.isError ? <ScanRefusal error={redeem.error} serverMessage /> : null}
      <button type="button" className="btn" onClick={onDone}>
        <Bi ja="次のお客様" en="Next customer" inline />
      </button>
    </section>
  );
}
