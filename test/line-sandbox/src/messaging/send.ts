// Reply, push and multicast (https://developers.line.biz/en/reference/messaging-api/#send-reply-message
// and following), plus the message validation endpoints. The order of checks follows LINE: token and
// headers (endpoint wrapper), retry key already accepted → 409, body → 400, recipients, quota → 429.
import { Hono } from "hono";
import { lineEndpoint } from "../http/endpoint.ts";
import { isRecord, jsonBody, type SandboxContext, type SandboxEnv } from "../http/env.ts";
import { bodyErrors, type LineErrorDetail, lineError } from "../http/errors.ts";
import type { SandboxState } from "../state.ts";
import { acceptedRetryKey, chargeQuota, consumeReplyToken, deliver, rememberRetryKey, retryConflict } from "./delivery.ts";
import { validateMessages } from "./message-rules.ts";

export const MAX_MULTICAST_RECIPIENTS = 500;
const USER_ID = /^U[0-9a-f]{32}$/;

type Checked = { body: Record<string, unknown>; messages: Record<string, unknown>[] };

function checkBody(c: SandboxContext, extra: (body: Record<string, unknown>) => LineErrorDetail[]): Checked {
  const raw = jsonBody(c);
  const body = isRecord(raw) ? raw : {};
  const errors = [...extra(body), ...validateMessages(body.messages)];
  if (errors.length > 0) throw bodyErrors(errors);
  return { body, messages: body.messages as Record<string, unknown>[] };
}

function requiredString(body: Record<string, unknown>, field: string): LineErrorDetail[] {
  return typeof body[field] === "string" && body[field] !== "" ? [] : [{ message: "must be specified", property: field }];
}

function recipientRules(to: unknown): LineErrorDetail[] {
  if (!Array.isArray(to)) return [{ message: "must be specified", property: "to" }];
  if (to.length < 1 || to.length > MAX_MULTICAST_RECIPIENTS) {
    return [{ message: `Size must be between 1 and ${MAX_MULTICAST_RECIPIENTS}`, property: "to" }];
  }
  return to.flatMap((id, i) => (typeof id === "string" && USER_ID.test(id) ? [] : [{ message: "invalid user ID", property: `to[${i}]` }]));
}

/** A retried push/multicast whose first attempt was accepted: 409, nothing delivered again. */
function refuseAcceptedRetry(c: SandboxContext, state: SandboxState): string | null {
  const retryKey = c.req.header("x-line-retry-key") ?? null;
  const accepted = acceptedRetryKey(state, retryKey);
  if (accepted) throw retryConflict(accepted);
  return retryKey;
}

export function sendRoutes(state: SandboxState) {
  return new Hono<SandboxEnv>()
    .post("/v2/bot/message/reply", lineEndpoint(state, "reply"), (c) => {
      const { body, messages } = checkBody(c, (b) => requiredString(b, "replyToken"));
      const token = consumeReplyToken(state, String(body.replyToken));
      return c.json({ sentMessages: deliver(state, token.userId, messages, "reply") });
    })
    .post("/v2/bot/message/push", lineEndpoint(state, "push", { retryKey: true }), (c) => {
      const retryKey = refuseAcceptedRetry(c, state);
      const { body, messages } = checkBody(c, (b) => requiredString(b, "to"));
      const user = state.users.get(String(body.to));
      // LINE answers 400 when `to` names no user it can send to.
      if (!user) throw lineError(400, "The property, 'to', in the request body is invalid (line: -, column: -)");
      chargeQuota(state, user.friend ? 1 : 0);
      const response = { sentMessages: deliver(state, user.userId, messages, "push") };
      rememberRetryKey(state, retryKey, c.get("requestId"), response);
      return c.json(response);
    })
    .post("/v2/bot/message/multicast", lineEndpoint(state, "multicast", { retryKey: true }), (c) => {
      const retryKey = refuseAcceptedRetry(c, state);
      const { body, messages } = checkBody(c, (b) => recipientRules(b.to));
      // Multicast silently skips IDs that are well-formed but not friends; duplicates get one copy.
      const recipients = [...new Set(body.to as string[])].filter((id) => state.users.get(id)?.friend);
      chargeQuota(state, recipients.length);
      for (const userId of recipients) deliver(state, userId, messages, "multicast");
      rememberRetryKey(state, retryKey, c.get("requestId"), {});
      return c.json({});
    })
    .post("/v2/bot/message/validate/:kind{reply|push|multicast|narrowcast|broadcast}", lineEndpoint(state, "validate"), (c) => {
      checkBody(c, () => []);
      return c.json({});
    });
}
