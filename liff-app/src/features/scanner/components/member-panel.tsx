import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ApiError } from "../../../lib/api.ts";
import { type AwardResult, type ScanResult, useAwardPoints, useRedeemCoupon } from "../api/scanner.ts";
import { ScanRefusal } from "./refusal.tsx";

type Counter = Pick<ScanResult, "member" | "rate" | "coupons">;

function preview(amountYen: number, rate: ScanResult["rate"]): number {
  // Same rounding as the server (bot/src/features/points/purchase-points.ts); the server's figure is final.
  return Math.floor((amountYen * rate.rateBp * rate.multiplierPct) / 1_000_000);
}

function discountText(discount: ScanResult["coupons"][number]["coupon"]["discount"]): string {
  return discount.kind === "yen" ? `¥${discount.value.toLocaleString("ja-JP")} OFF` : `${discount.value}% OFF`;
}

/** The scanned member: who, rank, points; award points for this purchase; redeem a coupon. */
export function MemberPanel({ scan, onDone }: { scan: ScanResult; onDone: () => void }) {
  const id = useId();
  const award = useAwardPoints();
  const redeem = useRedeemCoupon();
  const [counter, setCounter] = useState<Counter>(scan);
  const [amount, setAmount] = useState("");
  const [awarded, setAwarded] = useState<AwardResult["awarded"] | null>(null);
  const [redeemed, setRedeemed] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const yen = Number(amount.replace(/[,，円¥\s]/g, "").normalize("NFKC"));
  const valid = Number.isSafeInteger(yen) && yen >= 1 && yen <= 10_000_000;
  const fieldError =
    checked && !valid ? "お会計金額を1円以上の整数で入力してください。 / Enter the purchase amount in whole yen (at least ¥1)." : undefined;
  const serverIssue = award.error instanceof ApiError ? award.error.fieldIssues[0]?.message : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!valid || awarded) return;
    award.mutate(
      { scanId: scan.scanId, amountYen: yen },
      {
        onSuccess: (result) => {
          setAwarded(result.awarded);
          setCounter(result);
        },
      },
    );
  }

  const { member } = counter;
  return (
    <section className="card scan-member" aria-labelledby={`${id}-name`} data-testid="scan-member">
      <div className="scan-member__who">
        <h2 id={`${id}-name`} className="card__title">
          {member.name} さま{member.displayName && member.displayName !== member.name ? `（${member.displayName}）` : ""}
        </h2>
        <p className="mono">No. {member.memberNumber}</p>
        {member.rank ? (
          <span className="badge" style={{ borderColor: member.rank.color }}>
            {member.rank.name} / {member.rank.nameEn}
          </span>
        ) : null}
      </div>
      <p className="scan-member__balance">
        <Bi ja="保有ポイント" en="Balance" inline /> <strong data-testid="scan-balance">{member.balance.toLocaleString("ja-JP")}</strong> pt
      </p>

      <form onSubmit={submit} noValidate className="scan-award">
        <div className="field">
          <label htmlFor={`${id}-amount`}>
            <Bi ja="お会計金額（円）" en="Purchase amount (yen)" inline />
          </label>
          <input
            id={`${id}-amount`}
            data-testid="award-amount"
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            disabled={awarded !== null}
            onChange={(event) => setAmount(event.target.value)}
            aria-invalid={fieldError || serverIssue ? true : undefined}
            aria-describedby={`${id}-rate`}
          />
          <p id={`${id}-rate`} className="field__hint">
            {valid ? `${preview(yen, counter.rate).toLocaleString("ja-JP")} pt 付与予定 / to award ・ ` : ""}
            {`${counter.rate.rateBp / 100}% × ${counter.rate.multiplierPct / 100}`}
          </p>
          {fieldError || serverIssue ? (
            <p className="field__error" role="alert">
              {fieldError ?? serverIssue}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn btn--primary" disabled={award.isPending || awarded !== null} data-testid="award-submit">
          {award.isPending ? <Bi ja="付与中…" en="Awarding…" inline /> : <Bi ja="ポイントを付与" en="Award points" inline />}
        </button>
      </form>
      {award.isError && !serverIssue ? <ScanRefusal error={award.error} /> : null}
      {awarded ? (
        <p className="notice" role="status" data-testid="award-result">
          <Bi
            ja={`${awarded.points.toLocaleString("ja-JP")} pt を付与しました。残高 ${member.balance.toLocaleString("ja-JP")} pt`}
            en={`Awarded ${awarded.points.toLocaleString("en")} pt. Balance ${member.balance.toLocaleString("en")} pt`}
          />
        </p>
      ) : null}

      <div className="scan-coupons">
        <h3 className="card__title">
          <Bi ja="使えるクーポン" en="Usable coupons" />
        </h3>
        {counter.coupons.length === 0 ? (
          <p className="field__hint">
            <Bi ja="使えるクーポンはありません。" en="No usable coupons." />
          </p>
        ) : (
          <ul className="scan-coupons__list">
            {counter.coupons.map(({ coupon, grant }) => {
              const done = redeemed.includes(grant.id);
              return (
                <li key={grant.id} className="scan-coupons__item" data-testid="scan-coupon">
                  <div>
                    <p>{coupon.title}</p>
                    <p className="field__hint">{discountText(coupon.discount)}</p>
                  </div>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={done || redeem.isPending}
                    onClick={() => {
                      if (!window.confirm(`「${coupon.title}」を使用済みにしますか？ / Redeem this coupon?`)) return;
                      redeem.mutate(
                        { scanId: scan.scanId, grantId: grant.id },
                        { onSuccess: (result) => setRedeemed((list) => [...list, result.redeemed.grant.id]) },
                      );
                    }}
                  >
                    {done ? <Bi ja="使用済み" en="Redeemed" inline /> : <Bi ja="使用する" en="Redeem" inline />}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {redeem.isError ? <ScanRefusal error={redeem.error} serverMessage /> : null}
      </div>

      <button type="button" className="btn" onClick={onDone} data-testid="scan-next">
        <Bi ja="次のお客さま" en="Next customer" inline />
      </button>
    </section>
  );
}
