import type { SurveyChoiceOption, SurveyInput, SurveyQuestion, SurveyQuestionType, SurveyReward } from "@enishi/shared";

/** The builder edits a SurveyInput in place; these helpers keep ids stable and unique. */
export function emptySurvey(): SurveyInput {
  return {
    title: "",
    description: "",
    allowMultiple: false,
    status: "draft",
    definition: {
      thanks: "ご回答ありがとうございました！",
      completionReward: null,
      completionTags: [],
      questions: [newQuestion([], "single")],
    },
  };
}

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const n = taken.reduce((max, x) => Math.max(max, Number(x.id.slice(prefix.length)) || 0), 0);
  return `${prefix}${n + 1}`;
}

export function newOption(taken: readonly SurveyChoiceOption[], label = ""): SurveyChoiceOption {
  return { id: nextId("o", taken), label, tags: [], reward: null };
}

export function newQuestion(taken: readonly SurveyQuestion[], type: SurveyQuestionType): SurveyQuestion {
  const choice = type === "single" || type === "multiple";
  const first = newOption([]);
  return {
    id: nextId("q", taken),
    type,
    title: "",
    help: "",
    required: true,
    options: choice ? [first, newOption([first])] : [],
    showIf: null,
  };
}

/** Changing a question's type keeps its text; choices keep or gain options, others drop them. */
export function withType(q: SurveyQuestion, type: SurveyQuestionType): SurveyQuestion {
  const choice = type === "single" || type === "multiple";
  const options = choice ? (q.options.length >= 2 ? q.options : newQuestion([], type).options) : [];
  return { ...q, type, options };
}

/** Moving or deleting questions may leave a condition pointing forward or nowhere: drop those conditions. */
export function repairConditions(questions: SurveyQuestion[]): SurveyQuestion[] {
  const seen = new Set<string>();
  return questions.map((q) => {
    const keep = q.showIf && seen.has(q.showIf.questionId) ? q.showIf : null;
    seen.add(q.id);
    return keep === q.showIf ? q : { ...q, showIf: keep };
  });
}

/** The values a condition on this question can match. */
export function conditionValues(q: SurveyQuestion): { value: string; label: string }[] {
  if (q.type === "single" || q.type === "multiple") return q.options.map((o) => ({ value: o.id, label: o.label || o.id }));
  if (q.type === "scale") return [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }));
  if (q.type === "nps") return Array.from({ length: 11 }, (_, v) => ({ value: String(v), label: String(v) }));
  return [];
}

export function tagsToText(tags: readonly string[]): string {
  return tags.join("、");
}

/** Tags typed as "a, b、c" (either comma). */
export function textToTags(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export type RewardChoice = "none" | "coupon" | "points";

export function rewardChoice(r: SurveyReward | null): RewardChoice {
  return r === null ? "none" : r.kind;
}

export const TYPE_LABELS: Record<SurveyQuestionType, string> = {
  single: "単一選択 / Single choice",
  multiple: "複数選択 / Multiple choice",
  scale: "5段階評価 / 1–5 scale",
  nps: "NPS (0–10)",
  text: "自由記述 / Free text",
  date: "日付 / Date",
};
