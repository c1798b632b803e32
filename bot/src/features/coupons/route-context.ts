import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { unauthorized } from "../../errors.ts";

/** The verified caller's LINE user id; the auth middleware guarantees it on these routes. */
export function callerId(c: Context<AppEnv>): string {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user.userId;
}
