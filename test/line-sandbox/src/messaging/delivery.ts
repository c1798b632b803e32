// What happens once LINE accepts a send request: messages land in the user's chat, the monthly quota is
// charged, reply tokens are consumed, retry keys are remembered. Shared by reply, push and multicast.
import { lineError, type SandboxHttpError } from "../http/errors.ts";
import { messageId, opaqueToken } from "../ids.ts";
import type { AcceptedRetryKey, ChatItem, ChatVia, ReplyTokenRecord, SandboxState } from "../state.ts";
import { appendBounded, isoAt, setBounded } from "../state.ts";
import { isQuotable } from "./message-rules.ts";

export type SentMessage = { id: string; quoteToken?: string };

/** LINE remembers an accepted retry key for 24 hours. */
const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export function chatOf(state: SandboxState, userId: string): ChatItem[] {
  let chat = state.chats.get(userId);
  if (!chat) {
    chat = [];
    state.chats.set(userId, chat);
  }
  return chat;
}

/**
 * Appends the messages to the user's chat and returns LINE's `sentMessages`. A user who blocked the
 * account (unfollow) sees nothing, yet LINE still answers 200: a bot cannot tell from the answer.
 */
export function deliver(state: SandboxState, userId: string, messages: Record<string, unknown>[], via: ChatVia): SentMessage[] {
  const user = state.users.get(userId);
  const sent = messages.map((message) => {
    const id = messageId();
    return isQuotable(message) ? { id, quoteToken: opaqueToken(32) } : { id };
  });
  if (!user?.friend) return sent;
  const chat = chatOf(state, userId);
  const at = isoAt(state);
  messages.forEach((message, i) => {
    appendBounded(chat, { from: "bot", at, messageId: sent[i]?.id ?? messageId(), message, via });
  });
  // The loading animation disappears as soon as a message from the account arrives.
  state.loadingUntil.delete(userId);
  return sent;
}

/** Single use, expiring after about a minute: anything else is LINE's "Invalid reply token". */
export function consumeReplyToken(state: SandboxState, replyToken: string): ReplyTokenRecord {
  const record = state.replyTokens.get(replyToken);
  const now = state.now();
  if (!record || record.usedAt !== null || record.expiresAt <= now) {
    throw lineError(400, "Invalid reply token");
  }
  record.usedAt = now;
  return record;
}

export function issueReplyToken(
  state: SandboxState,
  replyToken: string,
  userId: string,
  webhookEventId: string | null,
  ttlMs = state.config.replyTokenTtlMs,
): ReplyTokenRecord {
  const record = { userId, webhookEventId, expiresAt: state.now() + ttlMs, usedAt: null };
  setBounded(state.replyTokens, replyToken, record);
  return record;
}

export function acceptedRetryKey(state: SandboxState, retryKey: string | null): AcceptedRetryKey | null {
  if (retryKey === null) return null;
  const accepted = state.retryKeys.get(retryKey);
  if (!accepted || accepted.acceptedAt + RETRY_KEY_TTL_MS <= state.now()) return null;
  return accepted;
}

/** 409 for a retry of an accepted request, naming the request that was accepted. */
export function retryConflict(accepted: AcceptedRetryKey): SandboxHttpError {
  const sentMessages =
    typeof accepted.response === "object" && accepted.response !== null && "sentMessages" in accepted.response
      ? accepted.response.sentMessages
      : undefined;
  const error = lineError(409, "The retry key is already accepted", [], {
    "x-line-accepted-request-id": accepted.requestId,
  });
  if (sentMessages !== undefined) error.body.sentMessages = sentMessages;
  return error;
}

export function rememberRetryKey(state: SandboxState, retryKey: string | null, requestId: string, response: unknown): void {
  if (retryKey === null) return;
  setBounded(state.retryKeys, retryKey, { requestId, acceptedAt: state.now(), response });
}

/**
 * Push and multicast count one message per recipient against the monthly limit, however many message
 * objects the request holds; replies are free. An exhausted quota rejects the whole request.
 */
export function chargeQuota(state: SandboxState, recipients: number): void {
  const limit = state.config.monthlyQuota;
  if (limit !== null && state.quotaUsage + recipients > limit) {
    throw lineError(429, "You have reached your monthly limit.");
  }
  state.quotaUsage += recipients;
}
