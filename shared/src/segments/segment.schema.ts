import { z } from "zod";

/**
 * The segment filter language: a tree of groups ("all of" / "any of", optionally negated) whose leaves are
 * conditions on a friend. Each condition kind has one schema here and one compiler in `conditions.ts`;
 * adding a kind (rank, purchases, clicks…) is one schema + one compiler, nothing else changes.
 * Conditions name tags and stores by ID (names can be renamed without breaking saved segments).
 */

const Id = z.string().trim().min(1).max(64);
const Days = z.number().int().min(0, "0 days or more / 0日以上").max(3650, "Up to 3,650 days / 3,650日まで");
/** A calendar date in Japan time (the shop's day), e.g. "2026-04-01". */
export const JstDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date as YYYY-MM-DD / 日付は YYYY-MM-DD");

export const TagsConditionSchema = z.object({
  kind: z.literal("tags"),
  /** all = has every tag, any = has at least one, none = has none of them. */
  match: z.enum(["all", "any", "none"]),
  tagIds: z.array(Id).min(1, "Pick at least one tag / タグを1つ以上選んでください").max(30, "Up to 30 tags / タグは30個まで"),
});

export const AttributeConditionSchema = z.object({
  kind: z.literal("attribute"),
  field: z.enum(["language", "displayName"]),
  op: z.enum(["eq", "neq", "contains", "set", "notSet"]),
  value: z.string().max(100).optional(),
});

export const StoreConditionSchema = z.object({
  kind: z.literal("store"),
  storeIds: z.array(Id).min(1, "Pick at least one store / 店舗を1つ以上選んでください").max(30),
});

export const LinkedConditionSchema = z.object({
  kind: z.literal("linked"),
  /** true = the friend is linked to a shop membership; false = not linked. */
  linked: z.boolean(),
});

/** Relative (days before the moment the segment is evaluated) or absolute (a JST date). */
export const TimeRangeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("withinDays"), days: Days }),
  z.object({ op: z.literal("moreThanDaysAgo"), days: Days }),
  z.object({ op: z.literal("since"), date: JstDateSchema }),
  z.object({ op: z.literal("before"), date: JstDateSchema }),
]);
export type TimeRange = z.infer<typeof TimeRangeSchema>;

export const FollowedConditionSchema = z.object({ kind: z.literal("followed"), range: TimeRangeSchema });
export const LastActiveConditionSchema = z.object({ kind: z.literal("lastActive"), range: TimeRangeSchema });

export const RankConditionSchema = z.object({
  kind: z.literal("rank"),
  rankIds: z.array(Id).min(1, "Pick at least one rank / ランクを1つ以上選んでください").max(20),
});

/** Redeemed a coupon (a given one, or any), optionally within a time range. */
export const CouponRedeemedConditionSchema = z.object({
  kind: z.literal("couponRedeemed"),
  couponId: Id.optional(),
  range: TimeRangeSchema.optional(),
});

/** Submitted a survey (a given one, or any). */
export const SurveyAnsweredConditionSchema = z.object({
  kind: z.literal("surveyAnswered"),
  surveyId: Id.optional(),
});

/** Clicked a tracked link (a given one, or any) with attribution, optionally within a time range. */
export const ClickedLinkConditionSchema = z.object({
  kind: z.literal("clickedLink"),
  linkId: Id.optional(),
  range: TimeRangeSchema.optional(),
});

/** RFM — recency: when the friend last bought (purchases are the points ledger's rows with an amount). */
export const LastPurchaseConditionSchema = z.object({ kind: z.literal("lastPurchase"), range: TimeRangeSchema });

const Bound = z.number().int().min(0).max(1_000_000_000);
/** RFM — frequency (number of purchases) or monetary (yen spent) within the last `days` days, between min and max. */
export const PurchaseTotalConditionSchema = z
  .object({
    kind: z.literal("purchaseTotal"),
    measure: z.enum(["count", "amount"]),
    days: Days.min(1),
    min: Bound.optional(),
    max: Bound.optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: "Give a minimum or a maximum / 下限か上限を入力してください" });

export const SegmentConditionSchema = z.discriminatedUnion("kind", [
  TagsConditionSchema,
  AttributeConditionSchema,
  StoreConditionSchema,
  LinkedConditionSchema,
  FollowedConditionSchema,
  LastActiveConditionSchema,
  RankConditionSchema,
  CouponRedeemedConditionSchema,
  SurveyAnsweredConditionSchema,
  LastPurchaseConditionSchema,
  PurchaseTotalConditionSchema,
  ClickedLinkConditionSchema,
]);
export type SegmentCondition = z.infer<typeof SegmentConditionSchema>;
export type SegmentConditionKind = SegmentCondition["kind"];

export interface SegmentGroup {
  kind: "group";
  match: "all" | "any";
  /** NOT (…): e.g. "none of these". */
  negate?: boolean | undefined;
  conditions: SegmentNode[];
}
export type SegmentNode = SegmentCondition | SegmentGroup;

/** Groups nest at most this deep: enough for "A and (B or C)", small enough to read and to bound the SQL. */
export const MAX_SEGMENT_DEPTH = 3;
export const MAX_SEGMENT_CONDITIONS = 20;

export const SegmentGroupSchema: z.ZodType<SegmentGroup> = z.object({
  kind: z.literal("group"),
  match: z.enum(["all", "any"]),
  negate: z.boolean().optional(),
  get conditions() {
    return z
      .array(SegmentNodeSchema)
      .max(MAX_SEGMENT_CONDITIONS, `Up to ${MAX_SEGMENT_CONDITIONS} conditions / 条件は${MAX_SEGMENT_CONDITIONS}個まで`);
  },
});

export const SegmentNodeSchema: z.ZodType<SegmentNode> = z.union([SegmentConditionSchema, SegmentGroupSchema]);

function depthOf(node: SegmentNode): number {
  return node.kind === "group" ? 1 + Math.max(0, ...node.conditions.map(depthOf)) : 0;
}

function countConditions(node: SegmentNode): number {
  return node.kind === "group" ? node.conditions.reduce((n, c) => n + countConditions(c), 0) : 1;
}

/** A saved or inline segment filter. An empty "all" group means every friend. */
export const SegmentFilterSchema = SegmentGroupSchema.superRefine((root, ctx) => {
  if (depthOf(root) > MAX_SEGMENT_DEPTH) {
    ctx.addIssue({
      code: "custom",
      message: `Groups nest at most ${MAX_SEGMENT_DEPTH} deep / グループの入れ子は${MAX_SEGMENT_DEPTH}段まで`,
    });
  }
  if (countConditions(root) > MAX_SEGMENT_CONDITIONS) {
    ctx.addIssue({ code: "custom", message: `Up to ${MAX_SEGMENT_CONDITIONS} conditions / 条件は${MAX_SEGMENT_CONDITIONS}個まで` });
  }
});
export type SegmentFilter = SegmentGroup;

export const EVERYONE: SegmentFilter = { kind: "group", match: "all", conditions: [] };

export const SegmentInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required / 名前を入力してください").max(80, "Up to 80 characters / 80文字まで"),
  description: z.string().trim().max(500).default(""),
  filter: SegmentFilterSchema,
});
export type SegmentInput = z.infer<typeof SegmentInputSchema>;

export interface SegmentDto {
  id: string;
  name: string;
  description: string;
  filter: SegmentFilter;
  createdAt: number;
  updatedAt: number;
}

export interface SegmentMemberPreview {
  userId: string;
  displayName: string | null;
  pictureUrl: string | null;
  followedAt: number | null;
  lastActiveAt: number | null;
}
