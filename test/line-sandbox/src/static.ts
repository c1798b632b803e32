// Serves the chat simulator (test/line-sandbox/simulator/, built by its own module) at `/` and
// `/simulator/*`. The folder is looked up per request, so a simulator written after the sandbox started
// is served without a restart; without it `/` explains what is running.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";
import type { SandboxEnv } from "./http/env.ts";

export const SIMULATOR_DIR = fileURLToPath(new URL("../simulator/", import.meta.url));

const FALLBACK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LINE sandbox</title></head>
<body><h1>LINE sandbox</h1><p>The Messaging API, LINE Login and the webhook sender are running.
No chat simulator was found in test/line-sandbox/simulator/. Control API: <code>/__sandbox/*</code>
(see test/line-sandbox/README.md).</p></body></html>`;

/** serveStatic, created on first use: it complains at creation when its folder does not exist yet. */
function lazyFolder(dir: string, stripPrefix: string): MiddlewareHandler<SandboxEnv> {
  let serve: MiddlewareHandler | null = null;
  return async function simulatorFiles(c, next) {
    if (!existsSync(dir)) return next();
    serve ??= serveStatic({
      root: dir,
      rewriteRequestPath: (path) => path.slice(stripPrefix.length) || "/",
      // The simulator changes while people work on it: never serve a stale copy.
      onFound: (_path, ctx) => {
        ctx.header("cache-control", "no-cache");
      },
    });
    return serve(c, next);
  };
}

export function staticRoutes(dir: string = SIMULATOR_DIR) {
  return new Hono<SandboxEnv>()
    .get("/simulator/*", lazyFolder(dir, "/simulator"))
    .get("/*", lazyFolder(dir, ""))
    .get("/", (c) => c.html(FALLBACK_PAGE));
}
