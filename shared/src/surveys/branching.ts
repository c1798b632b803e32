import type { SurveyAnswers, SurveyAnswerValue, SurveyDefinition, SurveyQuestion, SurveyReward } from "./schema.ts";

/**
 * What answering and branching need of a question: the operator's full question and the customer's
 * public one (no tags or rewards) both fit, so the LIFF app runs the same rules as the server.
 */
export type FormQuestion = Pick<SurveyQuestion, "id" | "type" | "required" | "showIf"> & { options: readonly { id: string }[] };

/** The answer as the values a show-if condition compares (option ids, or numbers as text). */
function conditionValues(value: SurveyAnswerValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}

/**
 * The questions this friend sees, in order, given their answers so far. A question shows when it has no
 * condition, or when the question it depends on is itself shown and its answer is one of `anyOf`: hiding a
 * question hides everything that depends on it.
 */
export function visibleQuestions<Q extends FormQuestion>(definition: { questions: readonly Q[] }, answers: SurveyAnswers): Q[] {
  const shown = new Set<string>();
  const out: Q[] = [];
  for (const q of definition.questions) {
    const cond = q.showIf;
    if (cond && !(shown.has(cond.questionId) && conditionValues(answers[cond.questionId]).some((v) => cond.anyOf.includes(v)))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function isEmpty(value: SurveyAnswerValue | undefined): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/** Why this value cannot answer this question (Japanese / English), or null when it can. */
export function surveyAnswerProblem(q: FormQuestion, value: SurveyAnswerValue): string | null {
  const ids = new Set(q.options.map((o) => o.id));
  switch (q.type) {
    case "single":
      return typeof value === "string" && ids.has(value) ? null : "選択肢から1つ選んでください / Choose one option";
    case "multiple":
      return Array.isArray(value) && value.every((v) => ids.has(v)) && new Set(value).size === value.length
        ? null
        : "選択肢から選んでください / Choose from the options";
    case "scale":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? null : "1〜5で選んでください / Choose 1 to 5";
    case "nps":
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10 ? null : "0〜10で選んでください / Choose 0 to 10";
    case "text":
      return typeof value === "string" && value.length <= 2000 ? null : "2,000文字までで入力してください / Up to 2,000 characters";
    case "date":
      return typeof value === "string" && isRealDate(value) ? null : "日付を正しく入力してください / Enter a valid date";
  }
}

export interface SurveyAnswerIssue {
  questionId: string;
  message: string;
}

/**
 * Checks answers against the form. SurveyAnswers to hidden questions are dropped (the friend changed an earlier
 * answer), as are empty ones; text is trimmed. `partial` (saving progress) skips the required check and
 * drops, rather than reports, answers to questions the form no longer has.
 */
export function validateSurveyAnswers(
  definition: { questions: readonly FormQuestion[] },
  answers: SurveyAnswers,
  options: { partial: boolean },
): { answers: SurveyAnswers; issues: SurveyAnswerIssue[] } {
  const issues: SurveyAnswerIssue[] = [];
  const known = new Set(definition.questions.map((q) => q.id));
  if (!options.partial) {
    for (const id of Object.keys(answers))
      if (!known.has(id)) issues.push({ questionId: id, message: "この質問はありません / No such question" });
  }
  const clean: SurveyAnswers = {};
  for (const q of visibleQuestions(definition, answers)) {
    const raw = answers[q.id];
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (value === undefined || isEmpty(value)) {
      if (q.required && !options.partial) issues.push({ questionId: q.id, message: "回答してください / This question is required" });
      continue;
    }
    const problem = surveyAnswerProblem(q, value);
    if (problem) issues.push({ questionId: q.id, message: problem });
    else clean[q.id] = value;
  }
  return { answers: clean, issues };
}

export interface SurveyEffects {
  tags: string[];
  /** `key` names where the reward came from (`<questionId>:<optionId>` or `completion`): its idempotency key. */
  rewards: { key: string; reward: SurveyReward }[];
}

/** The tags and rewards that validated answers earn: per chosen option, plus the survey's completion ones. */
export function surveyAnswerEffects(definition: SurveyDefinition, answers: SurveyAnswers): SurveyEffects {
  const tags = new Set<string>();
  const rewards: SurveyEffects["rewards"] = [];
  for (const q of visibleQuestions(definition, answers)) {
    const chosen = conditionValues(answers[q.id]);
    for (const option of q.options) {
      if (!chosen.includes(option.id)) continue;
      for (const tag of option.tags) tags.add(tag);
      if (option.reward) rewards.push({ key: `${q.id}:${option.id}`, reward: option.reward });
    }
  }
  for (const tag of definition.completionTags) tags.add(tag);
  if (definition.completionReward) rewards.push({ key: "completion", reward: definition.completionReward });
  return { tags: [...tags], rewards };
}

/** How far along the friend is: answered visible questions of all visible ones. */
export function surveyProgress(
  definition: { questions: readonly FormQuestion[] },
  answers: SurveyAnswers,
): { answered: number; total: number } {
  const visible = visibleQuestions(definition, answers);
  return { answered: visible.filter((q) => !isEmpty(answers[q.id])).length, total: visible.length };
}
