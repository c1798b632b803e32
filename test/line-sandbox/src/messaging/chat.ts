// Chat-screen effects and quota: loading animation, mark-as-read, monthly quota and consumption.
// https://developers.line.biz/en/reference/messaging-api/#display-a-loading-indicator
// https://developers.line.biz/en/reference/messaging-api/#mark-as-read
// https://developers.line.biz/en/reference/messaging-api/#get-quota
import { Hono } from "hono";
import { lineEndpoint } from "../http/endpoint.ts";
import { isRecord, jsonBody, type SandboxEnv } from "../http/env.ts";
import { bodyErrors, lineError } from "../http/errors.ts";
import { isoAt, type SandboxState } from "../state.ts";

const DEFAULT_LOADING_SECONDS = 20;

/** Marks the user's messages as read, up to and including `untilMessageId` (all when null). */
function markRead(state: SandboxState, userId: string, untilMessageId: string | null): void {
  const chat = state.chats.get(userId) ?? [];
  const at = isoAt(state);
  for (const item of chat) {
    if (item.from === "user" && !item.readAt) item.readAt = at;
    if (item.messageId === untilMessageId) break;
  }
}

export function chatRoutes(state: SandboxState) {
  return (
    new Hono<SandboxEnv>()
      .post("/v2/bot/chat/loading/start", lineEndpoint(state, "loading"), (c) => {
        const body = jsonBody(c);
        const req = isRecord(body) ? body : {};
        const seconds = req.loadingSeconds ?? DEFAULT_LOADING_SECONDS;
        if (typeof seconds !== "number" || seconds < 5 || seconds > 60 || seconds % 5 !== 0) {
          throw bodyErrors([{ message: "must be a multiple of 5 between 5 and 60", property: "loadingSeconds" }]);
        }
        const user = typeof req.chatId === "string" ? state.users.get(req.chatId) : undefined;
        if (!user) throw lineError(400, "Invalid chatId");
        if (user.friend) state.loadingUntil.set(user.userId, state.now() + seconds * 1000);
        return c.json({}, 202);
      })
      .post("/v2/bot/chat/markAsRead", lineEndpoint(state, "markAsRead"), (c) => {
        const body = jsonBody(c);
        const token = isRecord(body) ? body.markAsReadToken : undefined;
        if (typeof token !== "string" || token === "") {
          throw bodyErrors([{ message: "must be specified", property: "markAsReadToken" }]);
        }
        const target = state.markAsReadTokens.get(token);
        if (!target) throw lineError(400, "Invalid markAsReadToken");
        markRead(state, target.userId, target.messageId);
        return c.json({});
      })
      // The older partner-only variant marks the whole chat with a user as read.
      .post("/v2/bot/message/markAsRead", lineEndpoint(state, "markAsReadByUser"), (c) => {
        const body = jsonBody(c);
        const chat = isRecord(body) && isRecord(body.chat) ? body.chat : {};
        if (typeof chat.userId !== "string" || !state.users.has(chat.userId)) {
          throw bodyErrors([{ message: "invalid user ID", property: "chat.userId" }]);
        }
        markRead(state, chat.userId, null);
        return c.json({});
      })
      .get("/v2/bot/message/quota", lineEndpoint(state, "quota"), (c) => {
        const limit = state.config.monthlyQuota;
        return c.json(limit === null ? { type: "none" } : { type: "limited", value: limit });
      })
      .get("/v2/bot/message/quota/consumption", lineEndpoint(state, "quotaConsumption"), (c) => c.json({ totalUsage: state.quotaUsage }))
  );
}
