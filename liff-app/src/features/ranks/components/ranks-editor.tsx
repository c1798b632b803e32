import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { type AdminRank, useRanks, useSaveRanks } from "../api/admin-points.ts";
import { parseWhole } from "./number-field.tsx";

interface Row {
  id?: string;
  name: string;
  nameEn: string;
  minPoints: string;
  multiplier: string;
  color: string;
}

function toRow(r: AdminRank): Row {
  return { id: r.id, name: r.name, nameEn: r.nameEn, minPoints: String(r.minPoints), multiplier: String(r.multiplierPct), color: r.color };
}

/** What is wrong with the rule set, checked here for a quick answer (the server checks again). */
function problems(rows: Row[]): string[] {
  const out: string[] = [];
  const mins = rows.map((r) => parseWhole(r.minPoints));
  if (rows.some((r) => !r.name.trim() || !r.nameEn.trim()))
    out.push("ランク名（日本語・英語）を入力してください / Name every rank in Japanese and English");
  if (mins.some((n) => !(n >= 0))) out.push("基準ポイントは0以上の整数です / Thresholds are whole numbers from 0");
  if (!mins.includes(0)) out.push("0ポイントから始まるランクが1つ必要です / One rank must start at 0 points");
  if (new Set(mins).size !== mins.length) out.push("同じ基準ポイントのランクがあります / Two ranks share a threshold");
  if (rows.some((r) => !(parseWhole(r.multiplier) >= 0 && parseWhole(r.multiplier) <= 1000)))
    out.push("倍率は0〜1000%です / Multipliers are 0–1000%");
  return out;
}

/** The rank rules: thresholds on points earned in the rank window, and each rank's point multiplier. */
export function RanksEditor() {
  const ranks = useRanks();
  return <QueryStates query={ranks}>{(data) => <RanksForm initial={data.ranks.map(toRow)} />}</QueryStates>;
}

function RanksForm({ initial }: { initial: Row[] }) {
  const save = useSaveRanks();
  const [rows, setRows] = useState(initial);
  const [checked, setChecked] = useState(false);
  const issues = checked ? problems(rows) : [];
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (problems(rows).length > 0) return;
    save.mutate(
      rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        name: r.name.trim(),
        nameEn: r.nameEn.trim(),
        minPoints: parseWhole(r.minPoints),
        multiplierPct: parseWhole(r.multiplier),
        color: r.color,
      })),
      { onSuccess: (data) => setRows(data.ranks.map(toRow)) },
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate data-testid="ranks-editor">
      <h3 className="card__title">
        <Bi ja="会員ランク" en="Member ranks" />
      </h3>
      <p className="field__hint">
        <Bi
          ja="保存すると全会員のランクを計算し直します（ルール変更による昇格のお知らせは送りません）。"
          en="Saving recomputes every member's rank (no rank-up messages for rule changes)."
        />
      </p>
      <table className="rank-table">
        <thead>
          <tr>
            <th>ランク名 / Name</th>
            <th>English</th>
            <th>基準pt / From</th>
            <th>倍率% / ×%</th>
            <th>色 / Colour</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id ?? `new-${i}`}>
              <td>
                <input aria-label="ランク名 / Name" value={r.name} onChange={(e) => update(i, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label="English name" value={r.nameEn} onChange={(e) => update(i, { nameEn: e.target.value })} />
              </td>
              <td>
                <input
                  aria-label="基準ポイント / Threshold"
                  inputMode="numeric"
                  value={r.minPoints}
                  onChange={(e) => update(i, { minPoints: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label="倍率 / Multiplier %"
                  inputMode="numeric"
                  value={r.multiplier}
                  onChange={(e) => update(i, { multiplier: e.target.value })}
                />
              </td>
              <td>
                <input aria-label="色 / Colour" type="color" value={r.color} onChange={(e) => update(i, { color: e.target.value })} />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn--small btn--danger"
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  disabled={rows.length <= 1}
                >
                  <Bi ja="削除" en="Remove" inline />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rank-actions">
        <button
          type="button"
          className="btn btn--small"
          disabled={rows.length >= 10}
          onClick={() => setRows([...rows, { name: "", nameEn: "", minPoints: "", multiplier: "100", color: "#06c755" }])}
        >
          <Bi ja="ランクを追加" en="Add a rank" inline />
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          <Bi ja="保存" en="Save" inline />
        </button>
      </div>
      {issues.length > 0 ? (
        <ul className="field__error" role="alert">
          {issues.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {save.isError ? (
        save.error instanceof ApiError && save.error.fieldIssues.length > 0 ? (
          <p className="field__error" role="alert">
            {save.error.fieldIssues[0]?.message}
          </p>
        ) : (
          <ErrorState error={save.error} />
        )
      ) : null}
      {save.isSuccess ? (
        <p className="notice" role="status">
          <Bi ja="保存しました。会員のランクを再計算しています。" en="Saved. Members' ranks are being recomputed." />
        </p>
      ) : null}
    </form>
  );
}
