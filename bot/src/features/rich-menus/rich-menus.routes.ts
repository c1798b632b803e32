import { findRecentReconcileRuns, findRichMenuImage, toBytes } from "@enishi/db";
import { LineUserIdSchema, RICH_MENU_IMAGE, RichMenuInputSchema, RichMenuPolicySchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { AppError, notFound } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { explainFriendMenu, searchFriends } from "./friend-menu.service.ts";
import { createMenu, deleteMenu, getMenu, listMenus, saveMenuImage, updateMenu } from "./menus.service.ts";
import { policyChoices, savePolicy } from "./policy.service.ts";
import { loadPolicy } from "./policy.ts";
import { publishMenu } from "./publish.service.ts";
import { startReconcile } from "./reconcile.service.ts";

const IdParam = z.object({ id: z.uuid("Unknown menu id / メニューIDが不正です") });
const UserParam = z.object({ userId: LineUserIdSchema });
const MenuUpdateSchema = RichMenuInputSchema.extend({ revision: z.number().int().positive() });
const PolicyUpdateSchema = RichMenuPolicySchema.extend({ version: z.number().int().min(0) });
const ImageForm = z.object({
  image: z.instanceof(File, { message: "Choose an image file / 画像ファイルを選んでください" }),
});

function toRun(r: Awaited<ReturnType<typeof findRecentReconcileRuns>>[number]) {
  return {
    id: r.id,
    reason: r.reason,
    status: r.status,
    friendsSeen: r.friends_seen,
    linked: r.linked,
    unlinked: r.unlinked,
    calls: r.calls,
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** Multipart overhead on top of LINE's 1 MB image limit; the image itself is checked byte-exact later. */
const imageBodyLimit = bodyLimit({
  maxSize: RICH_MENU_IMAGE.maxBytes + 64 * 1024,
  onError: () => {
    throw new AppError(413, "payload_too_large", "The image must be 1 MB or smaller / 画像は1MB以下にしてください");
  },
});

/** Admin: rich menus (edit, image, publish), the policy, reconcile runs, and any friend's menu explained. */
export const richMenuAdminRoutes = new Hono<AppEnv>()
  .get("/", async function listRichMenus(c) {
    const deps = c.var.deps;
    const [menus, runs] = await Promise.all([listMenus(deps), findRecentReconcileRuns(deps.db, 5)]);
    return c.json({ menus, runs: runs.map(toRun) });
  })
  .post("/", zValidator("json", RichMenuInputSchema, validationHook), async function createRichMenu(c) {
    const menu = await createMenu(c.var.deps, c.req.valid("json"));
    return c.json({ menu }, 201);
  })
  .get("/policy", async function getPolicy(c) {
    const deps = c.var.deps;
    const [loaded, choices] = await Promise.all([loadPolicy(deps), policyChoices(deps)]);
    return c.json({ policy: loaded.policy, version: loaded.version, choices });
  })
  .put("/policy", zValidator("json", PolicyUpdateSchema, validationHook), async function putPolicy(c) {
    const { version, ...policy } = c.req.valid("json");
    const result = await savePolicy(c.var.deps, policy, version, c.var.user?.userId ?? null);
    return c.json(result);
  })
  .get("/reconcile", async function listRuns(c) {
    const runs = await findRecentReconcileRuns(c.var.db, 20);
    return c.json({ runs: runs.map(toRun) });
  })
  .post("/reconcile", async function reconcileNow(c) {
    const runId = await startReconcile(c.var.deps, "manual");
    return c.json({ runId }, 202);
  })
  .get("/friends", zValidator("query", z.object({ q: z.string().max(100).default("") }), validationHook), async function findFriends(c) {
    const friends = await searchFriends(c.var.deps, c.req.valid("query").q);
    return c.json({ friends });
  })
  .get("/friends/:userId", zValidator("param", UserParam, validationHook), async function friendMenu(c) {
    return c.json(await explainFriendMenu(c.var.deps, c.req.valid("param").userId));
  })
  .get("/:id", zValidator("param", IdParam, validationHook), async function getRichMenu(c) {
    return c.json({ menu: await getMenu(c.var.deps, c.req.valid("param").id) });
  })
  .put(
    "/:id",
    zValidator("param", IdParam, validationHook),
    zValidator("json", MenuUpdateSchema, validationHook),
    async function putRichMenu(c) {
      const { revision, ...input } = c.req.valid("json");
      const menu = await updateMenu(c.var.deps, c.req.valid("param").id, revision, input);
      return c.json({ menu });
    },
  )
  .delete("/:id", zValidator("param", IdParam, validationHook), async function deleteRichMenu(c) {
    await deleteMenu(c.var.deps, c.req.valid("param").id);
    return c.json({ deleted: true });
  })
  .put(
    "/:id/image",
    imageBodyLimit,
    zValidator("param", IdParam, validationHook),
    zValidator("form", ImageForm, validationHook),
    async function putImage(c) {
      const { image } = c.req.valid("form");
      const bytes = new Uint8Array(await image.arrayBuffer());
      const menu = await saveMenuImage(c.var.deps, c.req.valid("param").id, bytes, image.type);
      return c.json({ menu });
    },
  )
  .get("/:id/image", zValidator("param", IdParam, validationHook), async function getImage(c) {
    const image = await findRichMenuImage(c.var.db, c.req.valid("param").id);
    if (!image) throw notFound("This menu has no image yet / まだ画像がありません");
    return c.body(new Uint8Array(toBytes(image.bytes)), 200, {
      "content-type": image.content_type,
      "cache-control": "private, max-age=60",
    });
  })
  .post("/:id/publish", zValidator("param", IdParam, validationHook), async function publish(c) {
    return c.json(await publishMenu(c.var.deps, c.req.valid("param").id));
  });
