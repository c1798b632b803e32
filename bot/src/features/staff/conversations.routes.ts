import { countConversationsByState, findConversation, findFriend, findInbox, findTakeoverEvents, findTimeline } from "@enishi/db";
import { ChatStateSchema, LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { notifyInbox } from "../../inbox/notify.ts";
import { sendToUser } from "../../line/send.ts";
import { validationHook } from "../../validation.ts";
import { changeTakeover, toTakeover } from "../takeover/takeover.service.ts";
import { learnRoutes } from "./learn.routes.ts";
import { notesRoutes } from "./notes.routes.ts";
import { heldBy, staffOf, takeoverView } from "./staff-context.ts";
import { takeoverRoutes } from "./takeover.routes.ts";
import { toTimelineItem } from "./timeline.ts";

const UserParam = z.object({ userId: LineUserIdSchema });
const ListQuery = z.object({ state: z.union([ChatStateSchema, z.literal("all")]).default("all") });
const TimelineQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const StaffReplySchema = z.object({
  text: z.string().trim().min(1, "Message is empty / メッセージが空です").max(5000, "Up to 5,000 characters / 5,000文字までです"),
  clientKey: z.uuid("clientKey must be a UUID"),
  /** answer even though another member of staff holds the chat (taking it over) */
  force: z.boolean().default(false),
});

/**
 * Staff view of conversations (issue 4 §6): the inbox by state and waiting time, one timeline with who
 * holds the chat, and replying by push — which takes the chat, or answers 409 when someone else holds it.
 */
export const conversationRoutes = new Hono<AppEnv>()
  .get("/", zValidator("query", ListQuery, validationHook), async function listConversations(c) {
    const { state } = c.req.valid("query");
    const [rows, counts] = await Promise.all([
      findInbox(c.var.db, { ...(state === "all" ? {} : { state }), limit: 100 }),
      countConversationsByState(c.var.db),
    ]);
    return c.json({
      counts,
      conversations: rows.map((r) => ({
        userId: r.line_user_id,
        displayName: r.display_name,
        pictureUrl: r.picture_url,
        status: r.friend_status,
        state: r.state,
        assignee: r.assignee_user_id ? { userId: r.assignee_user_id, name: r.assignee_name } : null,
        reason: r.reason,
        waitingSince: r.waiting_since,
        unread: Number(r.unread),
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
      const [rows, conversation, events] = await Promise.all([
        findTimeline(c.var.db, userId, limit, before),
        findConversation(c.var.db, userId),
        before === undefined ? findTakeoverEvents(c.var.db, userId, 50) : Promise.resolve([]),
      ]);
      return c.json({
        friend: { userId, displayName: friend.display_name, pictureUrl: friend.picture_url, status: friend.status },
        takeover: takeoverView(toTakeover(conversation, Date.now())),
        /** handovers, takes, assignments and releases: shown between the messages */
        events: events.reverse().map((e) => ({
          id: e.id,
          type: e.type,
          reason: e.reason,
          actorName: e.actor_name,
          assignee: e.assignee_user_id ? { userId: e.assignee_user_id, name: e.assignee_name } : null,
          at: e.created_at,
        })),
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
      const { text, clientKey, force } = c.req.valid("json");
      const friend = await findFriend(c.var.db, userId);
      if (!friend) throw notFound("No such friend / 友だちが見つかりません");
      const deps = c.var.deps;
      const staff = staffOf(c);
      // Answering takes the chat (the bot falls silent); two members of staff never answer unknowingly.
      const change = await changeTakeover(deps, userId, { type: "staff-reply", staff, at: Date.now(), force }, staff);
      if (change.outcome === "conflict") heldBy(change.holder);
      // clientKey makes a double-clicked or retried send one message.
      const outcome = await sendToUser(c.var.db, c.var.line, {
        to: userId,
        messages: [{ type: "text", text }],
        sender: "staff",
        key: `staff:${clientKey}`,
        staffUserId: staff.userId,
      });
      await notifyInbox(c.env, { type: "message", userId, messageId: outcome.messageIds.at(-1) ?? null });
      return c.json(
        { delivered: outcome.delivered, messageIds: outcome.messageIds, takeover: takeoverView(change.current) },
        outcome.delivered ? 200 : 502,
      );
    },
  )
  .route("/", takeoverRoutes)
  .route("/", notesRoutes)
  .route("/", learnRoutes);
