import { z } from "zod";

/**
 * Only the fields Enishi uses, parsed per event. Objects are loose (zod's default strips unknown keys)
 * so new fields LINE adds never fail parsing; unknown event types fall through to `UnknownEvent`.
 */
const Source = z.object({ type: z.string(), userId: z.string().optional() });

const Base = z.object({
  webhookEventId: z.string().min(1),
  timestamp: z.number(),
  mode: z.string().default("active"),
  source: Source.optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).default({ isRedelivery: false }),
});

export const MessageEventSchema = Base.extend({
  type: z.literal("message"),
  replyToken: z.string().optional(),
  message: z
    .object({
      id: z.string(),
      type: z.string(),
      text: z.string().optional(),
      markAsReadToken: z.string().optional(),
      quoteToken: z.string().optional(),
      packageId: z.string().optional(),
      stickerId: z.string().optional(),
    })
    .loose(),
});

export const FollowEventSchema = Base.extend({
  type: z.literal("follow"),
  replyToken: z.string().optional(),
  follow: z.object({ isUnblocked: z.boolean() }).optional(),
});

export const UnfollowEventSchema = Base.extend({ type: z.literal("unfollow") });

export const PostbackEventSchema = Base.extend({
  type: z.literal("postback"),
  replyToken: z.string().optional(),
  postback: z.object({ data: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
});

export const AccountLinkEventSchema = Base.extend({
  type: z.literal("accountLink"),
  replyToken: z.string().optional(),
  link: z.object({ result: z.string(), nonce: z.string() }),
});

export const HandledEventSchema = z.discriminatedUnion("type", [
  MessageEventSchema,
  FollowEventSchema,
  UnfollowEventSchema,
  PostbackEventSchema,
  AccountLinkEventSchema,
]);
export type HandledEvent = z.infer<typeof HandledEventSchema>;
export type MessageEvent = z.infer<typeof MessageEventSchema>;
export type FollowEvent = z.infer<typeof FollowEventSchema>;
export type PostbackEvent = z.infer<typeof PostbackEventSchema>;
export type AccountLinkEvent = z.infer<typeof AccountLinkEventSchema>;

/** What the webhook route needs from any event, known type or not, to dedupe and queue it. */
export const EnvelopeEventSchema = z.object({
  type: z.string(),
  webhookEventId: z.string().min(1),
  timestamp: z.number(),
  source: Source.optional(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
});
export type EnvelopeEvent = z.infer<typeof EnvelopeEventSchema>;

export const WebhookBodySchema = z.object({
  destination: z.string().optional(),
  events: z.array(z.unknown()),
});

export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set(["message", "follow", "unfollow", "postback", "accountLink"]);
