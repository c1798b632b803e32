import { useLocation } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { PageHeader } from "../../../components/page-header.tsx";
import { ErrorState, Loading } from "../../../components/states.tsx";
import { useAdminCoupon } from "../api/admin-coupons.ts";
import "../coupons.css";
import { CouponEditor } from "./coupon-editor.tsx";
import { couponToForm, emptyCouponForm } from "./coupon-form-state.ts";
import { CouponSendPanel } from "./coupon-send-panel.tsx";

/** /admin/coupons/new and /admin/coupons/:id — the editor, and for a saved coupon its figures and sending. */
export default function CouponAdminEdit({ couponId }: { couponId: string | null }) {
  const [, navigate] = useLocation();
  const coupon = useAdminCoupon(couponId);
  const title = couponId === null ? { ja: "新しいクーポン", en: "New coupon" } : { ja: "クーポンの編集", en: "Edit coupon" };
  const now = Date.now();
  return (
    <div className="page page--wide">
      <PageHeader ja={title.ja} en={title.en} back={{ href: "/admin/coupons", ja: "クーポン管理", en: "Coupons" }} />
      {couponId === null ? (
        <CouponEditor couponId={null} initial={emptyCouponForm()} onSaved={(id) => navigate(`/admin/coupons/${id}`, { replace: true })} />
      ) : null}
      {couponId !== null && coupon.isPending ? <Loading /> : null}
      {couponId !== null && coupon.isError ? <ErrorState error={coupon.error} onRetry={() => void coupon.refetch()} /> : null}
      {couponId !== null && coupon.isSuccess ? (
        <>
          <p className="field__hint">
            <Bi
              ja={`配布 ${coupon.data.coupon.stats.issued} ・ 使用 ${coupon.data.coupon.stats.redeemed}${coupon.data.coupon.lottery ? ` ・ 当選 ${coupon.data.coupon.stats.winners}/${coupon.data.coupon.stats.draws}` : ""}`}
              en={`Issued ${coupon.data.coupon.stats.issued} · used ${coupon.data.coupon.stats.redeemed}`}
              inline
            />
          </p>
          <CouponEditor
            key={coupon.data.coupon.updatedAt}
            couponId={couponId}
            initial={couponToForm(coupon.data.coupon)}
            onSaved={() => undefined}
          />
          <CouponSendPanel
            couponId={couponId}
            sendable={coupon.data.coupon.status === "active" && coupon.data.coupon.startsAt <= now && now < coupon.data.coupon.endsAt}
            sends={coupon.data.sends}
          />
        </>
      ) : null}
    </div>
  );
}
