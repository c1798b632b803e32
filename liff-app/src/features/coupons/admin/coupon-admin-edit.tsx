import { useLocation } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { PageHeader } from "../../../components/page-header.tsx";
import { QueryStates } from "../../../components/states.tsx";
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
      {couponId !== null ? (
        <QueryStates query={coupon}>
          {(data) => (
            <>
              <p className="field__hint">
                <Bi
                  ja={`配布 ${data.coupon.stats.issued} ・ 使用 ${data.coupon.stats.redeemed}${data.coupon.lottery ? ` ・ 当選 ${data.coupon.stats.winners}/${data.coupon.stats.draws}` : ""}`}
                  en={`Issued ${data.coupon.stats.issued} · used ${data.coupon.stats.redeemed}`}
                  inline
                />
              </p>
              <CouponEditor key={data.coupon.updatedAt} couponId={couponId} initial={couponToForm(data.coupon)} onSaved={() => undefined} />
              <CouponSendPanel
                couponId={couponId}
                sendable={data.coupon.status === "active" && data.coupon.startsAt <= now && now < data.coupon.endsAt}
                sends={data.sends}
              />
            </>
          )}
        </QueryStates>
      ) : null}
    </div>
  );
}
