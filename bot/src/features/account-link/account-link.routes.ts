import { LinkMemberInputSchema } from "@enishi/shared";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { requireUser } from "../../auth/middleware.ts";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";
import { validationHook } from "../../validation.ts";
import { linkStatusOf, unlinkFriend } from "./link-member.service.ts";
import { linkByMemberCheck } from "./member-check.service.ts";

type Ctx = { env: Env; var: AppEnv["Variables"] };

function caller(c: Ctx): string {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user.userId;
}

/**
 * /api/account-link — the customer's own link (identity only from the verified ID token): see it, link
 * with member number + birthday or phone digits, unlink.
 */
export const accountLinkRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async function getLinkStatus(c) {
    return c.json(await linkStatusOf(c.var.deps, caller(c)));
  })
  .post("/", zValidator("json", LinkMemberInputSchema, validationHook), async function linkMember(c) {
    return c.json(await linkByMemberCheck(c.var.deps, caller(c), c.req.valid("json")));
  })
  .delete("/", async function unlinkMember(c) {
    const deps = c.var.deps;
    const userId = caller(c);
    const { unlinked } = await unlinkFriend(deps, userId);
    return c.json({ ...(await linkStatusOf(deps, userId)), unlinkedMemberNumber: unlinked?.member_number ?? null });
  });
