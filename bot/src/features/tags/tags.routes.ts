import { findAllTags, findFriend, findFriendTags, findTagById, findTagByName, findTagEvents } from "@enishi/db";
import { LineUserIdSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { conflict, notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { createTag, createTagGroup, editTag, editTagGroup, listTagAdmin, removeTagGroup } from "./tag-admin.service.ts";
import { addTag, removeTag } from "./tags.service.ts";

const TagName = z.string().trim().min(1, "Tag name is empty / タグ名を入力してください").max(50, "Up to 50 characters / 50文字までです");
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #06c755 / #06c755 の形式で指定してください");
const UserParam = z.object({ userId: LineUserIdSchema });
const UserTagParam = z.object({ userId: LineUserIdSchema, tagId: z.string().min(1).max(64) });
const IdParam = z.object({ id: z.string().min(1).max(64) });
const nonEmpty = (value: object) => Object.keys(value).length > 0;

async function requireFriend(c: Context<AppEnv>, userId: string): Promise<void> {
  if (!(await findFriend(c.var.db, userId))) throw notFound("No such friend / 友だちが見つかりません");
}

/** Staff: a friend's tags and tag history; add and remove by hand (recorded as source "staff"). */
export const friendTagRoutes = new Hono<AppEnv>()
  .get("/:userId/tags", zValidator("param", UserParam, validationHook), async function friendTags(c) {
    const { userId } = c.req.valid("param");
    await requireFriend(c, userId);
    const [tags, events, allTags] = await Promise.all([
      findFriendTags(c.var.db, userId),
      findTagEvents(c.var.db, userId, 50),
      findAllTags(c.var.db),
    ]);
    const names = new Map(allTags.map((t) => [t.id, t.name]));
    return c.json({
      tags: tags.map((t) => ({ id: t.tag_id, name: t.name, color: t.color, groupId: t.group_id, source: t.source, at: t.created_at })),
      history: events.map((e) => ({
        tagId: e.tag_id,
        tag: names.get(e.tag_id) ?? e.tag_id,
        action: e.action,
        source: e.source,
        sourceRef: e.source_ref,
        at: e.created_at,
      })),
    });
  })
  .post(
    "/:userId/tags",
    zValidator("param", UserParam, validationHook),
    zValidator("json", z.object({ tag: TagName }), validationHook),
    async function addFriendTag(c) {
      const { userId } = c.req.valid("param");
      const { tag } = c.req.valid("json");
      await requireFriend(c, userId);
      const existing = await findTagByName(c.var.db, tag);
      if (existing?.archived_at) throw conflict(`The tag 「${tag}」 is archived / このタグはアーカイブされています`);
      const added = await addTag(c.var.deps, { userId, tag, source: "staff", sourceRef: c.var.user?.userId ?? null });
      return c.json({ added }, added ? 201 : 200);
    },
  )
  .delete("/:userId/tags/:tagId", zValidator("param", UserTagParam, validationHook), async function removeFriendTag(c) {
    const { userId, tagId } = c.req.valid("param");
    await requireFriend(c, userId);
    const tag = await findTagById(c.var.db, tagId);
    if (!tag) throw notFound("No such tag / タグが見つかりません");
    const removed = await removeTag(c.var.deps, { userId, tag: tag.name, source: "staff", sourceRef: c.var.user?.userId ?? null });
    if (!removed) throw notFound("This friend does not have this tag / この友だちにはこのタグがありません");
    return c.json({ removed });
  });

const TagCreate = z.object({ name: TagName, groupId: z.string().min(1).nullable().default(null), color: Color.nullable().default(null) });
const TagPatch = z
  .object({ name: TagName, groupId: z.string().min(1).nullable(), color: Color.nullable(), archived: z.boolean() })
  .partial()
  .refine(nonEmpty, "Nothing to change / 変更がありません");
const GroupCreate = z.object({ name: TagName, color: Color.default("#06c755") });
const GroupPatch = z
  .object({ name: TagName, color: Color, position: z.number().int().min(0).max(1000) })
  .partial()
  .refine(nonEmpty, "Nothing to change / 変更がありません");

/** Admin: tags and tag groups (names, colours, grouping, archive). */
export const tagAdminRoutes = new Hono<AppEnv>()
  .get("/", zValidator("query", z.object({ archived: z.enum(["0", "1"]).default("0") }), validationHook), async function listTags(c) {
    return c.json(await listTagAdmin(c.var.deps, c.req.valid("query").archived === "1"));
  })
  .post("/", zValidator("json", TagCreate, validationHook), async function postTag(c) {
    return c.json(await createTag(c.var.deps, c.req.valid("json")), 201);
  })
  .patch("/:id", zValidator("param", IdParam, validationHook), zValidator("json", TagPatch, validationHook), async function patchTag(c) {
    return c.json(await editTag(c.var.deps, c.req.valid("param").id, c.req.valid("json")));
  })
  .post("/groups", zValidator("json", GroupCreate, validationHook), async function postGroup(c) {
    return c.json(await createTagGroup(c.var.deps, c.req.valid("json")), 201);
  })
  .patch(
    "/groups/:id",
    zValidator("param", IdParam, validationHook),
    zValidator("json", GroupPatch, validationHook),
    async function patchGroup(c) {
      return c.json(await editTagGroup(c.var.deps, c.req.valid("param").id, c.req.valid("json")));
    },
  )
  .delete("/groups/:id", zValidator("param", IdParam, validationHook), async function deleteGroup(c) {
    return c.json(await removeTagGroup(c.var.deps, c.req.valid("param").id));
  });
