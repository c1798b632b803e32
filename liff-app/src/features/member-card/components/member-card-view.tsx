import { useEffect, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { formatDate } from "../../../lib/format.ts";
import type { Card, CardCode } from "../api/get-card.ts";
import { CardQr } from "./card-qr.tsx";

/** True from `at` on (re-rendered at that moment), e.g. when a code runs out. */
function useReached(at: number): boolean {
  const [reached, setReached] = useState(() => Date.now() >= at);
  useEffect(() => {
    setReached(Date.now() >= at);
    const wait = at - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => setReached(true), wait);
    return () => clearTimeout(timer);
  }, [at]);
  return reached;
}

/** 8-digit LINE-only numbers read better as 4 + 4; the shop's own numbers stay as printed. */
function groupDigits(memberNumber: string): string {
  return /^\d{8}$/.test(memberNumber) ? `${memberNumber.slice(0, 4)} ${memberNumber.slice(4)}` : memberNumber;
}

/**
 * The member card at the counter: the rank band, the name and number, and a large QR that changes every
 * few seconds. Under it the balance, what expires soon and how far the next rank is.
 */
export function MemberCardView({ card, code, refreshFailed }: { card: Card; code: CardCode["code"]; refreshFailed: boolean }) {
  const expired = useReached(code.expiresAt);
  const rankColor = card.rank?.color ?? "#06c755";
  return (
    <>
      <section className="card member-card" aria-labelledby="member-card-title" style={{ "--rank": rankColor } as React.CSSProperties}>
        <div className="member-card__band">
          <h1 id="member-card-title" className="member-card__title">
            <Bi ja="会員証" en="Member card" inline />
          </h1>
          {card.rank ? (
            <span className="member-card__rank" data-testid="card-rank">
              {card.rank.name} <span lang="en">{card.rank.nameEn}</span>
            </span>
          ) : null}
        </div>
        <p className="member-card__name">{card.member.name} さま</p>
        <p className="member-card__number">
          <span className="visually-hidden">会員番号 / Member number </span>
          <span className="mono" data-testid="member-number">
            {groupDigits(card.member.memberNumber)}
          </span>
        </p>
        <div className="member-card__qr">
          <CardQr value={code.value} stale={expired} />
          {expired ? (
            <p className="member-card__stale" role="alert">
              <Bi
                ja={refreshFailed ? "コードを更新できません。通信を確認してください。" : "コードを更新しています…"}
                en={refreshFailed ? "Cannot refresh the code. Check your connection." : "Refreshing the code…"}
              />
            </p>
          ) : null}
        </div>
        <p className="member-card__hint">
          <Bi
            ja="お会計時にこの画面をご提示ください。コードは自動で切り替わります（スクリーンショットは使えません）。"
            en="Show this screen when you pay. The code changes by itself; screenshots do not work."
          />
        </p>
        <details className="member-card__typed">
          <summary>
            <Bi ja="読み取れない場合（コードを表示）" en="If it won't scan (show the code)" inline />
          </summary>
          <p className="mono" data-testid="card-code-text">
            {code.value}
          </p>
        </details>
      </section>
      <section className="card points" aria-labelledby="points-title">
        <h2 id="points-title" className="card__title">
          <Bi ja="保有ポイント" en="Points" />
        </h2>
        <p className="points__balance" data-testid="points-balance">
          {card.points.balance.toLocaleString("ja-JP")}
          <span className="points__unit"> pt</span>
        </p>
        {card.points.expiring ? (
          <p className="points__expiring" data-testid="points-expiring">
            <Bi
              ja={`${card.points.expiring.points.toLocaleString("ja-JP")} pt が ${formatDate(card.points.expiring.firstAt)} から順に失効します`}
              en={`${card.points.expiring.points.toLocaleString("en")} pt expire from ${new Date(card.points.expiring.firstAt).toLocaleDateString("en-GB")}`}
            />
          </p>
        ) : null}
        {card.nextRank ? (
          <p className="field__hint" data-testid="next-rank">
            <Bi
              ja={`${card.nextRank.name}まであと ${card.nextRank.pointsNeeded.toLocaleString("ja-JP")} pt（過去${card.points.windowMonths}か月の獲得ポイント）`}
              en={`${card.nextRank.pointsNeeded.toLocaleString("en")} pt to ${card.nextRank.nameEn} (points earned in the last ${card.points.windowMonths} months)`}
            />
          </p>
        ) : null}
      </section>
    </>
  );
}
