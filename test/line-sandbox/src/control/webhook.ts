// Control API for the webhook sender and for reply tokens minted outside a webhook (integration tests that
// build and sign events themselves with events.ts/signature.ts still need tokens the sandbox accepts).
import { Hono } from "hono";
import { z } from "zod";
import type { SandboxEnv } from "../http/env.ts";
import { opaqueToken } from "../ids.ts";
import { issueReplyToken } from "../messaging/delivery.ts";
import type { SandboxState } from "../state.ts";
import { prepareWebhook, redeliverWebhook, sendWebhook } from "../webhook-sender.ts";
import { controlError, parseControlBody } from "./validation.ts";

const EventInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), text: z.string().min(1).max(5_000) }),
  z.object({ type: z.literal("follow"), isUnblocked: z.boolean().optional() }),
  z.object({ type: z.literal("unfollow") }),
  z.object({
    type: z.literal("postback"),
    data: z.string().max(300),
    params: z.record(z.string(), z.string()).optional(),
    displayText: z.string().max(300).optional(),
  }),
  z.object({ type: z.literal("accountLink"), result: z.enum(["ok", "failed"]), nonce: z.string().min(1) }),
]);

const WebhookInputSchema = z.object({
  userId: z.string().regex(/^U[0-9a-f]{32}$/, "LINE user ID: U + 32 lowercase hex digits"),
  event: EventInputSchema,
  replyTokenTtlMs: z.number().int().nonnegative().optional(),
});

const ReplyTokenInputSchema = z.object({
  userId: z.string().min(1),
  ttlMs: z.number().int().nonnegative().optional(),
});

export function webhookControlRoutes(state: SandboxState) {
  return (
    new Hono<SandboxEnv>()
      .post("/__sandbox/webhook/send", async (c) => {
        const input = await parseControlBody(c, WebhookInputSchema);
        if (!state.config.webhookUrl) throw controlError(409, "No webhook URL: PUT /__sandbox/config { webhookUrl }");
        return c.json(await sendWebhook(state, input));
      })
      // Same effects and signed body as send, but returned instead of posted: the caller posts it itself.
      .post("/__sandbox/webhook/build", async (c) => {
        return c.json(await prepareWebhook(state, await parseControlBody(c, WebhookInputSchema)));
      })
      .post("/__sandbox/webhook/redeliver", async (c) => {
        const { webhookEventId } = await parseControlBody(c, z.object({ webhookEventId: z.string().min(1) }));
        const result = await redeliverWebhook(state, webhookEventId);
        if (!result) throw controlError(404, `Unknown webhookEventId ${webhookEventId}`);
        return c.json(result);
      })
      .get("/__sandbox/webhook/deliveries", (c) => c.json({ deliveries: state.deliveries }))
      .post("/__sandbox/reply-tokens", async (c) => {
        const input = await parseControlBody(c, ReplyTokenInputSchema);
        if (!state.users.has(input.userId)) throw controlError(404, `Unknown user ${input.userId}: create it first`);
        const replyToken = opaqueToken();
        const record = issueReplyToken(state, replyToken, input.userId, null, input.ttlMs);
        return c.json({ replyToken, expiresAt: new Date(record.expiresAt).toISOString() });
      })
      .post("/__sandbox/reply-tokens/:replyToken/expire", (c) => {
        const record = state.replyTokens.get(c.req.param("replyToken"));
        if (!record) throw controlError(404, "Unknown reply token");
        record.expiresAt = Math.min(record.expiresAt, state.now());
        return c.json({ expiresAt: new Date(record.expiresAt).toISOString() });
      })
  );
}
