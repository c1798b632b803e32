import { findBatchPage, findBroadcast } from "@enishi/db";
import { CreateBroadcastSchema, EstimateBroadcastSchema } from "@enishi/shared/broadcasts/index";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { cancel, createBroadcast, estimate, getBroadcast, recentBroadcasts, resume } from "./broadcasts.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const BatchQuery = z.object({
  after: z.coerce.number().int().min(-1).default(-1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Admin: compose, estimate, schedule or send now, follow progress batch by batch, cancel, resume. */
export const broadcastRoutes = new Hono<AppEnv>()
  .get("/", async function listBroadcasts(c) {
    return c.json({ broadcasts: await recentBroadcasts(c.var.deps, 30) });
  })
  .post("/estimate", zValidator("json", EstimateBroadcastSchema, validationHook), async function estimateBroadcast(c) {
    return c.json(await estimate(c.var.deps, c.req.valid("json")));
  })
  .post("/", zValidator("json", CreateBroadcastSchema, validationHook), async function create(c) {
    const dto = await createBroadcast(c.var.deps, c.req.valid("json"), c.var.user?.userId ?? null);
    return c.json(dto, 201);
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function get(c) {
    return c.json(await getBroadcast(c.var.deps, c.req.valid("param").id));
  })
  .get(
    "/:id/batches",
    zValidator("param", IdParam, validationHook),
    zValidator("query", BatchQuery, validationHook),
    async function batches(c) {
      const { id } = c.req.valid("param");
      const { after, limit } = c.req.valid("query");
      if (!(await findBroadcast(c.var.db, id))) throw notFound("No such broadcast / 配信が見つかりません");
      const rows = await findBatchPage(c.var.db, id, after, limit);
      return c.json({
        batches: rows.map((b) => ({
          seq: b.seq,
          status: b.status,
          recipients: b.recipient_count,
          sent: b.sent_count,
          failed: b.failed_count,
          lineRequestId: b.line_request_id,
          error: b.error,
          completedAt: b.completed_at,
        })),
        next: rows.length === limit ? (rows.at(-1)?.seq ?? null) : null,
      });
    },
  )
  .post("/:id/cancel", zValidator("param", IdParam, validationHook), async function cancelBroadcast(c) {
    return c.json(await cancel(c.var.deps, c.req.valid("param").id));
  })
  .post("/:id/resume", zValidator("param", IdParam, validationHook), async function resumeBroadcast(c) {
    return c.json(await resume(c.var.deps, c.req.valid("param").id));
  });
