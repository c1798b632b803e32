// Assembles the sandbox: LINE's Messaging API and LINE Login at their own paths, the account-link dialog,
// the control API (/__sandbox/*) and the simulator page, on one Node HTTP server.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { accountLinkRoutes } from "./account-link.ts";
import { adminControlRoutes } from "./control/admin.ts";
import { userControlRoutes } from "./control/users.ts";
import { webhookControlRoutes } from "./control/webhook.ts";
import type { SandboxEnv } from "./http/env.ts";
import { errorResponse, lineError } from "./http/errors.ts";
import { requestId } from "./ids.ts";
import { createLoginKeys, type LoginKeys } from "./login/id-token.ts";
import { loginRoutes } from "./login/routes.ts";
import { chatRoutes } from "./messaging/chat.ts";
import { richMenuRoutes } from "./messaging/richmenu.ts";
import { richMenuAliasRoutes } from "./messaging/richmenu-alias.ts";
import { richMenuLinkRoutes } from "./messaging/richmenu-links.ts";
import { sendRoutes } from "./messaging/send.ts";
import { userRoutes } from "./messaging/users.ts";
import { createState, releaseHeld, type SandboxConfig, type SandboxState } from "./state.ts";
import { staticRoutes } from "./static.ts";

export type SandboxOptions = {
  port?: number;
  host?: string;
  channelSecret: string;
  channelAccessToken: string;
  loginChannelId: string;
  webhookUrl?: string;
  /** Bot user ID used as `destination` in webhook bodies. */
  botUserId?: string;
  /** Origin the sandbox is reached at (ID token issuer); defaults to http://host:port. */
  publicUrl?: string;
  config?: Partial<SandboxConfig>;
  /** Clock, for tests of expiry. */
  now?: () => number;
  simulatorDir?: string;
};

export type RunningSandbox = { url: string; port: number; state: SandboxState; close(): Promise<void> };

export const DEFAULT_BOT_USER_ID = "Ub0700000000000000000000000000000";

export async function createSandboxApp(
  options: SandboxOptions & { origin?: string },
): Promise<{ app: Hono<SandboxEnv>; state: SandboxState; keys: LoginKeys }> {
  const state = createState(
    {
      channelSecret: options.channelSecret,
      channelAccessToken: options.channelAccessToken,
      loginChannelId: options.loginChannelId,
      botUserId: options.botUserId ?? DEFAULT_BOT_USER_ID,
    },
    {
      origin: options.publicUrl ?? options.origin ?? "http://127.0.0.1",
      config: { ...options.config, ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}) },
      ...(options.now ? { now: options.now } : {}),
    },
  );
  const keys = await createLoginKeys();
  const app = new Hono<SandboxEnv>();

  // Every response carries a request ID, as LINE's do; bots are told to log it.
  app.use(async function lineRequestId(c, next) {
    const id = requestId();
    c.set("requestId", id);
    await next();
    c.res.headers.set("x-line-request-id", id);
  });
  // The LIFF app (another origin in mock mode) fetches ID tokens and verifies them from the browser.
  app.use("/__sandbox/*", cors({ origin: "*" }));
  app.use("/oauth2/*", cors({ origin: "*" }));

  // Order matters where paths overlap: aliases and "all" before the :param routes that would match them.
  app
    .route("/", sendRoutes(state))
    .route("/", userRoutes(state))
    .route("/", chatRoutes(state))
    .route("/", richMenuAliasRoutes(state))
    .route("/", richMenuLinkRoutes(state))
    .route("/", richMenuRoutes(state))
    .route("/", loginRoutes(state, keys))
    .route("/", accountLinkRoutes(state))
    .route("/", adminControlRoutes(state))
    .route("/", userControlRoutes(state))
    .route("/", webhookControlRoutes(state))
    .route("/", staticRoutes(options.simulatorDir));

  app.notFound(() => errorResponse(lineError(404, "Not found")));
  app.onError((err) => errorResponse(err));
  return { app, state, keys };
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const { app, state } = await createSandboxApp(options);
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  const url = `http://${urlHost}:${port}`;
  state.origin = options.publicUrl ?? url;
  return {
    url,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Let held "timeout" requests go, then drop idle keep-alive sockets so close() does not wait.
        releaseHeld(state);
        server.close((err) => (err ? reject(err) : resolve()));
        if ("closeIdleConnections" in server) server.closeIdleConnections();
      }),
  };
}
