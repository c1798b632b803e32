// Plays the LINE platform's side of webhooks: turns "the user did X" into an event as LINE would send it,
// applies what X changes (chat, friendship, tokens), signs the exact body bytes and POSTs it to the bot.
// https://developers.line.biz/en/reference/messaging-api/#webhooks

import type { WebhookEvent } from "./events.ts";
import { asRedelivery, buildEvent, carriesReplyToken, type SandboxEventInput, signedWebhookRequest } from "./events.ts";
import { messageId, opaqueToken } from "./ids.ts";
import { chatOf, issueReplyToken } from "./messaging/delivery.ts";
import { appendBounded, isoAt, type SandboxState, type SandboxUser, setBounded } from "./state.ts";
import { ensureUser } from "./users.ts";

export type WebhookRequest = {
  userId: string;
  /** `displayText` on a postback shows that text in the chat as the user's, as LINE does. */
  event: SandboxEventInput & { displayText?: string };
  replyTokenTtlMs?: number;
};

export type PreparedWebhook = {
  webhookEventId: string;
  replyToken: string | null;
  event: WebhookEvent;
  /** The exact string that was signed; post it byte for byte. */
  body: string;
  signature: string;
  headers: Record<string, string>;
};

export type WebhookResult = PreparedWebhook & {
  status: number;
  durationMs: number;
  error: string | null;
  response: string | null;
};

type EventIds = { messageId: string; markAsReadToken: string };

/** What the user's action changes on LINE's side: friendship, their chat, the mark-as-read token. */
function applyUserSide(state: SandboxState, user: SandboxUser, input: WebhookRequest["event"], ids: EventIds): void {
  if (input.type === "follow" || input.type === "unfollow") {
    user.friend = input.type === "follow";
    user.blockedAt = input.type === "unfollow" ? isoAt(state) : null;
  }
  // A postback with displayText shows that text as the user's message, though the bot gets no message event.
  const shownText = input.type === "message" ? input.text : input.type === "postback" ? input.displayText : undefined;
  if (shownText !== undefined) {
    const message = { type: "text", text: shownText };
    appendBounded(chatOf(state, user.userId), { from: "user", at: isoAt(state), messageId: ids.messageId, message, readAt: null });
  }
  if (input.type === "message") {
    setBounded(state.markAsReadTokens, ids.markAsReadToken, { userId: user.userId, messageId: ids.messageId });
  }
}

/** Applies the event's effects and builds the signed request, without sending it. */
export async function prepareWebhook(state: SandboxState, request: WebhookRequest): Promise<PreparedWebhook> {
  const user = ensureUser(state, request.userId);
  const input = request.event;
  const replyToken = carriesReplyToken(input) ? opaqueToken() : null;
  const ids: EventIds = { messageId: messageId(), markAsReadToken: opaqueToken() };
  // Following again after an unfollow (block) is an unblock; a first follow is not.
  const isUnblocked = input.type === "follow" ? (input.isUnblocked ?? (!user.friend && user.blockedAt !== null)) : false;
  const event = buildEvent(input.type === "follow" ? { type: "follow", isUnblocked } : input, {
    userId: user.userId,
    timestamp: state.now(),
    ...ids,
    ...(replyToken ? { replyToken } : {}),
  });
  applyUserSide(state, user, input, ids);
  if (replyToken) issueReplyToken(state, replyToken, user.userId, event.webhookEventId, request.replyTokenTtlMs);
  setBounded(state.webhookEvents, event.webhookEventId, { userId: user.userId, event });
  return signed(state, event, replyToken);
}

async function signed(state: SandboxState, event: WebhookEvent, replyToken: string | null): Promise<PreparedWebhook> {
  const request = await signedWebhookRequest(state.channel.channelSecret, {
    destination: state.channel.botUserId,
    events: [event],
  });
  return { webhookEventId: event.webhookEventId, replyToken, event, ...request };
}

/** POSTs a prepared webhook to the configured URL; network failures come back as status 0. */
export async function postWebhook(state: SandboxState, prepared: PreparedWebhook): Promise<WebhookResult> {
  const url = state.config.webhookUrl;
  const started = performance.now();
  let status = 0;
  let error: string | null = null;
  let response: string | null = null;
  if (!url) {
    error = "no webhook URL configured";
  } else {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: prepared.headers,
        body: prepared.body,
        signal: AbortSignal.timeout(state.config.webhookTimeoutMs),
      });
      status = res.status;
      response = (await res.text()).slice(0, 2_000);
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  appendBounded(state.deliveries, {
    webhookEventId: prepared.webhookEventId,
    userId: prepared.event.source.userId,
    type: prepared.event.type,
    isRedelivery: prepared.event.deliveryContext.isRedelivery,
    status,
    error,
    durationMs,
    at: isoAt(state),
  });
  return { ...prepared, status, durationMs, error, response };
}

export async function sendWebhook(state: SandboxState, request: WebhookRequest): Promise<WebhookResult> {
  return postWebhook(state, await prepareWebhook(state, request));
}

/** Resends a stored event unchanged but for `deliveryContext.isRedelivery: true`; null when unknown. */
export async function redeliverWebhook(state: SandboxState, webhookEventId: string): Promise<WebhookResult | null> {
  const record = state.webhookEvents.get(webhookEventId);
  if (!record) return null;
  const event = asRedelivery(record.event);
  const replyToken = "replyToken" in event && event.replyToken ? event.replyToken : null;
  return postWebhook(state, await signed(state, event, replyToken));
}
