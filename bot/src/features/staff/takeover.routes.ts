import { advanceReadThrough, findAllStaff, findFriend, findReadMark } from "@enishi/db";
import { hasRole, LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import { rolesOf } from "../../auth/roles.ts";
import type { AppEnv } from "../../context.ts";
import { badRequest, notFound } from "../../errors.ts";
import { notifyInbox } from "../../inbox/notify.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import { validationHook } from "../../validation.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { changeTakeover } from "../takeover/takeover.service.ts";
import { heldBy, staffOf, takeoverView } from "./staff-context.ts";

const UserParam = z.object({ userId: LineUserIdSchema });
const ForceBody = z.object({ force: z.boolean().default(false) }).default({ force: false });
const AssignBody = z.object({ staffUserId: LineUserIdSchema });
const MarkAsReadPayload = z.object({ markAsReadToken: z.string().min(1) }).loose();

async function requireFriend(db: Parameters<typeof findFriend>[0], userId: string): Promise<void> {
  if (!(await findFriend(db, userId))) throw notFound("No such friend / 友だちが見つかりません");
}

/**
 * Staff take, assign and resolve chats (issue 4 §5–6). Taking a chat someone else holds answers 409 with
 * who holds it, unless `force` says the member of staff means to take it over; assigning is explicit by
 * nature. Resolving hands the chat back to the bot.
 */
export const takeoverRoutes = new Hono<AppEnv>()
  .post(
    "/:userId/take",
    zValidator("param", UserParam, validationHook),
    zValidator("json", ForceBody, validationHook),
    async function take(c) {
      const { userId } = c.req.valid("param");
      const { force } = c.req.valid("json");
      const deps = c.var.deps;
      await requireFriend(deps.db, userId);
      const staff = staffOf(c);
      const change = await changeTakeover(deps, userId, { type: "take", staff, at: Date.now(), force }, staff);
      if (change.outcome === "conflict") heldBy(change.holder);
      if (change.outcome === "changed")
        await recordAudit(deps, { staffUserId: staff.userId, storeId: null, action: "chat.take", targetUserId: userId });
      return c.json({ takeover: takeoverView(change.current) });
    },
  )
  .post(
    "/:userId/assign",
    zValidator("param", UserParam, validationHook),
    zValidator("json", AssignBody, validationHook),
    async function assign(c) {
      const { userId } = c.req.valid("param");
      const { staffUserId } = c.req.valid("json");
      const deps = c.var.deps;
      await requireFriend(deps.db, userId);
      if (!hasRole(await rolesOf(deps, staffUserId), "staff"))
        throw badRequest("That person is not a member of staff / スタッフではありません");
      const name = (await findAllStaff(deps.db)).find((s) => s.line_user_id === staffUserId && s.display_name)?.display_name ?? null;
      const actor = staffOf(c);
      const staff = staffUserId === actor.userId ? actor : { userId: staffUserId, name };
      const change = await changeTakeover(deps, userId, { type: "assign", staff, at: Date.now() }, actor);
      if (change.outcome === "changed")
        await recordAudit(deps, {
          staffUserId: actor.userId,
          storeId: null,
          action: "chat.assign",
          targetUserId: userId,
          details: { to: staffUserId },
        });
      return c.json({ takeover: takeoverView(change.current) });
    },
  )
  .post(
    "/:userId/resolve",
    zValidator("param", UserParam, validationHook),
    zValidator("json", ForceBody, validationHook),
    async function resolve(c) {
      const { userId } = c.req.valid("param");
      const { force } = c.req.valid("json");
      const deps = c.var.deps;
      await requireFriend(deps.db, userId);
      const staff = staffOf(c);
      const change = await changeTakeover(deps, userId, { type: "resolve", staff, at: Date.now(), force }, staff);
      if (change.outcome === "conflict") heldBy(change.holder);
      if (change.outcome === "changed")
        await recordAudit(deps, { staffUserId: staff.userId, storeId: null, action: "chat.resolve", targetUserId: userId });
      return c.json({ takeover: takeoverView(change.current) });
    },
  )
  /**
   * Staff opened the chat: mark the customer's messages as read in LINE (the "既読" they see) with the
   * newest message's markAsReadToken. Only moves forward, so opening twice calls LINE once.
   */
  .post("/:userId/read", zValidator("param", UserParam, validationHook), async function markRead(c) {
    const { userId } = c.req.valid("param");
    const deps = c.var.deps;
    const mark = await findReadMark(deps.db, userId);
    if (!mark) return c.json({ marked: false });
    if (!(await advanceReadThrough(deps.db, userId, mark.latestId, Date.now()))) return c.json({ marked: false });
    await notifyInbox(deps.env, { type: "read", userId, messageId: null });
    const payload = MarkAsReadPayload.safeParse(mark.tokenPayload ? safeJson(mark.tokenPayload) : null);
    if (!payload.success) return c.json({ marked: false });
    try {
      await callLine(
        "markAsRead",
        () => deps.line.api.markMessagesAsReadByTokenWithHttpInfo({ markAsReadToken: payload.data.markAsReadToken }),
        {
          retry: true,
          timeoutMs: deps.line.timeoutMs,
          backoffMs: deps.line.backoffMs,
          maxAttempts: 2,
        },
      );
    } catch (error) {
      // The read mark in LINE is a courtesy; the console has recorded what staff saw either way.
      if (!(error instanceof LineApiError)) throw error;
      console.warn(JSON.stringify({ msg: "mark_as_read_failed", status: error.status }));
      return c.json({ marked: false });
    }
    return c.json({ marked: true });
  });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
