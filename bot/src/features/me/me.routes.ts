import { findFriend } from "@enishi/db";
import type { Me } from "@enishi/shared";
import { Hono } from "hono";
import { requireUser } from "../../auth/middleware.ts";
import type { AppEnv } from "../../context.ts";

/** GET /api/me — the verified caller, their roles, and whether they are a friend of the account. */
export const meRoutes = new Hono<AppEnv>().use(requireUser).get("/", async function getMe(c) {
  const user = c.var.user;
  if (!user) throw new Error("requireUser did not run");
  const friend = await findFriend(c.var.db, user.userId);
  const body: Me = {
    userId: user.userId,
    displayName: friend?.display_name ?? user.name,
    pictureUrl: friend?.picture_url ?? user.picture,
    roles: user.roles,
    friend: friend?.status === "following",
  };
  return c.json(body);
});
