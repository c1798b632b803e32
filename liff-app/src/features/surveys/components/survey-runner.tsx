import type { SurveyAnswers, SurveyAnswerValue } from "@enishi/shared";
// A deep import: the package index would pull zod into the answering screen.
import { surveyAnswerProblem, validateSurveyAnswers, visibleQuestions } from "@enishi/shared/surveys/branching";
import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { type FriendSurvey, useSaveProgress, useSubmitSurvey } from "../api/my-surveys.ts";
import { QuestionInput } from "./question-input.tsx";
import { SurveyThanks } from "./survey-thanks.tsx";

function isEmpty(value: SurveyAnswerValue | undefined): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/** Where to resume: the saved question if it is still shown, else the first unanswered one. */
function startAt(data: FriendSurvey): string | undefined {
  const visible = visibleQuestions(data.form, data.progress.answers);
  const saved = visible.find((q) => q.id === data.progress.currentQuestion);
  return (saved ?? visible.find((q) => isEmpty(data.progress.answers[q.id])) ?? visible[0])?.id;
}

/**
 * One question at a time (thumb-friendly in LINE). Branching is evaluated here with the same rules as the
 * server; each step saves progress, so closing LINE or reloading resumes at the same question.
 */
export function SurveyRunner({ data }: { data: FriendSurvey }) {
  const [answers, setAnswers] = useState<SurveyAnswers>(data.progress.answers);
  const [currentId, setCurrentId] = useState(() => startAt(data));
  const [error, setError] = useState<string | null>(null);
  const save = useSaveProgress(data.survey.id);
  const submit = useSubmitSurvey(data.survey.id);
  const visible = visibleQuestions(data.form, answers);
  const index = Math.max(
    0,
    visible.findIndex((q) => q.id === currentId),
  );
  const question = visible[index];

  if (submit.isSuccess) return <SurveyThanks thanks={submit.data.thanks} rewards={submit.data.rewards} />;
  if (!question) return null;
  const last = index === visible.length - 1;

  function change(value: SurveyAnswerValue | undefined) {
    if (!question) return;
    setError(null);
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[question.id];
      else next[question.id] = value;
      return next;
    });
  }

  function next() {
    if (!question) return;
    const value = answers[question.id];
    const problem = isEmpty(value)
      ? question.required
        ? "回答してください / This question is required"
        : null
      : surveyAnswerProblem(question, value as SurveyAnswerValue);
    if (problem) return setError(problem);
    if (last) {
      const clean = validateSurveyAnswers(data.form, answers, { partial: true }).answers;
      submit.mutate(clean, {
        onError: (e) => {
          // The server has the last word: jump to the question it names.
          const issue = e instanceof ApiError ? e.fieldIssues.find((i) => i.path.startsWith("answers.")) : undefined;
          if (issue) {
            setCurrentId(issue.path.slice("answers.".length));
            setError(issue.message);
          }
        },
      });
      return;
    }
    const nextId = visible[index + 1]?.id;
    setCurrentId(nextId);
    save.mutate({ answers: validateSurveyAnswers(data.form, answers, { partial: true }).answers, questionId: nextId ?? null });
  }

  return (
    <form
      className="card survey-step"
      onSubmit={(e) => {
        e.preventDefault();
        next();
      }}
      noValidate
    >
      <div className="survey-progress" data-testid="survey-progress">
        <progress max={visible.length} value={index + 1} aria-label="進み具合 / Progress" />
        <span>
          {index + 1} / {visible.length}
        </span>
      </div>
      <QuestionInput key={question.id} question={question} value={answers[question.id]} onChange={change} error={error} />
      {save.isError ? (
        <p className="field__hint" role="status">
          <Bi ja="途中保存できませんでした（回答は続けられます）。" en="Progress was not saved (you can go on)." inline />
        </p>
      ) : null}
      {submit.isError && !(submit.error instanceof ApiError && submit.error.fieldIssues.length > 0) ? (
        <ErrorState error={submit.error} />
      ) : null}
      <div className="survey-nav">
        <button
          type="button"
          className="btn"
          disabled={index === 0 || submit.isPending}
          onClick={() => setCurrentId(visible[index - 1]?.id)}
        >
          <Bi ja="戻る" en="Back" inline />
        </button>
        <button type="submit" className="btn btn--primary" disabled={submit.isPending} data-testid="survey-next">
          {last ? (
            submit.isPending ? (
              <Bi ja="送信中…" en="Sending…" inline />
            ) : (
              <Bi ja="送信する" en="Submit" inline />
            )
          ) : (
            <Bi ja="次へ" en="Next" inline />
          )}
        </button>
      </div>
    </form>
  );
}
