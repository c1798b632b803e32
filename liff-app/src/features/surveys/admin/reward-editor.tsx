import type { SurveyReward } from "@enishi/shared";
import { useId } from "react";
import { useRewardCoupons } from "../api/admin-surveys.ts";
import { type RewardChoice, rewardChoice } from "./builder-state.ts";

/** None, a coupon (from the shop's coupons) or points. */
export function RewardEditor({
  value,
  onChange,
  error,
}: {
  value: SurveyReward | null;
  onChange: (r: SurveyReward | null) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const coupons = useRewardCoupons();
  const choice = rewardChoice(value);
  function pick(next: RewardChoice) {
    if (next === "none") onChange(null);
    else if (next === "points") onChange({ kind: "points", points: 10 });
    else onChange({ kind: "coupon", couponId: coupons.data?.coupons[0]?.id ?? "" });
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-kind`}>特典 / Reward</label>
      <select id={`${id}-kind`} value={choice} onChange={(e) => pick(e.target.value as RewardChoice)}>
        <option value="none">なし / None</option>
        <option value="coupon">クーポン / Coupon</option>
        <option value="points">ポイント / Points</option>
      </select>
      {value?.kind === "coupon" ? (
        <select
          aria-label="クーポン / Coupon"
          value={value.couponId}
          onChange={(e) => onChange({ kind: "coupon", couponId: e.target.value })}
          aria-invalid={error ? true : undefined}
        >
          {(coupons.data?.coupons ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      ) : null}
      {value?.kind === "points" ? (
        <input
          aria-label="ポイント / Points"
          inputMode="numeric"
          value={String(value.points)}
          onChange={(e) => onChange({ kind: "points", points: Number(e.target.value) })}
          aria-invalid={error ? true : undefined}
        />
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
