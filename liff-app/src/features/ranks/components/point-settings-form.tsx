import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { usePointSettings, useSavePointSettings } from "../api/admin-points.ts";
import { NumberField, parseWhole } from "./number-field.tsx";

const FIELDS = [
  ["rateBp", "還元率（ベーシスポイント：100 = 100円ごとに1pt） / Rate (basis points: 100 = 1 pt per ¥100)", 0, 10_000],
  ["expiryMonths", "有効期限（か月） / Expiry (months)", 1, 120],
  ["expiryNoticeDays", "失効のお知らせ（何日前、0 = 送らない） / Expiry notice (days before, 0 = none)", 0, 90],
  ["rankWindowMonths", "ランク判定の期間（過去何か月の獲得ポイント） / Rank window (months of earned points)", 1, 60],
] as const;
type Key = (typeof FIELDS)[number][0];

/** The shop-wide point rules; the form opens once they are loaded. */
export function PointSettingsForm() {
  const settings = usePointSettings();
  return (
    <QueryStates query={settings}>
      {(d) => (
        <PointSettingsFields
          initial={{
            rateBp: String(d.rateBp),
            expiryMonths: String(d.expiryMonths),
            expiryNoticeDays: String(d.expiryNoticeDays),
            rankWindowMonths: String(d.rankWindowMonths),
          }}
        />
      )}
    </QueryStates>
  );
}

function PointSettingsFields({ initial }: { initial: Record<Key, string> }) {
  const save = useSavePointSettings();
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState(false);
  // What is out of range, shown once the form has been submitted.
  const rangeErrors = Object.fromEntries(
    FIELDS.map(([key, , min, max]) => {
      const n = parseWhole(values[key]);
      return [key, n >= min && n <= max ? undefined : `${min}〜${max} の整数で入力してください / Whole number ${min}–${max}`];
    }),
  ) as Record<Key, string | undefined>;
  const serverIssues = save.error instanceof ApiError ? save.error.fieldIssues : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (FIELDS.some(([key]) => rangeErrors[key])) return;
    save.mutate({
      rateBp: parseWhole(values.rateBp),
      expiryMonths: parseWhole(values.expiryMonths),
      expiryNoticeDays: parseWhole(values.expiryNoticeDays),
      rankWindowMonths: parseWhole(values.rankWindowMonths),
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate data-testid="point-settings">
      <h3 className="card__title">
        <Bi ja="ポイントのルール" en="Point rules" />
      </h3>
      {FIELDS.map(([key, label]) => (
        <NumberField
          key={key}
          label={label}
          value={values[key]}
          onChange={(v) => setValues({ ...values, [key]: v })}
          error={(checked ? rangeErrors[key] : undefined) ?? serverIssues.find((i) => i.path === key)?.message}
        />
      ))}
      <div>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          <Bi ja="保存" en="Save" inline />
        </button>
      </div>
      {save.isError && serverIssues.length === 0 ? <ErrorState error={save.error} /> : null}
      {save.isSuccess ? (
        <p className="notice" role="status">
          <Bi ja="保存しました。これから付与するポイントに適用されます。" en="Saved. Applies to points granted from now on." />
        </p>
      ) : null}
    </form>
  );
}
