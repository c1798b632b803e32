import "../../../components/admin.css";
import type { SurveyQuestion, SurveyQuestionType } from "@enishi/shared";
import { useId } from "react";
import { conditionValues, newOption, TYPE_LABELS, tagsToText, textToTags, withType } from "./builder-state.ts";
import { RewardEditor } from "./reward-editor.tsx";

interface Props {
  question: SurveyQuestion;
  index: number;
  earlier: SurveyQuestion[];
  onChange: (q: SurveyQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  err: (path: string) => string | undefined;
}

/** One question of the builder: text, type, required, choices with tags and rewards, and its show-if. */
export function QuestionEditor({ question: q, index, earlier, onChange, onMove, onRemove, err }: Props) {
  const id = useId();
  const at = `definition.questions.${index}`;
  const sources = earlier.filter((e) => conditionValues(e).length > 0);
  const source = q.showIf ? earlier.find((e) => e.id === q.showIf?.questionId) : undefined;
  const setOption = (i: number, patch: Partial<SurveyQuestion["options"][number]>) =>
    onChange({ ...q, options: q.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });

  return (
    <li className="builder-question" data-testid="builder-question">
      <div className="builder-question__head">
        <strong>Q{index + 1}</strong>
        <button type="button" className="btn btn--small" onClick={() => onMove(-1)} aria-label={`Q${index + 1} を上へ / Move up`}>
          ↑
        </button>
        <button type="button" className="btn btn--small" onClick={() => onMove(1)} aria-label={`Q${index + 1} を下へ / Move down`}>
          ↓
        </button>
        <button type="button" className="btn btn--small btn--danger" onClick={onRemove}>
          削除 / Remove
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>質問文 / Question</label>
        <input
          id={`${id}-title`}
          value={q.title}
          onChange={(e) => onChange({ ...q, title: e.target.value })}
          aria-invalid={err(`${at}.title`) ? true : undefined}
        />
        {err(`${at}.title`) ? (
          <p className="field__error" role="alert">
            {err(`${at}.title`)}
          </p>
        ) : null}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>形式 / Type</label>
          <select id={`${id}-type`} value={q.type} onChange={(e) => onChange(withType(q, e.target.value as SurveyQuestionType))}>
            {Object.entries(TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} />
          必須 / Required
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-help`}>補足 / Help text</label>
        <input id={`${id}-help`} value={q.help} onChange={(e) => onChange({ ...q, help: e.target.value })} />
      </div>
      {q.type === "single" || q.type === "multiple" ? (
        <fieldset className="question">
          <legend>選択肢 / Options</legend>
          {q.options.map((o, i) => (
            <div key={o.id} className="builder-option">
              <div className="field">
                <label htmlFor={`${id}-o${o.id}`}>{`選択肢 ${i + 1} / Option`}</label>
                <input
                  id={`${id}-o${o.id}`}
                  value={o.label}
                  onChange={(e) => setOption(i, { label: e.target.value })}
                  aria-invalid={err(`${at}.options.${i}.label`) ? true : undefined}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-t${o.id}`}>付けるタグ / Tags</label>
                <input
                  id={`${id}-t${o.id}`}
                  defaultValue={tagsToText(o.tags)}
                  onBlur={(e) => setOption(i, { tags: textToTags(e.target.value) })}
                  placeholder="例: 犬派、散歩"
                />
              </div>
              <RewardEditor value={o.reward} onChange={(reward) => setOption(i, { reward })} error={err(`${at}.options.${i}.reward`)} />
              <button
                type="button"
                className="btn btn--small"
                disabled={q.options.length <= 2}
                onClick={() => onChange({ ...q, options: q.options.filter((_, j) => j !== i) })}
              >
                削除 / Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => onChange({ ...q, options: [...q.options, newOption(q.options)] })}
          >
            ＋ 選択肢 / Add option
          </button>
          {err(`${at}.options`) ? (
            <p className="field__error" role="alert">
              {err(`${at}.options`)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-cond`}>表示条件 / Show if</label>
        <select
          id={`${id}-cond`}
          value={q.showIf?.questionId ?? ""}
          onChange={(e) => onChange({ ...q, showIf: e.target.value ? { questionId: e.target.value, anyOf: [] } : null })}
        >
          <option value="">常に表示 / Always</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>{`Q${earlier.indexOf(s) + 1}: ${s.title || s.id}`}</option>
          ))}
        </select>
        {source && q.showIf ? (
          <fieldset className="choice-row">
            <legend className="field__hint">この回答のとき表示 / Show when the answer is</legend>
            {conditionValues(source).map((v) => (
              <label key={v.value}>
                <input
                  type="checkbox"
                  checked={q.showIf?.anyOf.includes(v.value) ?? false}
                  onChange={(e) => {
                    const anyOf = q.showIf?.anyOf ?? [];
                    onChange({
                      ...q,
                      showIf: { questionId: source.id, anyOf: e.target.checked ? [...anyOf, v.value] : anyOf.filter((x) => x !== v.value) },
                    });
                  }}
                />
                {v.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {err(`${at}.showIf`) ? (
          <p className="field__error" role="alert">
            {err(`${at}.showIf`)}
          </p>
        ) : null}
      </div>
    </li>
  );
}
