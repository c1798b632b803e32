import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { listAudit } from "./audit.service.ts";

const AuditQuery = z.object({
  targetUserId: LineUserIdSchema.optional(),
  staffUserId: LineUserIdSchema.optional(),
  storeId: z.string().max(64).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,40}$/, "action prefix like points. / points. のような接頭辞")
    .optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `/api/admin/audit` — staff actions, newest first; filter by customer, staff, store or action prefix. */
export const auditAdminRoutes = new Hono<AppEnv>().get("/", zValidator("query", AuditQuery, validationHook), async function listEntries(c) {
  const q = c.req.valid("query");
  const entries = await listAudit(c.var.deps, {
    ...(q.targetUserId ? { targetUserId: q.targetUserId } : {}),
    ...(q.staffUserId ? { staffUserId: q.staffUserId } : {}),
    ...(q.storeId ? { storeId: q.storeId } : {}),
    ...(q.action ? { actionPrefix: q.action } : {}),
    ...(q.before ? { beforeId: q.before } : {}),
    limit: q.limit,
  });
  return c.json({ entries });
});
