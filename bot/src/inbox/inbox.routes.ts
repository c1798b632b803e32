import { hasRole } from "@enishi/shared";
import { Hono } from "hono";
import { InvalidIdTokenError, verifyIdToken } from "../auth/id-token.ts";
import { rolesOf } from "../auth/roles.ts";
import type { AppEnv } from "../context.ts";
import { AppError, forbidden, unauthorized } from "../errors.ts";

/**
 * GET /api/staff/inbox/live — WebSocket to the Inbox Durable Object. Browsers cannot set headers on a
 * WebSocket, so the ID token comes as `?token=`; it is verified here exactly like the Bearer header.
 */
export const inboxLiveRoute = new Hono<AppEnv>().get("/live", async function openInboxSocket(c) {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") throw new AppError(426, "bad_request", "Expected a WebSocket upgrade");
  const token = c.req.query("token");
  if (!token) throw unauthorized();
  let userId: string;
  try {
    userId = (await verifyIdToken(c.var.config, token)).userId;
  } catch (error) {
    if (error instanceof InvalidIdTokenError) throw unauthorized(`${error.message} / IDトークンが無効です`);
    throw error;
  }
  if (!hasRole(await rolesOf(c.var.deps, userId), "staff")) throw forbidden();
  const stub = c.env.INBOX.get(c.env.INBOX.idFromName("shop"));
  return stub.fetch(c.req.raw);
});
