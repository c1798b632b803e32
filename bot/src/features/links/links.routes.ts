import { LinkCodeSchema, TrackedLinkInputSchema } from "@enishi/shared/links/index";
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { validationHook } from "../../validation.ts";
import { createLink, deleteLink, listLinks, recordClick } from "./links.service.ts";
import { LINK_NOT_FOUND_HTML } from "./not-found-page.ts";

/** Where operators' link URLs point: APP_BASE_URL, else the origin the admin console is served from (same Worker). */
const publicBase = (c: Context<AppEnv>): string => c.var.config.appBaseUrl || new URL(c.req.url).origin;

function notFoundPage(c: Context<AppEnv>): Response {
  return c.html(LINK_NOT_FOUND_HTML, 404, { "cache-control": "no-store" });
}

/**
 * `GET /r/:code` — public, no auth: records the click and redirects (302). `no-store` so every click
 * reaches us; `no-referrer` so the signed `u` parameter never leaks to the destination site. A HEAD (link
 * preview crawlers) is answered without counting.
 */
export const redirectRoutes = new Hono<AppEnv>().get("/:code", async function followLink(c) {
  const parsed = LinkCodeSchema.safeParse(c.req.param("code"));
  if (!parsed.success) return notFoundPage(c);
  const headers = { "cache-control": "no-store", "referrer-policy": "no-referrer" };
  if (c.req.method === "HEAD") return new Response(null, { status: 200, headers });
  const outcome = await recordClick(c.var.deps, parsed.data, c.req.query("u") ?? null);
  if (!outcome) return notFoundPage(c);
  return new Response(null, { status: 302, headers: { ...headers, location: outcome.destination } });
});

const IdParam = z.object({ id: z.string().min(1).max(64) });

/** Admin: tracked links with their click counts; create and delete. */
export const linkAdminRoutes = new Hono<AppEnv>()
  .get("/", async function listTrackedLinks(c) {
    return c.json({ links: await listLinks(c.var.deps, publicBase(c)) });
  })
  .post("/", zValidator("json", TrackedLinkInputSchema, validationHook), async function createTrackedLink(c) {
    const link = await createLink(c.var.deps, c.req.valid("json"), c.var.user?.userId ?? null, publicBase(c));
    return c.json(link, 201);
  })
  .delete("/:id", zValidator("param", IdParam, validationHook), async function deleteTrackedLink(c) {
    const { id } = c.req.valid("param");
    await deleteLink(c.var.deps, id);
    return c.json({ id, deleted: true });
  });
