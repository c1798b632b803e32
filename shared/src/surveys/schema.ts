import { z } from "zod";

export const SurveyQuestionTypeSchema = z.enum(["single", "multiple", "scale", "nps", "text", "date"]);
export type SurveyQuestionType = z.infer<typeof SurveyQuestionTypeSchema>;

const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Letters, digits, _ and - (up to 40) / 英数字・_・- で40文字まで");

/** A reward for an answer (or for completing the survey): a coupon copy, or points on the member card. */
export const SurveyRewardSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("coupon"), couponId: z.string().min(1, "Choose a coupon / クーポンを選んでください") }),
  z.object({ kind: z.literal("points"), points: z.int().min(1, "At least 1 point / 1ポイント以上").max(100_000) }),
]);
export type SurveyReward = z.infer<typeof SurveyRewardSchema>;

const TagNameSchema = z.string().trim().min(1).max(40, "Tag names up to 40 characters / タグ名は40文字まで");

export const SurveyChoiceOptionSchema = z.object({
  id: IdSchema,
  label: z.string().trim().min(1, "Option text is required / 選択肢を入力してください").max(100),
  /** Tags added (source "survey") to a friend who picks this option. */
  tags: z.array(TagNameSchema).max(5).default([]),
  reward: SurveyRewardSchema.nullable().default(null),
});
export type SurveyChoiceOption = z.infer<typeof SurveyChoiceOptionSchema>;

/**
 * Simple branching: the question shows only when the answer to an earlier question is one of `anyOf`
 * (option ids for choices, numbers as text for scale and NPS).
 */
export const SurveyShowIfSchema = z.object({ questionId: IdSchema, anyOf: z.array(z.string().min(1)).min(1).max(20) });
export type SurveyShowIf = z.infer<typeof SurveyShowIfSchema>;

export const SurveyQuestionSchema = z.object({
  id: IdSchema,
  type: SurveyQuestionTypeSchema,
  title: z.string().trim().min(1, "SurveyQuestion text is required / 質問文を入力してください").max(200),
  help: z.string().trim().max(300).default(""),
  required: z.boolean(),
  /** Choices (single and multiple only). */
  options: z.array(SurveyChoiceOptionSchema).max(20).default([]),
  showIf: SurveyShowIfSchema.nullable().default(null),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

function definitionIssues(questions: readonly SurveyQuestion[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, SurveyQuestion>();
  questions.forEach((q, i) => {
    if (seen.has(q.id))
      issues.push({ path: ["questions", i, "id"], message: "SurveyQuestion ids must be unique / 質問IDが重複しています" });
    const choice = q.type === "single" || q.type === "multiple";
    if (choice && q.options.length < 2) issues.push({ path: ["questions", i, "options"], message: "At least 2 options / 選択肢は2つ以上" });
    if (!choice && q.options.length > 0)
      issues.push({ path: ["questions", i, "options"], message: "Only choice questions have options / 選択式以外に選択肢は不要です" });
    const optionIds = new Set(q.options.map((o) => o.id));
    if (optionIds.size !== q.options.length)
      issues.push({ path: ["questions", i, "options"], message: "Option ids must be unique / 選択肢IDが重複しています" });
    // Branching may only look back: a condition on a later question could never be evaluated in order.
    if (q.showIf && !seen.has(q.showIf.questionId)) {
      issues.push({
        path: ["questions", i, "showIf", "questionId"],
        message: "Show-if must refer to an earlier question / 条件は前の質問を指定してください",
      });
    }
    seen.set(q.id, q);
  });
  return issues;
}

export const SurveyDefinitionSchema = z
  .object({
    questions: z.array(SurveyQuestionSchema).min(1, "Add at least one question / 質問を1つ以上追加してください").max(50),
    /** Shown after submitting. */
    thanks: z.string().trim().max(500).default(""),
    /** Given once to a friend who completes the survey, besides per-answer rewards. */
    completionReward: SurveyRewardSchema.nullable().default(null),
    completionTags: z.array(TagNameSchema).max(5).default([]),
  })
  .superRefine((d, ctx) => {
    for (const issue of definitionIssues(d.questions)) ctx.addIssue({ code: "custom", ...issue });
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

export const SurveyStatusSchema = z.enum(["draft", "open", "closed"]);
export type SurveyStatus = z.infer<typeof SurveyStatusSchema>;

export const SurveyInputSchema = z.object({
  title: z.string().trim().min(1, "Title is required / タイトルを入力してください").max(100),
  description: z.string().trim().max(1000).default(""),
  /** Whether a friend may answer more than once (rewards are still given once). */
  allowMultiple: z.boolean().default(false),
  status: SurveyStatusSchema,
  definition: SurveyDefinitionSchema,
});
export type SurveyInput = z.infer<typeof SurveyInputSchema>;

/** An answer's value: option id, option ids, 1–5, 0–10, free text, or YYYY-MM-DD. */
export const SurveyAnswerValueSchema = z.union([z.string().max(2000), z.array(z.string().max(40)).max(20), z.number()]);
export type SurveyAnswerValue = z.infer<typeof SurveyAnswerValueSchema>;
export const SurveyAnswersSchema = z
  .record(IdSchema, SurveyAnswerValueSchema)
  .refine((a) => Object.keys(a).length <= 50, "Too many answers");
export type SurveyAnswers = Record<string, SurveyAnswerValue>;

export const SaveSurveyProgressInputSchema = z.object({ answers: SurveyAnswersSchema, questionId: IdSchema.nullable().default(null) });
export const SubmitSurveyInputSchema = z.object({ answers: SurveyAnswersSchema });
