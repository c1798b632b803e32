// Control API for users and what their LINE app shows: profile, chat, rich menu (and switching it).
import { Hono } from "hono";
import { z } from "zod";
import type { SandboxEnv } from "../http/env.ts";
import { richMenuJson } from "../messaging/richmenu.ts";
import { resolveRichMenu } from "../messaging/richmenu-links.ts";
import type { RichMenuRecord, SandboxState, SandboxUser } from "../state.ts";
import { CreateUserInputSchema, upsertUser } from "../users.ts";
import { sendWebhook } from "../webhook-sender.ts";
import { controlError, parseControlBody } from "./validation.ts";

const SwitchInputSchema = z.object({ richMenuAliasId: z.string().min(1), data: z.string().max(300) });

export function richMenuImageUrl(state: SandboxState, richMenuId: string): string {
  return `${state.origin}/__sandbox/richmenu/${encodeURIComponent(richMenuId)}/image`;
}

/** What the simulator needs to draw a menu: LINE's rich menu object plus where its image is served. */
export function richMenuView(state: SandboxState, menu: RichMenuRecord) {
  return { ...richMenuJson(menu), imageUrl: richMenuImageUrl(state, menu.richMenuId) };
}

function userOr404(state: SandboxState, userId: string): SandboxUser {
  const user = state.users.get(userId);
  if (!user) throw controlError(404, `Unknown user ${userId}`);
  return user;
}

export function userControlRoutes(state: SandboxState) {
  return (
    new Hono<SandboxEnv>()
      .post("/__sandbox/users", async (c) => c.json(upsertUser(state, await parseControlBody(c, CreateUserInputSchema))))
      .get("/__sandbox/users", (c) => c.json({ users: [...state.users.values()] }))
      .get("/__sandbox/users/:userId", (c) => c.json(userOr404(state, c.req.param("userId"))))
      .get("/__sandbox/chats/:userId", (c) => {
        const user = userOr404(state, c.req.param("userId"));
        const until = state.loadingUntil.get(user.userId) ?? null;
        return c.json({
          items: state.chats.get(user.userId) ?? [],
          // The loading animation shows until a message arrives or its time is up.
          loadingUntil: until !== null && until > state.now() ? new Date(until).toISOString() : null,
        });
      })
      .get("/__sandbox/users/:userId/richmenu", (c) => {
        const resolved = resolveRichMenu(state, userOr404(state, c.req.param("userId")).userId);
        return c.json(
          resolved ? { richMenu: richMenuView(state, resolved.menu), source: resolved.source } : { richMenu: null, source: null },
        );
      })
      // A tap on a `richmenuswitch` area: LINE switches the user's menu to the alias's menu and sends a
      // postback event carrying params.newRichMenuAliasId and params.status.
      .post("/__sandbox/users/:userId/richmenu/switch", async (c) => {
        const user = userOr404(state, c.req.param("userId"));
        const input = await parseControlBody(c, SwitchInputSchema);
        const target = state.aliases.get(input.richMenuAliasId);
        const status = !target ? "RICHMENU_ALIAS_ID_NOTFOUND" : state.richMenus.has(target) ? "SUCCESS" : "RICHMENU_NOTFOUND";
        if (status === "SUCCESS" && target) state.userRichMenus.set(user.userId, target);
        const params = { newRichMenuAliasId: input.richMenuAliasId, status };
        const result = await sendWebhook(state, { userId: user.userId, event: { type: "postback", data: input.data, params } });
        return c.json({ switched: status === "SUCCESS", status, webhook: result });
      })
  );
}
