import { deleteCannedReply, findCannedReplies, insertCannedReply, updateCannedReply } from "@enishi/db";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";

const CannedReplyInput = z.object({
  title: z.string().trim().min(1, "Title is empty / タイトルを入力してください").max(50, "Up to 50 characters / 50文字までです"),
  body: z.string().trim().min(1, "Text is empty / 本文を入力してください").max(5000, "Up to 5,000 characters / 5,000文字までです"),
  position: z.number().int().min(0).max(10_000).default(0),
});
const IdParam = z.object({ id: z.string().min(1).max(64) });

type CannedRow = Awaited<ReturnType<typeof findCannedReplies>>[number];
const toView = (r: CannedRow) => ({ id: r.id, title: r.title, body: r.body, position: r.position });

/** Staff: the canned replies offered in the reply box. */
export const cannedReplyRoutes = new Hono<AppEnv>().get("/", async function listCanned(c) {
  return c.json({ cannedReplies: (await findCannedReplies(c.var.db)).map(toView) });
});

/** Admin: write the canned replies. */
export const cannedReplyAdminRoutes = new Hono<AppEnv>()
  .post("/", zValidator("json", CannedReplyInput, validationHook), async function addCanned(c) {
    const input = c.req.valid("json");
    const at = Date.now();
    const id = `canned-${crypto.randomUUID().slice(0, 8)}`;
    await insertCannedReply(c.var.db, { id, ...input, created_at: at, updated_at: at });
    return c.json({ cannedReplies: (await findCannedReplies(c.var.db)).map(toView) }, 201);
  })
  .put(
    "/:id",
    zValidator("param", IdParam, validationHook),
    zValidator("json", CannedReplyInput, validationHook),
    async function editCanned(c) {
      if (!(await updateCannedReply(c.var.db, c.req.valid("param").id, { ...c.req.valid("json"), updated_at: Date.now() })))
        throw notFound("No such canned reply / 定型文が見つかりません");
      return c.json({ cannedReplies: (await findCannedReplies(c.var.db)).map(toView) });
    },
  )
  .delete("/:id", zValidator("param", IdParam, validationHook), async function removeCanned(c) {
    if (!(await deleteCannedReply(c.var.db, c.req.valid("param").id))) throw notFound("No such canned reply / 定型文が見つかりません");
    return c.json({ cannedReplies: (await findCannedReplies(c.var.db)).map(toView) });
  });
