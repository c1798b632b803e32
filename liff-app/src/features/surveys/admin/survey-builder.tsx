import "../../../components/admin.css";
import type { SurveyInput, SurveyQuestion } from "@enishi/shared";
import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { issueMap } from "../../../components/field.tsx";
import { SaveFeedback } from "../../../components/form-feedback.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useSaveSurvey } from "../api/admin-surveys.ts";
import { newQuestion, repairConditions, tagsToText, textToTags } from "./builder-state.ts";
import { QuestionEditor } from "./question-editor.tsx";
import { RewardEditor } from "./reward-editor.tsx";

/** Build or edit a survey. The server validates the whole form; its messages appear by field. */
export function SurveyBuilder({
  surveyId,
  initial,
  onSaved,
}: {
  surveyId: string | null;
  initial: SurveyInput;
  onSaved: (id: string) => void;
}) {
  const [s, setS] = useState(initial);
  const save = useSaveSurvey(surveyId);
  const issues = save.error instanceof ApiError ? save.error.fieldIssues : [];
  const err = issueMap(issues);
  const questions = s.definition.questions;
  const setDefinition = (patch: Partial<SurveyInput["definition"]>) =>
    setS((prev) => ({ ...prev, definition: { ...prev.definition, ...patch } }));
  const setQuestions = (next: SurveyQuestion[]) => setDefinition({ questions: repairConditions(next) });

  function move(i: number, delta: -1 | 1) {
    const j = i + delta;
    if (j < 0 || j >= questions.length) return;
    const next = [...questions];
    [next[i], next[j]] = [next[j] as SurveyQuestion, next[i] as SurveyQuestion];
    setQuestions(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(s, { onSuccess: (saved) => onSaved(saved.id) });
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate data-testid="survey-builder">
      <div className="field">
        <label htmlFor="survey-title">タイトル / Title</label>
        <input
          id="survey-title"
          value={s.title}
          onChange={(e) => setS({ ...s, title: e.target.value })}
          aria-invalid={err("title") ? true : undefined}
        />
        {err("title") ? (
          <p className="field__error" role="alert">
            {err("title")}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="survey-desc">説明 / Description</label>
        <textarea id="survey-desc" rows={2} value={s.description} onChange={(e) => setS({ ...s, description: e.target.value })} />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="survey-status">状態 / Status</label>
          <select id="survey-status" value={s.status} onChange={(e) => setS({ ...s, status: e.target.value as SurveyInput["status"] })}>
            <option value="draft">下書き / Draft</option>
            <option value="open">受付中 / Open</option>
            <option value="closed">終了 / Closed</option>
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={s.allowMultiple} onChange={(e) => setS({ ...s, allowMultiple: e.target.checked })} />
          複数回の回答を許可 / Allow more than one response
        </label>
      </div>
      <ol className="survey-list">
        {questions.map((q, i) => (
          <QuestionEditor
            key={q.id}
            question={q}
            index={i}
            earlier={questions.slice(0, i)}
            err={err}
            onChange={(next) => setQuestions(questions.map((x, j) => (j === i ? next : x)))}
            onMove={(delta) => move(i, delta)}
            onRemove={() => setQuestions(questions.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      {err("definition.questions") ? (
        <p className="field__error" role="alert">
          {err("definition.questions")}
        </p>
      ) : null}
      <button type="button" className="btn" onClick={() => setQuestions([...questions, newQuestion(questions, "single")])}>
        <Bi ja="＋ 質問を追加" en="Add a question" inline />
      </button>
      <fieldset className="question">
        <legend>
          <Bi ja="回答完了時" en="On completion" inline />
        </legend>
        <div className="field">
          <label htmlFor="survey-thanks">お礼メッセージ / Thanks message</label>
          <textarea id="survey-thanks" rows={2} value={s.definition.thanks} onChange={(e) => setDefinition({ thanks: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="survey-tags">付けるタグ / Tags</label>
          <input
            id="survey-tags"
            defaultValue={tagsToText(s.definition.completionTags)}
            onBlur={(e) => setDefinition({ completionTags: textToTags(e.target.value) })}
          />
        </div>
        <RewardEditor
          value={s.definition.completionReward}
          onChange={(r) => setDefinition({ completionReward: r })}
          error={err("definition.completionReward")}
        />
      </fieldset>
      <SaveFeedback save={save} issueCount={issues.length} checkJa={`入力内容を確認してください（${issues.length}件）。`} />
    </form>
  );
}
