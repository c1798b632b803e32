import { Bi } from "../../../components/bilingual.tsx";
import { formatDate } from "../../../lib/format.ts";
import type { Card } from "../api/get-card.ts";

type Entry = Card["history"][number];

const LABELS: Record<string, [ja: string, en: string]> = {
  purchase: ["お買い上げ", "Purchase"],
  survey: ["アンケート", "Survey"],
  coupon: ["クーポン", "Coupon"],
  manual: ["調整", "Adjustment"],
  expiry: ["有効期限切れ", "Expired"],
  order: ["ご注文", "Order"],
  seed: ["ポイント", "Points"],
};

function label(entry: Entry): [string, string] {
  if (entry.kind === "use") return ["ご利用", "Used"];
  return LABELS[entry.source] ?? ["ポイント", "Points"];
}

function detail(entry: Entry): string | null {
  const parts = [entry.storeName, entry.purchaseAmount !== null ? `¥${entry.purchaseAmount.toLocaleString("ja-JP")}` : null, entry.reason];
  const text = parts.filter(Boolean).join("・");
  return text || null;
}

/** The latest entries of the ledger: what happened, where, and how many points came or went. */
export function PointHistory({ history }: { history: Card["history"] }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title" className="card__title">
        <Bi ja="ポイント履歴" en="Points history" />
      </h2>
      {history.length === 0 ? (
        <p className="field__hint">
          <Bi ja="まだ履歴はありません。お会計時に会員証をご提示ください。" en="Nothing yet. Show your card when you pay to earn points." />
        </p>
      ) : (
        <ul className="point-history">
          {history.map((entry) => {
            const [ja, en] = label(entry);
            const more = detail(entry);
            return (
              <li key={entry.id} className="point-history__item" data-testid="history-item">
                <div>
                  <p>
                    <Bi ja={ja} en={en} inline />
                  </p>
                  <p className="point-history__meta">
                    {formatDate(entry.at)}
                    {more ? ` ・ ${more}` : ""}
                  </p>
                </div>
                <p className={entry.points > 0 ? "point-history__points point-history__points--plus" : "point-history__points"}>
                  {entry.points > 0 ? "+" : "−"}
                  {Math.abs(entry.points).toLocaleString("ja-JP")} pt
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
