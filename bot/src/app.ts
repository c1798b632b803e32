import type { ErrorBody, PublicConfig } from "@enishi/shared";
import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { requireRole, requireUser } from "./auth/middleware.ts";
import type { AppEnv } from "./context.ts";
import { makeDeps } from "./deps.ts";
import { AppError } from "./errors.ts";
import { accountLinkRoutes } from "./features/account-link/account-link.routes.ts";
import { loginPageRoutes } from "./features/account-link/login-page.routes.ts";
import { shopApiRoutes } from "./features/account-link/shop-api.routes.ts";
import { staffAdminRoutes } from "./features/admin/staff.routes.ts";
import { auditAdminRoutes } from "./features/audit/audit.routes.ts";
import { broadcastRoutes } from "./features/broadcasts/broadcasts.routes.ts";
import { botSettingsRoutes } from "./features/business-hours/bot-settings.routes.ts";
import { couponAdminRoutes } from "./features/coupons/coupons.admin.routes.ts";
import { couponRoutes } from "./features/coupons/coupons.routes.ts";
import { couponStaffFriendRoutes, couponStaffRoutes } from "./features/coupons/coupons.staff.routes.ts";
import { faqAdminRoutes } from "./features/faq/faq.admin.routes.ts";
import { kpiRoutes } from "./features/kpis/kpis.routes.ts";
import { linkAdminRoutes, redirectRoutes } from "./features/links/links.routes.ts";
import { meRoutes } from "./features/me/me.routes.ts";
import { cardRoutes } from "./features/members/card.routes.ts";
import { memberCsvRoutes } from "./features/members/member-csv.routes.ts";
import { orderRoutes } from "./features/orders/orders.routes.ts";
import { personalDataRoutes } from "./features/personal-data/personal-data.routes.ts";
import { pointAdminRoutes, staffStoreRoutes } from "./features/points/points.admin.routes.ts";
import { rankAdminRoutes } from "./features/ranks/ranks.routes.ts";
import { richMenuAdminRoutes } from "./features/rich-menus/rich-menus.routes.ts";
import { scannerRoutes } from "./features/scanner/scanner.routes.ts";
import { friendScenarioRoutes, scenarioEventRoutes, scenarioRoutes } from "./features/scenarios/scenarios.routes.ts";
import { segmentRoutes } from "./features/segments/segments.routes.ts";
import { cannedReplyAdminRoutes, cannedReplyRoutes } from "./features/staff/canned-replies.routes.ts";
import { conversationRoutes } from "./features/staff/conversations.routes.ts";
import { staffTeamRoutes } from "./features/staff/team.routes.ts";
import { surveyAdminRoutes } from "./features/surveys/surveys.admin.routes.ts";
import { surveyRoutes } from "./features/surveys/surveys.routes.ts";
import { surveyStaffFriendRoutes } from "./features/surveys/surveys.staff.routes.ts";
import { friendTagRoutes, tagAdminRoutes } from "./features/tags/tags.routes.ts";
import { inboxLiveRoute } from "./inbox/inbox.routes.ts";
import { LineApiError } from "./line/errors.ts";
import { webhookRoutes } from "./webhook/webhook.routes.ts";

/** Hono throws when a request came without one (app.request in a test): then there is none. */
function executionContext(c: Context<AppEnv>): Pick<ExecutionContext, "waitUntil"> | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

const withDeps = createMiddleware<AppEnv>(async function withDeps(c, next) {
  const deps = makeDeps(c.env);
  c.set("deps", deps);
  c.set("config", deps.config);
  c.set("db", deps.db);
  c.set("line", deps.line);
  await next();
  await deps.afterwards.settle(executionContext(c));
});

/** The console build's page (dist/console/index.html); its client router then shows the path asked for. */
function serveConsole(c: Context<AppEnv>): Promise<Response> {
  return c.env.ASSETS.fetch(new Request(new URL("/console/", c.req.url), { headers: c.req.raw.headers }));
}

const api = new Hono<AppEnv>()
  // A no-I/O route: health checks, and the baseline the webhook benchmark is compared with.
  .get("/health", (c) => c.json({ ok: true }))
  .get("/config", (c) => {
    const body: PublicConfig = { liffId: c.var.config.liffId, env: c.var.config.appEnv };
    return c.json(body);
  })
  .route("/me", meRoutes)
  .route("/account-link", accountLinkRoutes)
  // The shop's own servers (signed with SHOP_API_SECRET, not an ID token): decision 014.
  .route("/shop", shopApiRoutes)
  .route("/shop/orders", orderRoutes)
  .route("/coupons", couponRoutes)
  .route("/surveys", surveyRoutes)
  .route("/card", cardRoutes)
  .route("/staff/inbox", inboxLiveRoute)
  .use("/staff/*", requireUser, requireRole("staff"))
  .route("/staff/conversations", conversationRoutes)
  .route("/staff/coupons", couponStaffRoutes)
  .route("/staff/friends", couponStaffFriendRoutes)
  .route("/staff/friends", surveyStaffFriendRoutes)
  .route("/staff/friends", friendTagRoutes)
  .route("/staff/friends", friendScenarioRoutes)
  .route("/staff/scans", scannerRoutes)
  .route("/staff/stores", staffStoreRoutes)
  .route("/staff", staffTeamRoutes)
  .route("/staff/canned-replies", cannedReplyRoutes)
  .use("/admin/*", requireUser, requireRole("admin"))
  .route("/admin/staff", staffAdminRoutes)
  .route("/admin/coupons", couponAdminRoutes)
  .route("/admin/surveys", surveyAdminRoutes)
  .route("/admin/points", pointAdminRoutes)
  .route("/admin/ranks", rankAdminRoutes)
  .route("/admin/rich-menus", richMenuAdminRoutes)
  .route("/admin/tags", tagAdminRoutes)
  .route("/admin/audit", auditAdminRoutes)
  .route("/admin/friends", personalDataRoutes)
  .route("/admin/faq", faqAdminRoutes)
  .route("/admin/bot-settings", botSettingsRoutes)
  .route("/admin/canned-replies", cannedReplyAdminRoutes)
  .route("/admin/segments", segmentRoutes)
  .route("/admin/broadcasts", broadcastRoutes)
  .route("/admin/scenarios", scenarioRoutes)
  .route("/admin/events", scenarioEventRoutes)
  .route("/admin/links", linkAdminRoutes)
  .route("/admin/kpis", kpiRoutes)
  .route("/admin/members", memberCsvRoutes);

function errorBody(code: ErrorBody["error"]["code"], message: string, requestIdValue: string, details?: unknown): ErrorBody {
  return { error: { code, message, requestId: requestIdValue, ...(details === undefined ? {} : { details }) } };
}

export const app = new Hono<AppEnv>()
  .use(requestId())
  .use(withDeps)
  .route("/webhook", webhookRoutes)
  .route("/api", api)
  // The demo shop website's login page for LINE's account-link flow (server-rendered HTML).
  .route("/link", loginPageRoutes)
  // Tracked links: public redirect that records the click (decision 020).
  .route("/r", redirectRoutes)
  // Staff and admin screens: the LIFF app's console build (decision 021); every other page is the customer build.
  .get("/staff", serveConsole)
  .get("/staff/*", serveConsole)
  .get("/admin", serveConsole)
  .get("/admin/*", serveConsole);

app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`, c.var.requestId), 404));

app.onError(function handleError(error, c) {
  const id = c.var.requestId ?? "-";
  if (error instanceof AppError) return c.json(errorBody(error.code, error.message, id, error.details), error.status);
  if (error instanceof LineApiError) {
    // LINE kept failing after our retries (5xx, timeouts, burst 429): nothing was lost, the caller may retry.
    console.warn(JSON.stringify({ msg: "line_unavailable", requestId: id, endpoint: error.endpoint, status: error.status }));
    return c.json(
      errorBody(
        "upstream_unavailable",
        "LINE is not answering right now; please try again / LINEに接続できません。しばらくしてからもう一度お試しください",
        id,
      ),
      503,
    );
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code =
      status === 401
        ? "unauthorized"
        : status === 403
          ? "forbidden"
          : status === 404
            ? "not_found"
            : status === 413
              ? "payload_too_large"
              : "bad_request";
    return c.json(errorBody(code, error.message || "Request rejected", id), status);
  }
  // Unknown errors: the details go to the log with the request id, the client gets a generic answer.
  console.error(
    JSON.stringify({
      msg: "unhandled_error",
      requestId: id,
      path: c.req.path,
      error: String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
  );
  return c.json(errorBody("internal", "Something went wrong / エラーが発生しました", id), 500);
});

/** The typed API for `hc<AppType>` in the LIFF app. */
export type AppType = typeof app;
