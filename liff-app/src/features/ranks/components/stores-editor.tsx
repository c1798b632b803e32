import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { type AdminStore, useAdminStores, useSaveStore } from "../api/admin-points.ts";
import { NumberField, parseWhole } from "./number-field.tsx";

interface Draft {
  create: boolean;
  id: string;
  name: string;
  address: string;
  rate: string;
}

const EMPTY: Draft = { create: true, id: "", name: "", address: "", rate: "" };

function toDraft(s: AdminStore): Draft {
  return { create: false, id: s.id, name: s.name, address: s.address ?? "", rate: s.pointRateBp === null ? "" : String(s.pointRateBp) };
}

/** Stores and their own point rate (empty = the shop's default). */
export function StoresEditor() {
  const stores = useAdminStores();
  const save = useSaveStore();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [checked, setChecked] = useState(false);
  const rate = draft.rate.trim() === "" ? null : parseWhole(draft.rate);
  const rateError = checked && rate !== null && !(rate >= 0 && rate <= 10_000) ? "0〜10000 の整数 / Whole number 0–10000" : undefined;
  const idError =
    checked && draft.create && !/^[a-z0-9][a-z0-9-]{1,40}$/.test(draft.id) ? "半角英小文字・数字・ハイフン / a-z, 0-9 and -" : undefined;
  const nameError = checked && !draft.name.trim() ? "店舗名を入力してください / Enter a name" : undefined;
  const serverIssue = save.error instanceof ApiError ? save.error.fieldIssues[0] : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (rateError || idError || nameError || !draft.name.trim() || (rate !== null && Number.isNaN(rate))) return;
    save.mutate(
      { create: draft.create, id: draft.id, name: draft.name.trim(), address: draft.address.trim() || null, pointRateBp: rate },
      {
        onSuccess: () => {
          setDraft(EMPTY);
          setChecked(false);
        },
      },
    );
  }

  return (
    <div className="card" data-testid="stores-editor">
      <h3 className="card__title">
        <Bi ja="店舗と還元率" en="Stores and rates" />
      </h3>
      <QueryStates query={stores} empty={{ when: (data) => data.stores.length === 0, ja: "店舗がありません。", en: "No stores yet." }}>
        {(data) => (
          <ul className="store-list">
            {data.stores.map((s) => (
              <li key={s.id}>
                <button type="button" className="btn btn--small" onClick={() => setDraft(toDraft(s))}>
                  {s.name}
                </button>{" "}
                <span className="field__hint">{s.pointRateBp === null ? "既定の還元率 / default rate" : `${s.pointRateBp / 100}%`}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
      <form onSubmit={submit} noValidate className="store-form">
        <h4>{draft.create ? "店舗を追加 / Add a store" : `${draft.name || draft.id} を編集 / Edit`}</h4>
        {draft.create ? (
          <div className="field">
            <label htmlFor="store-id">ID（例 store-shinjuku） / ID</label>
            <input
              id="store-id"
              value={draft.id}
              onChange={(e) => setDraft({ ...draft, id: e.target.value })}
              aria-invalid={idError ? true : undefined}
            />
            {idError ? <p className="field__error">{idError}</p> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="store-name">店舗名 / Name</label>
          <input
            id="store-name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            aria-invalid={nameError ? true : undefined}
          />
          {nameError ? <p className="field__error">{nameError}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="store-address">住所 / Address</label>
          <input id="store-address" value={draft.address} onChange={(e) => setDraft({ ...draft, address: e.target.value })} />
        </div>
        <NumberField
          label="還元率（ベーシスポイント、空欄 = 既定） / Rate (basis points, empty = default)"
          value={draft.rate}
          onChange={(v) => setDraft({ ...draft, rate: v })}
          error={rateError}
        />
        <div className="rank-actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            <Bi ja="保存" en="Save" inline />
          </button>
          {!draft.create ? (
            <button type="button" className="btn" onClick={() => setDraft(EMPTY)}>
              <Bi ja="キャンセル" en="Cancel" inline />
            </button>
          ) : null}
        </div>
        {serverIssue ? <p className="field__error">{serverIssue.message}</p> : save.isError ? <ErrorState error={save.error} /> : null}
      </form>
    </div>
  );
}
