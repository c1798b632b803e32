import type { SurveyAnswerValue } from "@enishi/shared";
import { useId } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import type { FormQuestionView } from "../api/my-surveys.ts";

interface Props {
  question: FormQuestionView;
  value: SurveyAnswerValue | undefined;
  onChange: (value: SurveyAnswerValue | undefined) => void;
  error: string | null;
}

function Heading({ question }: { question: FormQuestionView }) {
  return (
    <>
      <span className="question__title" data-testid="question-title">
        {question.title}
      </span>
      {question.required ? (
        <span className="question__required">
          <Bi ja="必須" en="Required" inline />
        </span>
      ) : null}
    </>
  );
}

function scaleChoices(question: FormQuestionView): { value: number; ja: string; en: string }[] {
  if (question.type === "scale") {
    const ends: Record<number, [string, string]> = { 1: ["不満", "Poor"], 5: ["満足", "Great"] };
    return [1, 2, 3, 4, 5].map((v) => ({ value: v, ja: ends[v]?.[0] ?? "", en: ends[v]?.[1] ?? "" }));
  }
  return Array.from({ length: 11 }, (_, v) => ({
    value: v,
    ja: v === 0 ? "全く思わない" : v === 10 ? "強く思う" : "",
    en: v === 0 ? "Not at all" : v === 10 ? "Very likely" : "",
  }));
}

/** One question, with the control its type calls for; choices are fieldsets so the question is announced. */
export function QuestionInput({ question, value, onChange, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const described = [question.help ? `${id}-help` : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const help = question.help ? (
    <p id={`${id}-help`} className="field__hint">
      {question.help}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="field__error" role="alert">
      {error}
    </p>
  ) : null;

  if (question.type === "text" || question.type === "date") {
    return (
      <div className="field question">
        <label htmlFor={id}>
          <Heading question={question} />
        </label>
        {help}
        {question.type === "text" ? (
          <textarea
            id={id}
            rows={5}
            maxLength={2000}
            value={typeof value === "string" ? value : ""}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
          />
        ) : (
          <input
            id={id}
            type="date"
            value={typeof value === "string" ? value : ""}
            onChange={(e) => onChange(e.target.value || undefined)}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
          />
        )}
        {errorText}
      </div>
    );
  }

  const multiple = question.type === "multiple";
  const chosen = Array.isArray(value) ? value : [];
  const options =
    question.type === "single" || multiple
      ? question.options.map((o) => ({
          key: o.id,
          label: <span>{o.label}</span>,
          checked: multiple ? chosen.includes(o.id) : value === o.id,
          pick: o.id as string | number,
        }))
      : scaleChoices(question).map((c) => ({
          key: String(c.value),
          label: (
            <span className="scale__label">
              <strong>{c.value}</strong>
              {c.ja ? <Bi ja={c.ja} en={c.en} /> : null}
            </span>
          ),
          checked: value === c.value,
          pick: c.value as string | number,
        }));
  function toggle(pick: string | number, checked: boolean) {
    if (!multiple) return onChange(pick);
    const next = checked ? [...chosen, String(pick)] : chosen.filter((v) => v !== pick);
    onChange(next.length > 0 ? next : undefined);
  }
  return (
    <fieldset className={`question question--${question.type}`} aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend>
        <Heading question={question} />
      </legend>
      {help}
      {multiple ? (
        <p className="field__hint">
          <Bi ja="当てはまるものをすべて選んでください" en="Choose all that apply" inline />
        </p>
      ) : null}
      <div className={question.type === "nps" || question.type === "scale" ? "scale" : "choices"}>
        {options.map((o) => (
          <label key={o.key} className="choice">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={id}
              checked={o.checked}
              onChange={(e) => toggle(o.pick, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {errorText}
    </fieldset>
  );
}
