import { z } from "zod";
import { BroadcastMessagesSchema } from "../broadcasts/broadcast.schema.ts";
import { ClockTimeSchema, QuietHoursSchema } from "../broadcasts/quiet-hours.ts";

/**
 * A step scenario: a trigger enrols a friend; steps run one after another, each after its delay, each
 * with an optional tag condition and up to 5 actions; exit conditions end the enrolment early. Tags are
 * named as operators see them (addTag creates a tag on first use), so templates work in any shop.
 */

const TagName = z.string().trim().min(1, "Tag name is required / タグ名を入力してください").max(50, "Up to 50 characters / 50文字まで");
const RefId = z.string().trim().min(1).max(64);

export const SCENARIO_TRIGGER_TYPES = ["follow", "tagAdded", "surveyAnswered", "couponRedeemed", "purchase", "cancellation"] as const;
export type ScenarioTriggerType = (typeof SCENARIO_TRIGGER_TYPES)[number];

export const ScenarioTriggerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("follow") }),
  z.object({ type: z.literal("tagAdded"), tag: TagName }),
  /** Without an ID: any survey / any coupon. */
  z.object({ type: z.literal("surveyAnswered"), surveyId: RefId.optional() }),
  z.object({ type: z.literal("couponRedeemed"), couponId: RefId.optional() }),
  z.object({ type: z.literal("purchase") }),
  z.object({ type: z.literal("cancellation") }),
]);
export type ScenarioTrigger = z.infer<typeof ScenarioTriggerSchema>;

/** Minutes after the previous step (or the trigger), or "day N at HH:MM" Japan time counted from the trigger's day. */
export const StepDelaySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("after"), minutes: z.number().int().min(0).max(525_600, "Up to 365 days / 365日まで") }),
  z.object({ type: z.literal("dayAt"), day: z.number().int().min(0).max(365, "Up to day 365 / 365日目まで"), time: ClockTimeSchema }),
]);
export type StepDelay = z.infer<typeof StepDelaySchema>;

export const StepConditionSchema = z.object({
  tag: TagName,
  /** The step's actions run when the friend has (present) or lacks (absent) the tag… */
  is: z.enum(["present", "absent"]),
  /** …otherwise: skip this step, stop the scenario for this friend, or jump ahead to a later step. */
  otherwise: z.discriminatedUnion("type", [
    z.object({ type: z.literal("skip") }),
    z.object({ type: z.literal("stop") }),
    z.object({ type: z.literal("branch"), toStepId: RefId }),
  ]),
});
export type StepCondition = z.infer<typeof StepConditionSchema>;

export const StepActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), messages: BroadcastMessagesSchema }),
  z.object({ type: z.literal("addTag"), tag: TagName }),
  z.object({ type: z.literal("removeTag"), tag: TagName }),
  z.object({ type: z.literal("grantCoupon"), couponId: RefId }),
  /** Recompute the friend's rich menu from the policy (e.g. after the step changed their tags). */
  z.object({ type: z.literal("applyRichMenu") }),
]);
export type StepAction = z.infer<typeof StepActionSchema>;

export const ScenarioStepSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "Step ID: letters, digits, - and _ / ステップIDは英数字と-_"),
  name: z.string().trim().max(60).default(""),
  delay: StepDelaySchema,
  condition: StepConditionSchema.nullable().default(null),
  actions: z
    .array(StepActionSchema)
    .min(1, "A step needs an action / ステップにアクションを追加してください")
    .max(5, "Up to 5 actions / アクションは5個まで"),
});
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;

/** Steps in order. Branches only jump forward, so an enrolment always ends. */
export const ScenarioStepsSchema = z
  .array(ScenarioStepSchema)
  .min(1, "Add at least one step / ステップを1つ以上追加してください")
  .max(30, "Up to 30 steps / ステップは30個まで")
  .superRefine((steps, ctx) => {
    const index = new Map<string, number>();
    steps.forEach((step, i) => {
      if (index.has(step.id))
        ctx.addIssue({ code: "custom", path: [i, "id"], message: "Step IDs must be unique / ステップIDが重複しています" });
      index.set(step.id, i);
    });
    steps.forEach((step, i) => {
      const otherwise = step.condition?.otherwise;
      if (otherwise?.type !== "branch") return;
      const target = index.get(otherwise.toStepId);
      if (target === undefined || target <= i) {
        ctx.addIssue({
          code: "custom",
          path: [i, "condition", "otherwise", "toStepId"],
          message: "Branch to a later step / 分岐先は後のステップにしてください",
        });
      }
    });
  });

export const ScenarioExitSchema = z.object({
  /** Any of these tags added ends the enrolment (e.g. "購入済み"). */
  tags: z.array(TagName).max(10).default([]),
  unfollow: z.boolean().default(true),
  purchase: z.boolean().default(false),
});
export type ScenarioExit = z.infer<typeof ScenarioExitSchema>;

export const ScenarioInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required / 名前を入力してください").max(80, "Up to 80 characters / 80文字まで"),
  description: z.string().trim().max(500).default(""),
  trigger: ScenarioTriggerSchema,
  steps: ScenarioStepsSchema,
  exitOn: ScenarioExitSchema.default({ tags: [], unfollow: true, purchase: false }),
  quietHours: QuietHoursSchema.nullable().default(null),
  allowReentry: z.boolean().default(false),
});
export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;

/** An event from outside (a POS, a cart, a staff tool) that can enrol friends or end enrolments. */
export const ScenarioEventSchema = z.object({
  type: z.enum(["purchase", "cancellation", "surveyAnswered", "couponRedeemed"]),
  userId: z.string().regex(/^U[0-9a-f]{32}$/, "LINE user ID: U + 32 hex digits"),
  /** Survey or coupon ID for those events. */
  ref: RefId.optional(),
  /** A cancellation's stated reason: tagged as "解約理由:<reason>" so steps can branch on it. */
  reason: z.string().trim().min(1).max(30).optional(),
  /** When it happened (epoch ms); default now. "Day N" counts from this day. */
  at: z.number().int().positive().optional(),
});
export type ScenarioEvent = z.infer<typeof ScenarioEventSchema>;

export interface ScenarioDto extends ScenarioInput {
  id: string;
  status: "draft" | "active" | "paused";
  templateId: string | null;
  createdAt: number;
  updatedAt: number;
  enrolments: { active: number; completed: number; exited: number; stopped: number };
}

export interface FriendScenarioDto {
  enrolmentId: number;
  scenarioId: string;
  scenarioName: string;
  status: "active" | "completed" | "exited" | "stopped";
  round: number;
  stepIndex: number;
  stepCount: number;
  nextStepName: string | null;
  nextRunAt: number | null;
  enrolledAt: number;
  endedAt: number | null;
  exitReason: string | null;
  runs: { stepIndex: number; stepId: string; stepName: string; outcome: string; detail: string | null; ranAt: number }[];
}
