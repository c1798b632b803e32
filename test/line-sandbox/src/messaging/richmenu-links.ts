// Which rich menu a user sees: per-user links (single and bulk) and the default menu.
// https://developers.line.biz/en/reference/messaging-api/#link-rich-menu-to-user
// A per-user link beats the default (resolveRichMenu); LINE shows a per-user change at once and a default
// change the next time the chat is opened, which the simulator mimics by re-reading on open.
import { Hono } from "hono";
import { lineEndpoint } from "../http/endpoint.ts";
import { isRecord, jsonBody, type SandboxEnv } from "../http/env.ts";
import { bodyErrors, type LineErrorDetail, lineError, notFound } from "../http/errors.ts";
import type { RichMenuRecord, SandboxState } from "../state.ts";
import { findShowableRichMenu } from "./richmenu.ts";

const MAX_BULK_USERS = 500;
const USER_ID = /^U[0-9a-f]{32}$/;

export function resolveRichMenu(state: SandboxState, userId: string): { menu: RichMenuRecord; source: "user" | "default" } | null {
  const linked = state.userRichMenus.get(userId);
  const own = linked ? state.richMenus.get(linked) : undefined;
  if (own) return { menu: own, source: "user" };
  const fallback = state.defaultRichMenuId ? state.richMenus.get(state.defaultRichMenuId) : undefined;
  return fallback ? { menu: fallback, source: "default" } : null;
}

function bulkUserIds(body: unknown): string[] {
  const userIds = isRecord(body) ? body.userIds : undefined;
  const errors: LineErrorDetail[] = [];
  if (!Array.isArray(userIds) || userIds.length < 1 || userIds.length > MAX_BULK_USERS) {
    errors.push({ message: `Size must be between 1 and ${MAX_BULK_USERS}`, property: "userIds" });
  } else {
    userIds.forEach((id, i) => {
      if (typeof id !== "string" || !USER_ID.test(id)) errors.push({ message: "invalid user ID", property: `userIds[${i}]` });
    });
  }
  if (errors.length > 0) throw bodyErrors(errors);
  return userIds as string[];
}

function knownUser(state: SandboxState, userId: string): string {
  if (!state.users.has(userId)) throw lineError(400, "Invalid user ID");
  return userId;
}

export function richMenuLinkRoutes(state: SandboxState) {
  // The "all" routes come first: "/v2/bot/user/:userId/…" would otherwise take "all" for a user ID.
  return new Hono<SandboxEnv>()
    .post("/v2/bot/user/all/richmenu/:richMenuId", lineEndpoint(state, "richMenuDefaultSet"), (c) => {
      state.defaultRichMenuId = findShowableRichMenu(state, c.req.param("richMenuId")).richMenuId;
      return c.json({});
    })
    .get("/v2/bot/user/all/richmenu", lineEndpoint(state, "richMenuDefaultGet"), (c) => {
      if (!state.defaultRichMenuId) throw notFound("no default richmenu");
      return c.json({ richMenuId: state.defaultRichMenuId });
    })
    .delete("/v2/bot/user/all/richmenu", lineEndpoint(state, "richMenuDefaultCancel"), (c) => {
      state.defaultRichMenuId = null;
      return c.json({});
    })
    .post("/v2/bot/user/:userId/richmenu/:richMenuId", lineEndpoint(state, "richMenuLink"), (c) => {
      const userId = knownUser(state, c.req.param("userId"));
      const menu = findShowableRichMenu(state, c.req.param("richMenuId"));
      state.userRichMenus.set(userId, menu.richMenuId);
      return c.json({});
    })
    .get("/v2/bot/user/:userId/richmenu", lineEndpoint(state, "richMenuOfUser"), (c) => {
      // Only the per-user link: LINE does not fall back to the default here.
      const linked = state.userRichMenus.get(knownUser(state, c.req.param("userId")));
      if (!linked) throw notFound("the user has no richmenu");
      return c.json({ richMenuId: linked });
    })
    .delete("/v2/bot/user/:userId/richmenu", lineEndpoint(state, "richMenuUnlink"), (c) => {
      state.userRichMenus.delete(knownUser(state, c.req.param("userId")));
      return c.json({});
    })
    .post("/v2/bot/richmenu/bulk/link", lineEndpoint(state, "richMenuBulkLink"), (c) => {
      const body = jsonBody(c);
      const userIds = bulkUserIds(body);
      const menuId = isRecord(body) ? body.richMenuId : undefined;
      if (typeof menuId !== "string") throw bodyErrors([{ message: "must be specified", property: "richMenuId" }]);
      const menu = findShowableRichMenu(state, menuId);
      // Bulk operations are accepted (202) and applied to the users that exist; unknown IDs are skipped.
      for (const userId of userIds) if (state.users.has(userId)) state.userRichMenus.set(userId, menu.richMenuId);
      return c.json({}, 202);
    })
    .post("/v2/bot/richmenu/bulk/unlink", lineEndpoint(state, "richMenuBulkUnlink"), (c) => {
      for (const userId of bulkUserIds(jsonBody(c))) state.userRichMenus.delete(userId);
      return c.json({}, 202);
    });
}
