import type { ScenarioStep, StepAction, StepCondition, StepDelay } from "@enishi/shared/scenarios/index";
import { Bi } from "../../../components/bilingual.tsx";
import { ChoiceSelect } from "../../../components/choice-select.tsx";
import { PlaceholderHelp } from "../../../components/placeholder-help.tsx";

const NEW_ACTION: Record<StepAction["type"], StepAction> = {
  message: { type: "message", messages: [{ type: "text", text: "" }] },
  addTag: { type: "addTag", tag: "" },
  removeTag: { type: "removeTag", tag: "" },
  grantCoupon: { type: "grantCoupon", couponId: "" },
  applyRichMenu: { type: "applyRichMenu" },
};
const ACTION_LABELS: Record<StepAction["type"], string> = {
  message: "メッセージ / Message",
  addTag: "タグを付ける / Add tag",
  removeTag: "タグを外す / Remove tag",
  grantCoupon: "クーポンを配布 / Grant coupon",
  applyRichMenu: "リッチメニューを更新 / Re-run menu policy",
};
const UNITS = [
  { minutes: 1, ja: "分後", en: "minutes" },
  { minutes: 60, ja: "時間後", en: "hours" },
  { minutes: 1440, ja: "日後", en: "days" },
];

function DelayEditor({ delay, onChange }: { delay: StepDelay; onChange: (d: StepDelay) => void }) {
  const unit = delay.type === "after" ? ([...UNITS].reverse().find((u) => delay.minutes % u.minutes === 0) ?? UNITS[0]) : undefined;
  return (
    <span className="scn-inline">
      <select
        aria-label="タイミング / Timing"
        value={delay.type}
        onChange={(e) => onChange(e.target.value === "after" ? { type: "after", minutes: 1440 } : { type: "dayAt", day: 1, time: "10:00" })}
      >
        <option value="after">前のステップから / after the previous step</option>
        <option value="dayAt">開始日から N 日目の時刻 / day N at (JST)</option>
      </select>
      {delay.type === "after" && unit ? (
        <>
          <input
            type="number"
            min={0}
            aria-label="数 / Amount"
            value={delay.minutes / unit.minutes}
            onChange={(e) => onChange({ type: "after", minutes: Math.max(0, Math.trunc(Number(e.target.value) || 0)) * unit.minutes })}
          />
          <select
            aria-label="単位 / Unit"
            value={unit.minutes}
            onChange={(e) => onChange({ type: "after", minutes: (delay.minutes / unit.minutes) * Number(e.target.value) })}
          >
            {UNITS.map((u) => (
              <option key={u.minutes} value={u.minutes}>
                {u.ja} / {u.en}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {delay.type === "dayAt" ? (
        <>
          <input
            type="number"
            min={0}
            max={365}
            aria-label="日目 / Day"
            value={delay.day}
            onChange={(e) => onChange({ ...delay, day: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
          />
          <span>日目 / day</span>
          <input type="time" aria-label="時刻 / Time" value={delay.time} onChange={(e) => onChange({ ...delay, time: e.target.value })} />
        </>
      ) : null}
    </span>
  );
}

function ConditionEditor({
  condition,
  later,
  onChange,
}: {
  condition: StepCondition | null;
  later: ScenarioStep[];
  onChange: (c: StepCondition | null) => void;
}) {
  if (!condition) {
    return (
      <button type="button" className="btn btn--small" onClick={() => onChange({ tag: "", is: "present", otherwise: { type: "skip" } })}>
        <Bi ja="＋ タグ条件" en="Add tag condition" inline />
      </button>
    );
  }
  const o = condition.otherwise;
  return (
    <span className="scn-inline">
      <span>タグ / tag</span>
      <input
        aria-label="条件のタグ / Condition tag"
        value={condition.tag}
        maxLength={50}
        onChange={(e) => onChange({ ...condition, tag: e.target.value })}
      />
      <select
        aria-label="あり・なし / Present or absent"
        value={condition.is}
        onChange={(e) => onChange({ ...condition, is: e.target.value as StepCondition["is"] })}
      >
        <option value="present">があれば実行 / present → run</option>
        <option value="absent">がなければ実行 / absent → run</option>
      </select>
      <span>それ以外 / otherwise</span>
      <select
        aria-label="それ以外 / Otherwise"
        value={o.type === "branch" ? `branch:${o.toStepId}` : o.type}
        onChange={(e) => {
          const v = e.target.value;
          onChange({
            ...condition,
            otherwise: v.startsWith("branch:") ? { type: "branch", toStepId: v.slice(7) } : { type: v as "skip" | "stop" },
          });
        }}
      >
        <option value="skip">スキップ / skip</option>
        <option value="stop">終了 / stop</option>
        {later.map((s) => (
          <option key={s.id} value={`branch:${s.id}`}>
            「{s.name || s.id}」へ / go to
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--small" onClick={() => onChange(null)}>
        <Bi ja="条件を外す" en="No condition" inline />
      </button>
    </span>
  );
}

function ActionEditor({
  action,
  coupons,
  onChange,
}: {
  action: StepAction;
  coupons: { id: string; title: string }[];
  onChange: (a: StepAction) => void;
}) {
  switch (action.type) {
    case "message": {
      const first = action.messages[0];
      const others = action.messages.slice(1);
      return (
        <>
          <textarea
            rows={3}
            aria-label="メッセージ本文 / Message text"
            value={first?.type === "text" ? first.text : ""}
            placeholder="{name}さん、… / {name}, {rank}, {points}, {link:CODE}"
            onChange={(e) => onChange({ ...action, messages: [{ type: "text", text: e.target.value }, ...others] })}
          />
          <PlaceholderHelp />
          {others.length > 0 ? (
            <span className="field__hint">
              ＋ {others.map((m) => (m.type === "coupon" ? "クーポンカード / coupon card" : m.type)).join(", ")}
            </span>
          ) : null}
        </>
      );
    }
    case "addTag":
    case "removeTag":
      return (
        <input aria-label="タグ名 / Tag" maxLength={50} value={action.tag} onChange={(e) => onChange({ ...action, tag: e.target.value })} />
      );
    case "grantCoupon":
      return (
        <ChoiceSelect
          aria-label="クーポン / Coupon"
          none="選んでください / choose…"
          choices={coupons}
          label={(c) => c.title}
          value={action.couponId}
          onChange={(couponId) => onChange({ ...action, couponId })}
        />
      );
    case "applyRichMenu":
      return null;
  }
}

/** One step: name, timing, optional tag condition (skip / stop / branch ahead) and up to 5 actions. */
export function StepEditor({
  step,
  index,
  later,
  coupons,
  onChange,
  onRemove,
}: {
  step: ScenarioStep;
  index: number;
  later: ScenarioStep[];
  coupons: { id: string; title: string }[];
  onChange: (s: ScenarioStep) => void;
  onRemove: () => void;
}) {
  return (
    <li className="scn-step card">
      <span className="scn-inline">
        <strong>
          {index + 1}. <Bi ja="ステップ" en="Step" inline />
        </strong>
        <input
          aria-label="ステップ名 / Step name"
          maxLength={60}
          value={step.name}
          placeholder="5日目 使い方"
          onChange={(e) => onChange({ ...step, name: e.target.value })}
        />
        <button type="button" className="btn btn--small" onClick={onRemove}>
          <Bi ja="削除" en="Remove" inline />
        </button>
      </span>
      <DelayEditor delay={step.delay} onChange={(delay) => onChange({ ...step, delay })} />
      <ConditionEditor condition={step.condition} later={later} onChange={(condition) => onChange({ ...step, condition })} />
      <ul className="scn-actions">
        {step.actions.map((action, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an action's place in the step is its identity
          <li key={i} className="scn-inline">
            <select
              aria-label="アクション / Action"
              value={action.type}
              onChange={(e) =>
                onChange({ ...step, actions: step.actions.map((a, j) => (j === i ? NEW_ACTION[e.target.value as StepAction["type"]] : a)) })
              }
            >
              {Object.entries(ACTION_LABELS).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
            <ActionEditor
              action={action}
              coupons={coupons}
              onChange={(next) => onChange({ ...step, actions: step.actions.map((a, j) => (j === i ? next : a)) })}
            />
            <button
              type="button"
              className="btn btn--small"
              disabled={step.actions.length === 1}
              onClick={() => onChange({ ...step, actions: step.actions.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--small"
        disabled={step.actions.length >= 5}
        onClick={() => onChange({ ...step, actions: [...step.actions, NEW_ACTION.message] })}
      >
        <Bi ja="＋ アクション" en="Add action" inline />
      </button>
    </li>
  );
}
