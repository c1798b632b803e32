import type { Database, MessageRow, MessageSender } from "@enishi/db";
import { insertOutboundMessages, markMessagesPushing, updateMessagesDelivery } from "@enishi/db";
import type { messagingApi } from "@line/bot-sdk";
import type { Kysely } from "kysely";
import { callLine } from "./call.ts";
import type { LineClients } from "./client.ts";
import { LineApiError } from "./errors.ts";

export type LineMessage = messagingApi.Message;

export interface SendRequest {
  to: string;
  messages: readonly LineMessage[];
  sender: MessageSender;
  /** Idempotency key of this send (e.g. `evt:<webhookEventId>`): a re-run finds the rows and retry key. */
  key: string;
  replyToken?: string | undefined;
  staffUserId?: string | null;
}

export interface SendOutcome {
  delivered: boolean;
  method: "reply" | "push" | null;
  messageIds: number[];
  requestId: string | null;
}

function describe(message: LineMessage): { kind: string; text: string | null } {
  if (message.type === "text") return { kind: "text", text: message.text };
  if (message.type === "flex") return { kind: "flex", text: message.altText };
  if (message.type === "template") return { kind: "template", text: message.altText };
  return { kind: message.type, text: null };
}

async function recordPending(db: Kysely<Database>, req: SendRequest, now: number): Promise<MessageRow[]> {
  // One retry key per send, generated on the first attempt and kept in the rows for every later one.
  const retryKey = crypto.randomUUID();
  return insertOutboundMessages(
    db,
    req.messages.map((message, i) => {
      const { kind, text } = describe(message);
      return {
        line_user_id: req.to,
        direction: "out" as const,
        sender: req.sender,
        kind,
        text,
        payload: JSON.stringify(message),
        line_message_id: null,
        webhook_event_id: null,
        delivery: "pending" as const,
        method: null,
        retry_key: retryKey,
        line_request_id: null,
        error: null,
        staff_user_id: req.staffUserId ?? null,
        outbound_key: `${req.key}:${i}`,
        created_at: now,
        sent_at: null,
      };
    }),
  );
}

/**
 * Sends to one user and records every message in the timeline with its delivery status: reply first
 * (free), push when the reply token is missing, used or expired. Push carries an X-Line-Retry-Key so its
 * retries (5xx, timeouts, a re-run job) deliver once. A permanent refusal is recorded as failed; 429 and
 * exhausted retries throw so the queue retries the job later with the same key.
 */
export async function sendToUser(db: Kysely<Database>, line: LineClients, req: SendRequest): Promise<SendOutcome> {
  const rows = await recordPending(db, req, Date.now());
  const ids = rows.map((r) => r.id);
  if (rows.length > 0 && rows.every((r) => r.delivery === "sent")) {
    return {
      delivered: true,
      method: rows[0]?.method === "reply" ? "reply" : "push",
      messageIds: ids,
      requestId: rows[0]?.line_request_id ?? null,
    };
  }
  const retryKey = rows[0]?.retry_key ?? crypto.randomUUID();
  const messages = [...req.messages];
  const base = { timeoutMs: line.timeoutMs, backoffMs: line.backoffMs };

  // A job that already fell back to push once must not reply now: its push may have been accepted.
  const mayReply = req.replyToken !== undefined && rows.every((r) => r.method !== "push");
  if (mayReply && req.replyToken) {
    try {
      const result = await callLine("reply", () => line.api.replyMessageWithHttpInfo({ replyToken: req.replyToken as string, messages }), {
        ...base,
        retry: false,
      });
      await updateMessagesDelivery(db, ids, {
        delivery: "sent",
        method: "reply",
        retryKey: null,
        lineRequestId: result.requestId,
        error: null,
        at: Date.now(),
      });
      return { delivered: true, method: "reply", messageIds: ids, requestId: result.requestId };
    } catch (error) {
      if (!(error instanceof LineApiError)) throw error;
      // Invalid token → push. A 5xx or timeout on reply is ambiguous; push is the only way left to be heard.
      if (error.permanent && !error.isInvalidReplyToken) return fail(db, ids, "reply", error);
    }
  }

  try {
    await markMessagesPushing(db, ids, retryKey);
    const result = await callLine("push", () => line.api.pushMessageWithHttpInfo({ to: req.to, messages }, retryKey), {
      ...base,
      retry: true,
    });
    await updateMessagesDelivery(db, ids, {
      delivery: "sent",
      method: "push",
      retryKey,
      lineRequestId: result.requestId,
      error: null,
      at: Date.now(),
    });
    return { delivered: true, method: "push", messageIds: ids, requestId: result.requestId };
  } catch (error) {
    if (error instanceof LineApiError && (error.permanent || error.quotaExhausted)) return fail(db, ids, "push", error, retryKey);
    throw error;
  }
}

async function fail(
  db: Kysely<Database>,
  ids: number[],
  method: "reply" | "push",
  error: LineApiError,
  retryKey: string | null = null,
): Promise<SendOutcome> {
  await updateMessagesDelivery(db, ids, {
    delivery: "failed",
    method,
    retryKey,
    lineRequestId: error.requestId,
    error: `${error.status ?? "-"} ${error.message}: ${error.body}`.slice(0, 500),
    at: Date.now(),
  });
  console.error(
    JSON.stringify({
      msg: "line_send_failed",
      method,
      status: error.status,
      requestId: error.requestId,
      quotaExhausted: error.quotaExhausted,
    }),
  );
  return { delivered: false, method, messageIds: ids, requestId: error.requestId };
}
