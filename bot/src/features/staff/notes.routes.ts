import { deleteConversationNote, findFriend, insertConversationNote } from "@enishi/db";
import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { notifyInbox } from "../../inbox/notify.ts";
import { validationHook } from "../../validation.ts";
import { friendProfile, notesOf } from "./profile.service.ts";
import { staffOf } from "./staff-context.ts";

const UserParam = z.object({ userId: LineUserIdSchema });
const NoteParam = z.object({ userId: LineUserIdSchema, noteId: z.coerce.number().int().positive() });
const NoteBody = z.object({
  body: z.string().trim().min(1, "Note is empty / メモが空です").max(2000, "Up to 2,000 characters / 2,000文字までです"),
});

/** The customer's profile beside the chat, and internal notes (staff only, never sent to the customer). */
export const notesRoutes = new Hono<AppEnv>()
  .get("/:userId/profile", zValidator("param", UserParam, validationHook), async function getProfile(c) {
    const profile = await friendProfile(c.var.deps, c.req.valid("param").userId);
    if (!profile) throw notFound("No such friend / 友だちが見つかりません");
    return c.json(profile);
  })
  .post(
    "/:userId/notes",
    zValidator("param", UserParam, validationHook),
    zValidator("json", NoteBody, validationHook),
    async function addNote(c) {
      const { userId } = c.req.valid("param");
      const deps = c.var.deps;
      if (!(await findFriend(deps.db, userId))) throw notFound("No such friend / 友だちが見つかりません");
      const staff = staffOf(c);
      await insertConversationNote(deps.db, {
        line_user_id: userId,
        author_user_id: staff.userId,
        author_name: staff.name,
        body: c.req.valid("json").body,
        created_at: Date.now(),
      });
      await notifyInbox(deps.env, { type: "note", userId, messageId: null });
      return c.json({ notes: await notesOf(deps, userId) }, 201);
    },
  )
  .delete("/:userId/notes/:noteId", zValidator("param", NoteParam, validationHook), async function removeNote(c) {
    const { userId, noteId } = c.req.valid("param");
    const deps = c.var.deps;
    if (!(await deleteConversationNote(deps.db, userId, noteId, staffOf(c).userId)))
      throw notFound("No such note of yours / 削除できるメモがありません（自分のメモのみ削除できます）");
    await notifyInbox(deps.env, { type: "note", userId, messageId: null });
    return c.json({ notes: await notesOf(deps, userId) });
  });
