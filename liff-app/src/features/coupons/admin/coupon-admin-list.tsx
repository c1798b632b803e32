import "../../../components/admin.css";
import { discountLabel } from "@enishi/shared/coupons/validity";
import { Link } from "wouter";
import { PageHeader } from "../../../components/page-header.tsx";
import { QueryStates } from "../../../components/states.tsx";
import { useAdminCoupons } from "../api/admin-coupons.ts";
import { jstDay, lastDay } from "../components/coupon-format.ts";
import "../coupons.css";

const STATUS = { draft: "下書き / Draft", active: "公開 / Active", archived: "終了 / Withdrawn" } as const;

/** /admin/coupons — every coupon with issued and redeemed counts (the redemption rate operators watch). */
export default function CouponAdminList() {
  const coupons = useAdminCoupons();
  return (
    <div className="page page--wide">
      <PageHeader
        ja="クーポン管理"
        en="Coupons"
        actions={[{ href: "/admin/coupons/new", ja: "＋ 新しいクーポン", en: "New coupon", primary: true }]}
      />
      <QueryStates
        query={coupons}
        empty={{
          when: (data) => data.coupons.length === 0,
          ja: "クーポンはまだありません。最初のクーポンを作りましょう。",
          en: "No coupons yet. Create the first one.",
        }}
      >
        {(data) => (
          <table className="admin-table" data-testid="coupon-admin-list">
            <thead>
              <tr>
                <th>タイトル / Title</th>
                <th>割引 / Discount</th>
                <th>期間 / Dates</th>
                <th>状態 / Status</th>
                <th className="num">配布 / Issued</th>
                <th className="num">使用 / Used</th>
                <th className="num">使用率 / Rate</th>
              </tr>
            </thead>
            <tbody>
              {data.coupons.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/admin/coupons/${c.id}`}>{c.title}</Link>
                    {c.lottery ? (
                      <span className="field__hint">
                        {" "}
                        抽選 {c.stats.winners}/{c.stats.draws}
                      </span>
                    ) : null}
                  </td>
                  <td>{discountLabel(c.discount).ja}</td>
                  <td>
                    {jstDay(c.startsAt)}〜{lastDay(c.endsAt)}
                  </td>
                  <td>{STATUS[c.status]}</td>
                  <td className="num">{c.stats.issued}</td>
                  <td className="num">{c.stats.redeemed}</td>
                  <td className="num">{c.stats.issued === 0 ? "—" : `${Math.round((c.stats.redeemed / c.stats.issued) * 100)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStates>
    </div>
  );
}
