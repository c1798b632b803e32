import "../../../components/admin.css";
import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { Field, issueMap } from "../../../components/field.tsx";
import { SaveFeedback } from "../../../components/form-feedback.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useCouponOptions, useSaveCoupon } from "../api/admin-coupons.ts";
import { type CouponFormState, formToCoupon } from "./coupon-form-state.ts";

/** Create or edit a coupon. The server validates everything; its field messages appear beside each field. */
export function CouponEditor({
  couponId,
  initial,
  onSaved,
}: {
  couponId: string | null;
  initial: CouponFormState;
  onSaved: (id: string) => void;
}) {
  const [f, setF] = useState(initial);
  const save = useSaveCoupon(couponId);
  const options = useCouponOptions();
  const set = <K extends keyof CouponFormState>(key: K, value: CouponFormState[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const issues = save.error instanceof ApiError ? save.error.fieldIssues : [];
  const err = issueMap(issues);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(formToCoupon(f), { onSuccess: (saved) => onSaved(saved.id) });
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate data-testid="coupon-editor">
      <Field ja="タイトル" en="Title" error={err("title")}>
        {(p) => <input {...p} value={f.title} onChange={(e) => set("title", e.target.value)} maxLength={80} required />}
      </Field>
      <div className="form-row">
        <fieldset className="choice-row">
          <legend>
            <Bi ja="割引" en="Discount" inline />
          </legend>
          <label>
            <input type="radio" name="kind" checked={f.discountKind === "yen"} onChange={() => set("discountKind", "yen")} />
            <Bi ja="円引き" en="¥ off" inline />
          </label>
          <label>
            <input type="radio" name="kind" checked={f.discountKind === "percent"} onChange={() => set("discountKind", "percent")} />
            <Bi ja="％オフ" en="% off" inline />
          </label>
        </fieldset>
        <Field ja={f.discountKind === "yen" ? "金額（円）" : "割引率（％）"} en="Amount" error={err("discount")}>
          {(p) => <input {...p} inputMode="numeric" value={f.discountValue} onChange={(e) => set("discountValue", e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field ja="開始（日本時間）" en="Starts (JST)" error={err("startsAt")}>
          {(p) => <input {...p} type="datetime-local" value={f.startsAt} onChange={(e) => set("startsAt", e.target.value)} />}
        </Field>
        <Field ja="終了（日本時間）" en="Ends (JST)" error={err("endsAt")}>
          {(p) => <input {...p} type="datetime-local" value={f.endsAt} onChange={(e) => set("endsAt", e.target.value)} />}
        </Field>
        <Field
          ja="受取後の有効日数"
          en="Days valid after getting"
          hint={{ ja: "空欄なら終了日まで", en: "Blank: until the end" }}
          error={err("validDays")}
        >
          {(p) => <input {...p} inputMode="numeric" value={f.validDays} onChange={(e) => set("validDays", e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field ja="対象" en="Audience" error={err("audience")}>
          {(p) => (
            <select {...p} value={f.audience} onChange={(e) => set("audience", e.target.value)}>
              <option value="everyone">全員 / Everyone</option>
              <optgroup label="タグ / Tag">
                {(options.data?.tags ?? []).map((t) => (
                  <option key={t.id} value={`tag:${t.id}`}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="セグメント / Segment">
                {(options.data?.segments ?? []).map((s) => (
                  <option key={s.id} value={`segment:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field ja="1人あたりの上限" en="Per person" error={err("perUserLimit")}>
          {(p) => <input {...p} inputMode="numeric" value={f.perUserLimit} onChange={(e) => set("perUserLimit", e.target.value)} />}
        </Field>
        <Field ja="配布数の上限（先着）" en="Total limit" hint={{ ja: "空欄なら無制限", en: "Blank: no limit" }} error={err("totalLimit")}>
          {(p) => <input {...p} inputMode="numeric" value={f.totalLimit} onChange={(e) => set("totalLimit", e.target.value)} />}
        </Field>
      </div>
      <fieldset className="choice-row">
        <legend>
          <Bi ja="抽選" en="Lottery" inline />
        </legend>
        <label>
          <input type="checkbox" checked={f.lottery} onChange={(e) => set("lottery", e.target.checked)} />
          <Bi ja="抽選にする（1人1回の抽選）" en="Winners only (one draw per person)" inline />
        </label>
      </fieldset>
      {f.lottery ? (
        <div className="form-row">
          <Field ja="当選確率（％）" en="Win rate (%)" error={err("lottery.winRatePercent")}>
            {(p) => <input {...p} inputMode="decimal" value={f.winRatePercent} onChange={(e) => set("winRatePercent", e.target.value)} />}
          </Field>
          <Field
            ja="当選者数の上限"
            en="Most winners"
            hint={{ ja: "空欄なら上限なし", en: "Blank: no cap" }}
            error={err("lottery.maxWinners")}
          >
            {(p) => <input {...p} inputMode="numeric" value={f.maxWinners} onChange={(e) => set("maxWinners", e.target.value)} />}
          </Field>
        </div>
      ) : null}
      <Field
        ja="画像 URL"
        en="Image URL"
        hint={{ ja: "https の画像（LINE のカードに表示）", en: "An https image (shown on the LINE card)" }}
        error={err("imageUrl")}
      >
        {(p) => <input {...p} type="url" value={f.imageUrl} onChange={(e) => set("imageUrl", e.target.value)} />}
      </Field>
      <Field ja="ご利用条件" en="Terms" error={err("terms")}>
        {(p) => <textarea {...p} rows={4} value={f.terms} onChange={(e) => set("terms", e.target.value)} />}
      </Field>
      <div className="form-row">
        <Field ja="使用時に付けるタグ" en="Tag on use" hint={{ ja: "任意", en: "Optional" }} error={err("redeemTag")}>
          {(p) => <input {...p} value={f.redeemTag} onChange={(e) => set("redeemTag", e.target.value)} />}
        </Field>
        <Field ja="状態" en="Status" error={err("status")}>
          {(p) => (
            <select {...p} value={f.status} onChange={(e) => set("status", e.target.value as CouponFormState["status"])}>
              <option value="draft">下書き / Draft</option>
              <option value="active">公開 / Active</option>
              <option value="archived">終了 / Withdrawn</option>
            </select>
          )}
        </Field>
      </div>
      <SaveFeedback save={save} issueCount={issues.length} />
    </form>
  );
}
