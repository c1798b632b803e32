import { z } from "zod";
import { QuietHoursSchema } from "./quiet-hours.ts";

/**
 * What operators compose: up to 5 messages (LINE's limit per push/multicast). Limits are LINE's
 * (LINE-PLATFORM.md, messaging-api.yml): text ≤ 5,000 UTF-16 units, altText ≤ 1,500, Flex bubble ≤ 30 KB,
 * carousel ≤ 50 KB. A coupon card is expanded into the coupon's Flex message when sent.
 */
export const MAX_BROADCAST_MESSAGES = 5;

const HttpsUrl = z
  .url({ protocol: /^https$/, error: "An https:// URL / https:// で始まるURLを入力してください" })
  .max(2000, "URL too long (2,000) / URLが長すぎます");

export const TextMessageSchema = z.object({
  type: z.literal("text"),
  text: z.string().trim().min(1, "Message is empty / メッセージが空です").max(5000, "Up to 5,000 characters / 5,000文字までです"),
});

export const ImageMessageSchema = z.object({
  type: z.literal("image"),
  originalContentUrl: HttpsUrl,
  previewImageUrl: HttpsUrl,
});

export const FlexMessageSchema = z
  .object({
    type: z.literal("flex"),
    altText: z
      .string()
      .trim()
      .min(1, "Alt text is required / 代替テキストを入力してください")
      .max(1500, "Up to 1,500 characters / 1,500文字までです"),
    contents: z.looseObject({
      type: z.enum(["bubble", "carousel"], "Flex contents must be a bubble or carousel / バブルかカルーセルを指定してください"),
    }),
  })
  .refine((m) => JSON.stringify(m.contents).length <= (m.contents.type === "carousel" ? 50_000 : 30_000), {
    message: "Flex message too large (bubble 30 KB, carousel 50 KB) / Flexメッセージが大きすぎます",
    path: ["contents"],
  });

export const CouponCardMessageSchema = z.object({
  type: z.literal("coupon"),
  couponId: z.string().trim().min(1, "Pick a coupon / クーポンを選んでください").max(64),
});

export const BroadcastMessageSchema = z.discriminatedUnion("type", [
  TextMessageSchema,
  ImageMessageSchema,
  FlexMessageSchema,
  CouponCardMessageSchema,
]);
export type BroadcastMessage = z.infer<typeof BroadcastMessageSchema>;

export const BroadcastMessagesSchema = z
  .array(BroadcastMessageSchema)
  .min(1, "Add at least one message / メッセージを1つ以上追加してください")
  .max(MAX_BROADCAST_MESSAGES, `Up to ${MAX_BROADCAST_MESSAGES} messages / メッセージは${MAX_BROADCAST_MESSAGES}個までです`);

export const AudienceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("everyone") }),
  z.object({ type: z.literal("segment"), segmentId: z.string().trim().min(1, "Pick a segment / セグメントを選んでください") }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

export const BroadcastScheduleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("now") }),
  /** Epoch ms; the server refuses times in the past (more than a minute ago). */
  z.object({ type: z.literal("at"), at: z.number().int().positive() }),
]);

export const CreateBroadcastSchema = z.object({
  name: z.string().trim().min(1, "Name is required / 配信名を入力してください").max(80, "Up to 80 characters / 80文字まで"),
  audience: AudienceSchema,
  messages: BroadcastMessagesSchema,
  schedule: BroadcastScheduleSchema,
  quietHours: QuietHoursSchema.nullable().default(null),
});
export type CreateBroadcastInput = z.infer<typeof CreateBroadcastSchema>;

export const EstimateBroadcastSchema = z.object({ audience: AudienceSchema, messages: BroadcastMessagesSchema });
export type EstimateBroadcastInput = z.infer<typeof EstimateBroadcastSchema>;

export const BROADCAST_STATUSES = ["scheduled", "sending", "paused", "completed", "cancelled", "failed"] as const;
export type BroadcastStatusName = (typeof BROADCAST_STATUSES)[number];

export interface BroadcastProgress {
  recipientsTotal: number | null;
  planned: number;
  sent: number;
  failed: number;
  cancelled: number;
  batches: { total: number; queued: number; sent: number; failed: number; cancelled: number };
}

export interface BroadcastDto {
  id: string;
  name: string;
  audience: Audience;
  messages: BroadcastMessage[];
  personalised: boolean;
  status: BroadcastStatusName;
  scheduledAt: number;
  quietHours: { start: string; end: string } | null;
  aggregationUnit: string;
  pausedReason: string | null;
  resumeAt: number | null;
  error: string | null;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  progress: BroadcastProgress;
}

export interface BroadcastEstimate {
  recipients: number;
  personalised: boolean;
  /** LINE API requests the send will take: ⌈N/500⌉ multicasts, or one push per recipient when personalised. */
  requests: number;
  /** LINE counts one message per recipient per request, however many bubbles it carries. */
  messagesCounted: number;
  quota: { type: "none" | "limited"; limit: number | null; used: number | null; left: number | null } | null;
  overQuota: number;
  /** Upper bound of the extra cost in yen if the plan allows additional messages (see ADDITIONAL_MESSAGE_YEN). */
  additionalCostYen: number;
}
