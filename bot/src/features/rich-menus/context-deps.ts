import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Deps } from "../../deps.ts";

/** The request's already-built dependencies (app.ts `withDeps`) as the Deps services take. */
export function makeDepsFromContext(c: Context<AppEnv>): Deps {
  return c.var.deps;
}
