import { Hono } from "hono";
import { requireUser } from "../../auth/middleware.ts";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";
import { getCard, getCardCode } from "./card.service.ts";

function caller(c: { var: AppEnv["Variables"] }) {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return { userId: user.userId, name: user.name };
}

/**
 * GET /api/card — the caller's member card (made on first open) with a signed code for the QR.
 * GET /api/card/code — a fresh code; the open card asks every few seconds, so the QR keeps changing.
 * Never cached: a code is short-lived and personal.
 */
export const cardRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .use(async function noStore(c, next) {
    await next();
    c.header("cache-control", "no-store");
  })
  .get("/", async function showCard(c) {
    return c.json(await getCard(c.var.deps, caller(c)));
  })
  .get("/code", async function nextCode(c) {
    return c.json(await getCardCode(c.var.deps, caller(c)));
  });
