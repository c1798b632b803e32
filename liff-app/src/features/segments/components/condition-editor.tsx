import type { SegmentCondition, TimeRange } from "@enishi/shared/segments/index";
import { useId } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ChoiceSelect } from "../../../components/choice-select.tsx";
import type { SegmentOptions } from "../api/segments.ts";
import { CONDITION_KINDS, RANGE_OPS, todayJst } from "./condition-labels.ts";

type Change = (next: SegmentCondition) => void;

function Checklist({
  items,
  chosen,
  onChange,
  label,
}: {
  items: { id: string; name: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  label: string;
}) {
  if (items.length === 0) return <p className="field__hint">{label}: なし / none yet</p>;
  return (
    <fieldset className="seg-checklist">
      <legend className="visually-hidden">{label}</legend>
      {items.map((item) => (
        <label key={item.id} className="seg-check">
          <input
            type="checkbox"
            checked={chosen.includes(item.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))}
          />
          {item.name}
        </label>
      ))}
    </fieldset>
  );
}

function RangeEditor({ range, onChange }: { range: TimeRange; onChange: (r: TimeRange) => void }) {
  const byDays = range.op === "withinDays" || range.op === "moreThanDaysAgo";
  return (
    <span className="seg-inline">
      <select
        aria-label="期間の種類 / Range"
        value={range.op}
        onChange={(e) => {
          const op = e.target.value as TimeRange["op"];
          onChange(
            op === "withinDays" || op === "moreThanDaysAgo"
              ? { op, days: byDays ? range.days : 30 }
              : { op, date: byDays ? todayJst() : range.date },
          );
        }}
      >
        {RANGE_OPS.map((o) => (
          <option key={o.op} value={o.op}>
            {o.ja} / {o.en}
          </option>
        ))}
      </select>
      {range.op === "withinDays" || range.op === "moreThanDaysAgo" ? (
        <input
          type="number"
          min={0}
          max={3650}
          aria-label="日数 / Days"
          value={range.days}
          onChange={(e) => onChange({ op: range.op, days: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
        />
      ) : (
        <input type="date" aria-label="日付 / Date" value={range.date} onChange={(e) => onChange({ op: range.op, date: e.target.value })} />
      )}
    </span>
  );
}

function Body({ condition, options, onChange }: { condition: SegmentCondition; options: SegmentOptions | undefined; onChange: Change }) {
  const c = condition;
  switch (c.kind) {
    case "tags":
      return (
        <>
          <select aria-label="一致 / Match" value={c.match} onChange={(e) => onChange({ ...c, match: e.target.value as typeof c.match })}>
            <option value="any">いずれかを持つ / has any</option>
            <option value="all">すべて持つ / has all</option>
            <option value="none">どれも持たない / has none</option>
          </select>
          <Checklist items={options?.tags ?? []} chosen={c.tagIds} onChange={(tagIds) => onChange({ ...c, tagIds })} label="タグ / Tags" />
        </>
      );
    case "rank":
      return (
        <Checklist
          items={options?.ranks ?? []}
          chosen={c.rankIds}
          onChange={(rankIds) => onChange({ ...c, rankIds })}
          label="ランク / Ranks"
        />
      );
    case "store":
      return (
        <Checklist
          items={options?.stores ?? []}
          chosen={c.storeIds}
          onChange={(storeIds) => onChange({ ...c, storeIds })}
          label="店舗 / Stores"
        />
      );
    case "linked":
      return (
        <select
          aria-label="連携 / Linked"
          value={c.linked ? "yes" : "no"}
          onChange={(e) => onChange({ ...c, linked: e.target.value === "yes" })}
        >
          <option value="yes">連携済み / linked</option>
          <option value="no">未連携 / not linked</option>
        </select>
      );
    case "followed":
    case "lastActive":
    case "lastPurchase":
      return <RangeEditor range={c.range} onChange={(range) => onChange({ ...c, range })} />;
    case "purchaseTotal":
      return (
        <span className="seg-inline">
          <select
            aria-label="指標 / Measure"
            value={c.measure}
            onChange={(e) => onChange({ ...c, measure: e.target.value as typeof c.measure })}
          >
            <option value="count">購入回数 / purchases</option>
            <option value="amount">購入金額（円）/ yen spent</option>
          </select>
          <label>
            直近{" "}
            <input
              type="number"
              min={1}
              value={c.days}
              onChange={(e) => onChange({ ...c, days: Math.max(1, Math.trunc(Number(e.target.value) || 1)) })}
            />{" "}
            日 / days
          </label>
          <label>
            下限 / min{" "}
            <input
              type="number"
              min={0}
              value={c.min ?? ""}
              onChange={(e) => onChange({ ...c, min: e.target.value === "" ? undefined : Number(e.target.value) })}
            />
          </label>
          <label>
            上限 / max{" "}
            <input
              type="number"
              min={0}
              value={c.max ?? ""}
              onChange={(e) => onChange({ ...c, max: e.target.value === "" ? undefined : Number(e.target.value) })}
            />
          </label>
        </span>
      );
    case "couponRedeemed":
      return (
        <ChoiceSelect
          aria-label="クーポン / Coupon"
          none="どれでも / any coupon"
          choices={options?.coupons ?? []}
          label={(k) => k.title}
          value={c.couponId ?? ""}
          onChange={(couponId) => onChange({ ...c, couponId: couponId || undefined })}
        />
      );
    case "surveyAnswered":
      return (
        <ChoiceSelect
          aria-label="アンケート / Survey"
          none="どれでも / any survey"
          choices={options?.surveys ?? []}
          label={(s) => s.title}
          value={c.surveyId ?? ""}
          onChange={(surveyId) => onChange({ ...c, surveyId: surveyId || undefined })}
        />
      );
    case "clickedLink": {
      const { range, ...rest } = c;
      return (
        <span className="seg-inline">
          <ChoiceSelect
            aria-label="リンク / Link"
            none="どれでも / any link"
            choices={options?.links ?? []}
            label={(l) => `${l.name}（/r/${l.code}）`}
            value={c.linkId ?? ""}
            onChange={(linkId) => {
              const { linkId: _drop, ...withoutLink } = c;
              onChange(linkId ? { ...withoutLink, linkId } : withoutLink);
            }}
          />
          <label>
            <input
              type="checkbox"
              checked={range !== undefined}
              onChange={(e) => onChange(e.target.checked ? { ...rest, range: { op: "withinDays", days: 30 } } : rest)}
            />{" "}
            期間を指定 / limit by time
          </label>
          {range ? <RangeEditor range={range} onChange={(next) => onChange({ ...rest, range: next })} /> : null}
        </span>
      );
    }
    case "attribute":
      return (
        <span className="seg-inline">
          <select aria-label="項目 / Field" value={c.field} onChange={(e) => onChange({ ...c, field: e.target.value as typeof c.field })}>
            <option value="language">言語 / language</option>
            <option value="displayName">表示名 / display name</option>
          </select>
          <select aria-label="条件 / Test" value={c.op} onChange={(e) => onChange({ ...c, op: e.target.value as typeof c.op })}>
            <option value="eq">が次と等しい / equals</option>
            <option value="neq">が次以外 / is not</option>
            <option value="contains">に次を含む / contains</option>
            <option value="set">が設定済み / is set</option>
            <option value="notSet">が未設定 / is not set</option>
          </select>
          {c.op === "set" || c.op === "notSet" ? null : (
            <input
              aria-label="値 / Value"
              value={c.value ?? ""}
              maxLength={100}
              onChange={(e) => onChange({ ...c, value: e.target.value })}
            />
          )}
        </span>
      );
  }
}

/** One condition row: its kind, its settings, and a remove button. Changing the kind starts it afresh. */
export function ConditionEditor({
  condition,
  options,
  onChange,
  onRemove,
}: {
  condition: SegmentCondition;
  options: SegmentOptions | undefined;
  onChange: Change;
  onRemove: () => void;
}) {
  const id = useId();
  return (
    <li className="seg-condition">
      <label htmlFor={id} className="visually-hidden">
        条件の種類 / Condition
      </label>
      <select
        id={id}
        value={condition.kind}
        onChange={(e) => {
          const next = CONDITION_KINDS.find((k) => k.kind === e.target.value);
          if (next) onChange(next.initial);
        }}
      >
        {CONDITION_KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.ja} / {k.en}
          </option>
        ))}
      </select>
      <div className="seg-condition__body">
        <Body condition={condition} options={options} onChange={onChange} />
      </div>
      <button type="button" className="btn btn--small" onClick={onRemove}>
        <Bi ja="削除" en="Remove" inline />
      </button>
    </li>
  );
}
