import { deleteWebhookEvents, insertNewWebhookEvents } from "@enishi/db";
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { AppError, badRequest } from "../errors.ts";
import { jobsQueue } from "../jobs/job.ts";
import { EnvelopeEventSchema, HANDLED_EVENT_TYPES, WebhookBodySchema } from "./events.ts";
import { verifyLineSignature } from "./verify-signature.ts";

// LINE's webhook bodies are small; anything this big is not LINE.
const MAX_BODY_BYTES = 1_000_000;

/**
 * POST /webhook: verify → dedupe → enqueue → 200. Nothing slow happens here (LINE times out at 2 s);
 * the queue consumer does the work. Unknown event types are acknowledged and ignored.
 */
export const webhookRoutes = new Hono<AppEnv>().post("/", async function receiveWebhook(c) {
  const raw = await c.req.arrayBuffer();
  if (raw.byteLength > MAX_BODY_BYTES) throw new AppError(413, "payload_too_large", "Webhook body too large");
  const ok = await verifyLineSignature(c.var.config.channelSecret, raw, c.req.header("x-line-signature"));
  if (!ok) throw new AppError(401, "unauthorized", "Invalid or missing x-line-signature");

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw badRequest("Webhook body is not JSON");
  }
  const body = WebhookBodySchema.safeParse(json);
  if (!body.success) throw badRequest("Webhook body has no events array");

  const envelopes = body.data.events.flatMap((raw) => {
    const parsed = EnvelopeEventSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn(JSON.stringify({ msg: "webhook_event_skipped", reason: "unparseable envelope" }));
      return [];
    }
    if (!HANDLED_EVENT_TYPES.has(parsed.data.type)) return [];
    return [{ envelope: parsed.data, raw: raw as Record<string, unknown> }];
  });
  if (envelopes.length === 0) return c.json({ ok: true, queued: 0 });

  const now = Date.now();
  const fresh = await insertNewWebhookEvents(
    c.var.db,
    envelopes.map(({ envelope }) => ({
      webhookEventId: envelope.webhookEventId,
      eventType: envelope.type,
      lineUserId: envelope.source?.userId ?? null,
      isRedelivery: envelope.deliveryContext?.isRedelivery ?? false,
      eventTimestamp: envelope.timestamp,
    })),
    now,
  );
  const toQueue = envelopes.filter(({ envelope }) => fresh.has(envelope.webhookEventId));
  if (toQueue.length > 0) {
    try {
      await jobsQueue(c.env).sendBatch(
        toQueue.map(({ raw }) => ({ body: { type: "webhook-event" as const, receivedAt: now, event: raw } })),
      );
    } catch (error) {
      // Forget the events so LINE's redelivery (after our 500) is not mistaken for a duplicate.
      await deleteWebhookEvents(
        c.var.db,
        toQueue.map(({ envelope }) => envelope.webhookEventId),
      );
      throw error;
    }
  }
  return c.json({ ok: true, queued: toQueue.length });
});
