// Rich menu objects and their images: create, validate, get, list, delete, upload and download the image.
// https://developers.line.biz/en/reference/messaging-api/#rich-menu
// The image endpoints live on api-data.line.me at LINE; the Worker points both base URLs here.
import { Hono } from "hono";
import { lineEndpoint } from "../http/endpoint.ts";
import { jsonBody, type SandboxEnv } from "../http/env.ts";
import { bodyErrors, lineError, notFound } from "../http/errors.ts";
import { richMenuId } from "../ids.ts";
import type { RichMenuRecord, SandboxState } from "../state.ts";
import { MAX_IMAGE_BYTES, MAX_RICH_MENUS, sniffImageType, validateRichMenu } from "./richmenu-rules.ts";

type RichMenuBody = Omit<RichMenuRecord, "richMenuId" | "image">;

/** The rich menu response object: the request fields plus the ID, never the image. */
export function richMenuJson(menu: RichMenuRecord) {
  const { richMenuId, size, selected, name, chatBarText, areas } = menu;
  return { richMenuId, size, selected, name, chatBarText, areas };
}

export function findRichMenu(state: SandboxState, id: string): RichMenuRecord {
  const menu = state.richMenus.get(id);
  if (!menu) throw notFound("richmenu not found");
  return menu;
}

/** A menu can be shown (linked, default, aliased) only once it has an image. */
export function findShowableRichMenu(state: SandboxState, id: string): RichMenuRecord {
  const menu = findRichMenu(state, id);
  if (!menu.image) throw lineError(400, "must upload richmenu image before applying it to user");
  return menu;
}

/** Deleting a menu unlinks it everywhere, as it stops existing for users at once. */
function forgetRichMenu(state: SandboxState, id: string): void {
  state.richMenus.delete(id);
  for (const [userId, linked] of state.userRichMenus) if (linked === id) state.userRichMenus.delete(userId);
  for (const [aliasId, target] of state.aliases) if (target === id) state.aliases.delete(aliasId);
  if (state.defaultRichMenuId === id) state.defaultRichMenuId = null;
}

export function richMenuRoutes(state: SandboxState) {
  return (
    new Hono<SandboxEnv>()
      .post("/v2/bot/richmenu", lineEndpoint(state, "richMenuCreate"), (c) => {
        const body = jsonBody(c);
        const errors = validateRichMenu(body);
        if (errors.length > 0) throw bodyErrors(errors);
        if (state.richMenus.size >= MAX_RICH_MENUS) throw lineError(400, "Cannot create more than 1000 rich menus");
        const { size, selected, name, chatBarText, areas } = body as RichMenuBody;
        const id = richMenuId();
        state.richMenus.set(id, { richMenuId: id, size, selected, name, chatBarText, areas, image: null });
        return c.json({ richMenuId: id });
      })
      .post("/v2/bot/richmenu/validate", lineEndpoint(state, "richMenuValidate"), (c) => {
        const errors = validateRichMenu(jsonBody(c));
        if (errors.length > 0) throw bodyErrors(errors);
        return c.json({});
      })
      // Registered before "/:richMenuId", which would otherwise match "list".
      .get("/v2/bot/richmenu/list", lineEndpoint(state, "richMenuList"), (c) =>
        c.json({ richmenus: [...state.richMenus.values()].map(richMenuJson) }),
      )
      .get("/v2/bot/richmenu/:richMenuId", lineEndpoint(state, "richMenuGet"), (c) =>
        c.json(richMenuJson(findRichMenu(state, c.req.param("richMenuId")))),
      )
      .delete("/v2/bot/richmenu/:richMenuId", lineEndpoint(state, "richMenuDelete"), (c) => {
        const menu = findRichMenu(state, c.req.param("richMenuId"));
        forgetRichMenu(state, menu.richMenuId);
        return c.json({});
      })
      .post("/v2/bot/richmenu/:richMenuId/content", lineEndpoint(state, "richMenuImageUpload", { body: "binary" }), (c) => {
        const menu = findRichMenu(state, c.req.param("richMenuId"));
        const bytes = c.get("rawBody") ?? new Uint8Array();
        const contentType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        if (contentType !== "image/png" && contentType !== "image/jpeg") {
          throw lineError(415, "Unsupported Media Type: use image/jpeg or image/png");
        }
        if (bytes.byteLength > MAX_IMAGE_BYTES) throw lineError(413, "The image must be 1 MB or smaller");
        if (sniffImageType(bytes) !== contentType) throw lineError(400, `The body is not a ${contentType} image`);
        // LINE never replaces a rich menu image: a new image needs a new rich menu.
        if (menu.image) throw lineError(400, "An image has already been uploaded to the rich menu");
        menu.image = { contentType, bytes };
        return c.json({});
      })
      .get("/v2/bot/richmenu/:richMenuId/content", lineEndpoint(state, "richMenuImageDownload"), (c) => {
        const menu = findRichMenu(state, c.req.param("richMenuId"));
        if (!menu.image) throw notFound("richmenu image not found");
        return c.body(new Uint8Array(menu.image.bytes), 200, { "content-type": menu.image.contentType });
      })
  );
}
