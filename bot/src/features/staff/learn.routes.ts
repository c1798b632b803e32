import { findCustomerMessage, findFriend } from "@enishi/db";
import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { badRequest, notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { createFaqEntry, FaqEntryInputSchema } from "../faq/faq-admin.service.ts";
import { suggestPhrasing } from "../faq/learning.service.ts";
import { staffOf } from "./staff-context.ts";

const UserParam = z.object({ userId: LineUserIdSchema });
const LearnBody = z.union([
  z.object({ messageId: z.number().int().positive(), entryId: z.string().min(1).max(100) }),
  z.object({ messageId: z.number().int().positive(), newEntry: FaqEntryInputSchema.omit({ enabled: true, id: true }) }),
]);

/**
 * Teaching the bot (issue 4 §3): a customer's question that staff answered is attached to an FAQ entry —
 * an existing one, or one created here — as a phrasing pending review in the admin.
 */
export const learnRoutes = new Hono<AppEnv>().post(
  "/:userId/learn",
  zValidator("param", UserParam, validationHook),
  zValidator("json", LearnBody, validationHook),
  async function learnFromChat(c) {
    const { userId } = c.req.valid("param");
    const body = c.req.valid("json");
    const deps = c.var.deps;
    if (!(await findFriend(deps.db, userId))) throw notFound("No such friend / 友だちが見つかりません");
    const message = await findCustomerMessage(deps.db, userId, body.messageId);
    if (!message?.text) throw badRequest("Choose a text message from this customer / このお客様のテキストメッセージを選んでください");
    const staff = staffOf(c);
    const at = Date.now();
    const entryId = "entryId" in body ? body.entryId : (await createFaqEntry(deps, { ...body.newEntry, enabled: true }, at)).id;
    const outcome = await suggestPhrasing(deps, {
      entryId,
      question: message.text,
      source: "staff",
      lineUserId: userId,
      messageId: message.id,
      suggestedBy: staff.userId,
      at,
    });
    if (outcome === "no-entry") throw notFound("No such FAQ entry / FAQ が見つかりません");
    await recordAudit(deps, { staffUserId: staff.userId, storeId: null, action: "faq.attach", targetUserId: userId, subjectRef: entryId });
    return c.json({ entryId, outcome }, 201);
  },
);
