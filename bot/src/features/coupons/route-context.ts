import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Deps } from "../../deps.ts";
import { unauthorized } from "../../errors.ts";

/** The services' dependencies from a request context (the middleware put them there). */
export function depsOf(c: Context<AppEnv>): Deps {
  return { env: c.env, config: c.var.config, db: c.var.db, line: c.var.line };
}

/** The verified caller's LINE user id; the auth middleware guarantees it on these routes. */
export function callerId(c: Context<AppEnv>): string {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user.userId;
}
