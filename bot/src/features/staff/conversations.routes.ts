import { findFriend, findRecentConversations, findTimeline } from "@enishi/db";
import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { notifyInbox } from "../../inbox/notify.ts";
import { sendToUser } from "../../line/send.ts";
import { validationHook } from "../../validation.ts";
import { toTimelineItem } from "./timeline.ts";

const UserParam = z.object({ userId: LineUserIdSchema });
const TimelineQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const StaffReplySchema = z.object({
  text: z.string().trim().min(1, "Message is empty / メッセージが空です").max(5000, "Up to 5,000 characters / 5,000文字までです"),
  clientKey: z.uuid("clientKey must be a UUID"),
});

/** Staff view of conversations: list, one timeline, and replying by push. */
export const conversationRoutes = new Hono<AppEnv>()
  .get("/", async function listConversations(c) {
    const rows = await findRecentConversations(c.var.db, 100);
    return c.json({
      conversations: rows.map((r) => ({
        userId: r.line_user_id,
        displayName: r.display_name,
        pictureUrl: r.picture_url,
        status: r.status,
        lastText: r.last_text,
        lastSender: r.last_sender,
        lastAt: r.last_at,
      })),
    });
  })
  .get(
    "/:userId/messages",
    zValidator("param", UserParam, validationHook),
    zValidator("query", TimelineQuery, validationHook),
    async function getTimeline(c) {
      const { userId } = c.req.valid("param");
      const { before, limit } = c.req.valid("query");
      const friend = await findFriend(c.var.db, userId);
      if (!friend) throw notFound("No such friend / 友だちが見つかりません");
      const rows = await findTimeline(c.var.db, userId, limit, before);
      return c.json({
        friend: { userId, displayName: friend.display_name, pictureUrl: friend.picture_url, status: friend.status },
        messages: rows.reverse().map(toTimelineItem),
      });
    },
  )
  .post(
    "/:userId/messages",
    zValidator("param", UserParam, validationHook),
    zValidator("json", StaffReplySchema, validationHook),
    async function replyAsStaff(c) {
      const { userId } = c.req.valid("param");
      const { text, clientKey } = c.req.valid("json");
      const friend = await findFriend(c.var.db, userId);
      if (!friend) throw notFound("No such friend / 友だちが見つかりません");
      // clientKey makes a double-clicked or retried send one message.
      const outcome = await sendToUser(c.var.db, c.var.line, {
        to: userId,
        messages: [{ type: "text", text }],
        sender: "staff",
        key: `staff:${clientKey}`,
        staffUserId: c.var.user?.userId ?? null,
      });
      await notifyInbox(c.env, { type: "message", userId, messageId: outcome.messageIds.at(-1) ?? null });
      return c.json({ delivered: outcome.delivered, messageIds: outcome.messageIds }, outcome.delivered ? 200 : 502);
    },
  );
