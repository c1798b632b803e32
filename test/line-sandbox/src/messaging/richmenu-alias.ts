// Rich menu aliases: names that `richmenuswitch` actions point at, so tab-style menus can be swapped
// without touching every user. https://developers.line.biz/en/reference/messaging-api/#create-rich-menu-alias
import { Hono } from "hono";
import { lineEndpoint } from "../http/endpoint.ts";
import { isRecord, jsonBody, type SandboxEnv } from "../http/env.ts";
import { bodyErrors, lineError, notFound } from "../http/errors.ts";
import type { SandboxState } from "../state.ts";
import { findShowableRichMenu } from "./richmenu.ts";
import { ALIAS_ID } from "./richmenu-rules.ts";

const MAX_ALIASES = 1_000;

function targetMenuId(state: SandboxState, body: unknown): string {
  const richMenuId = isRecord(body) ? body.richMenuId : undefined;
  if (typeof richMenuId !== "string") throw bodyErrors([{ message: "must be specified", property: "richMenuId" }]);
  return findShowableRichMenu(state, richMenuId).richMenuId;
}

export function richMenuAliasRoutes(state: SandboxState) {
  return (
    new Hono<SandboxEnv>()
      .post("/v2/bot/richmenu/alias", lineEndpoint(state, "richMenuAliasCreate"), (c) => {
        const body = jsonBody(c);
        const aliasId = isRecord(body) ? body.richMenuAliasId : undefined;
        if (typeof aliasId !== "string" || !ALIAS_ID.test(aliasId)) {
          throw bodyErrors([{ message: "must match ^[a-z0-9_-]{1,32}$", property: "richMenuAliasId" }]);
        }
        const richMenuId = targetMenuId(state, body);
        if (state.aliases.has(aliasId)) throw lineError(400, "conflict richmenu alias id");
        if (state.aliases.size >= MAX_ALIASES) throw lineError(400, "Cannot create more than 1000 rich menu aliases");
        state.aliases.set(aliasId, richMenuId);
        return c.json({});
      })
      // Registered before "/:richMenuAliasId", which would otherwise match "list".
      .get("/v2/bot/richmenu/alias/list", lineEndpoint(state, "richMenuAliasList"), (c) =>
        c.json({
          aliases: [...state.aliases].map(([richMenuAliasId, richMenuId]) => ({ richMenuAliasId, richMenuId })),
        }),
      )
      .get("/v2/bot/richmenu/alias/:richMenuAliasId", lineEndpoint(state, "richMenuAliasGet"), (c) => {
        const aliasId = c.req.param("richMenuAliasId");
        const richMenuId = state.aliases.get(aliasId);
        if (!richMenuId) throw notFound("richmenu alias not found");
        return c.json({ richMenuAliasId: aliasId, richMenuId });
      })
      .post("/v2/bot/richmenu/alias/:richMenuAliasId", lineEndpoint(state, "richMenuAliasUpdate"), (c) => {
        const aliasId = c.req.param("richMenuAliasId");
        // The spec lists 400 (not 404) for update and delete of an alias that does not exist.
        if (!state.aliases.has(aliasId)) throw lineError(400, "richmenu alias not found");
        state.aliases.set(aliasId, targetMenuId(state, jsonBody(c)));
        return c.json({});
      })
      .delete("/v2/bot/richmenu/alias/:richMenuAliasId", lineEndpoint(state, "richMenuAliasDelete"), (c) => {
        if (!state.aliases.delete(c.req.param("richMenuAliasId"))) throw lineError(400, "richmenu alias not found");
        return c.json({});
      })
  );
}
