import type { MyCouponItem } from "@enishi/shared";
import { useState } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Loading, QueryStates } from "../../components/states.tsx";
import { useMyCoupons } from "./api/my-coupons.ts";
import { CouponCard } from "./components/coupon-card.tsx";
import "./coupons.css";

type Tab = "available" | "used" | "expired";

const TABS: { id: Tab; ja: string; en: string; empty: [string, string] }[] = [
  { id: "available", ja: "使える", en: "Available", empty: ["いま使えるクーポンはありません。", "No coupons to use right now."] },
  { id: "used", ja: "使用済み", en: "Used", empty: ["使用したクーポンはまだありません。", "You have not used a coupon yet."] },
  { id: "expired", ja: "期限切れ", en: "Expired", empty: ["期限切れのクーポンはありません。", "No expired coupons."] },
];

/** /coupons — the customer's coupons in three tabs (a tab list, so screen readers announce them as one). */
export default function CouponListPage() {
  const coupons = useMyCoupons();
  const [tab, setTab] = useState<Tab>("available");
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  return (
    <div className="page">
      <PageHeader ja="クーポン" en="Coupons" />
      <div className="coupon-tabs" role="tablist" aria-label="クーポンの種類 / Coupon lists">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`coupon-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="coupon-panel"
            className="coupon-tabs__tab"
            onClick={() => setTab(t.id)}
          >
            <Bi ja={t.ja} en={t.en} inline />
            {coupons.data ? <span className="coupon-tabs__count">{coupons.data[t.id].length}</span> : null}
          </button>
        ))}
      </div>
      <section id="coupon-panel" role="tabpanel" aria-labelledby={`coupon-tab-${tab}`}>
        <QueryStates
          query={coupons}
          loading={<Loading ja="クーポンを読み込み中…" en="Loading coupons…" />}
          empty={current ? { when: (data) => data[tab].length === 0, ja: current.empty[0], en: current.empty[1] } : undefined}
        >
          {(data) => (
            <ul className="coupon-list">
              {data[tab].map((item: MyCouponItem) => (
                <li key={item.grant?.id ?? `offer-${item.coupon.id}`}>
                  <CouponCard item={item} />
                </li>
              ))}
            </ul>
          )}
        </QueryStates>
      </section>
    </div>
  );
}
