// Webhook request bodies shaped as LINE's webhook.yml describes them (CallbackRequest, Event and the
// event types below). Pure functions on WebCrypto only: integration tests inside workerd import this
// file (with signature.ts) to build and sign webhook bodies without a running sandbox.
import { messageId, opaqueToken, ulid } from "./ids.ts";
import { signBody } from "./signature.ts";

export type UserSource = { type: "user"; userId: string };

type EventBase = {
  webhookEventId: string;
  deliveryContext: { isRedelivery: boolean };
  timestamp: number;
  source: UserSource;
  mode: "active";
};

export type TextMessageEvent = EventBase & {
  type: "message";
  replyToken: string;
  message: { type: "text"; id: string; quoteToken: string; markAsReadToken: string; text: string };
};
export type FollowEvent = EventBase & { type: "follow"; replyToken: string; follow: { isUnblocked: boolean } };
export type UnfollowEvent = EventBase & { type: "unfollow" };
export type PostbackEvent = EventBase & {
  type: "postback";
  replyToken: string;
  postback: { data: string; params?: Record<string, string> };
};
/** `replyToken` is absent when linking failed (webhook.yml, AccountLinkEvent). */
export type AccountLinkEvent = EventBase & {
  type: "accountLink";
  replyToken?: string;
  link: { result: "ok" | "failed"; nonce: string };
};
export type WebhookEvent = TextMessageEvent | FollowEvent | UnfollowEvent | PostbackEvent | AccountLinkEvent;
export type WebhookBody = { destination: string; events: WebhookEvent[] };

/** What a test or the simulator asks for; the builder fills in IDs, tokens and timestamps. */
export type SandboxEventInput =
  | { type: "message"; text: string }
  | { type: "follow"; isUnblocked?: boolean }
  | { type: "unfollow" }
  | { type: "postback"; data: string; params?: Record<string, string> }
  | { type: "accountLink"; result: "ok" | "failed"; nonce: string };

export type BuildEventOptions = {
  userId: string;
  timestamp?: number;
  webhookEventId?: string;
  replyToken?: string;
  messageId?: string;
  quoteToken?: string;
  markAsReadToken?: string;
  isRedelivery?: boolean;
};

/** LINE gives reply tokens to message, follow, postback and successful accountLink events only. */
export function carriesReplyToken(input: SandboxEventInput): boolean {
  if (input.type === "accountLink") return input.result === "ok";
  return input.type !== "unfollow";
}

export function buildEvent(input: SandboxEventInput, options: BuildEventOptions): WebhookEvent {
  const timestamp = options.timestamp ?? Date.now();
  const base: EventBase = {
    webhookEventId: options.webhookEventId ?? ulid(timestamp),
    deliveryContext: { isRedelivery: options.isRedelivery ?? false },
    timestamp,
    source: { type: "user", userId: options.userId },
    mode: "active",
  };
  const replyToken = options.replyToken ?? opaqueToken();
  switch (input.type) {
    case "message":
      return {
        type: "message",
        message: {
          type: "text",
          id: options.messageId ?? messageId(),
          quoteToken: options.quoteToken ?? opaqueToken(32),
          markAsReadToken: options.markAsReadToken ?? opaqueToken(),
          text: input.text,
        },
        ...base,
        replyToken,
      };
    case "follow":
      return { type: "follow", follow: { isUnblocked: input.isUnblocked ?? false }, ...base, replyToken };
    case "unfollow":
      return { type: "unfollow", ...base };
    case "postback": {
      const postback = input.params ? { data: input.data, params: input.params } : { data: input.data };
      return { type: "postback", postback, ...base, replyToken };
    }
    case "accountLink": {
      const link = { result: input.result, nonce: input.nonce };
      return input.result === "ok" ? { type: "accountLink", link, ...base, replyToken } : { type: "accountLink", link, ...base };
    }
  }
}

/** Redelivery resends the same event (same webhookEventId, same replyToken) flagged as such. */
export function asRedelivery(event: WebhookEvent): WebhookEvent {
  return { ...structuredClone(event), deliveryContext: { isRedelivery: true } };
}

/**
 * Serialises like LINE: characters outside the Basic Multilingual Plane (emoji) are sent as `\uD83D\uDE00`
 * escape pairs. A bot that parses and re-serialises the body before checking the signature therefore
 * fails here as it would against LINE.
 */
export function serializeWebhookBody(body: WebhookBody): string {
  return JSON.stringify(body).replace(/[\u{10000}-\u{10FFFF}]/gu, (char) => {
    const high = char.charCodeAt(0).toString(16).toUpperCase();
    const low = char.charCodeAt(1).toString(16).toUpperCase();
    return `\\u${high}\\u${low}`;
  });
}

/** Body and headers of a webhook request as LINE would send it. */
export async function signedWebhookRequest(
  channelSecret: string,
  body: WebhookBody,
): Promise<{ body: string; signature: string; headers: Record<string, string> }> {
  const text = serializeWebhookBody(body);
  const signature = await signBody(channelSecret, text);
  return {
    body: text,
    signature,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "LineBotWebhook/2.0",
      "x-line-signature": signature,
    },
  };
}
