// Per-user Messaging API endpoints: profile, account-link token, bot info.
// https://developers.line.biz/en/reference/messaging-api/#get-profile
// https://developers.line.biz/en/reference/messaging-api/#issue-link-token
import { Hono } from "hono";
import { lineEndpoint } from "../http/endpoint.ts";
import type { SandboxEnv } from "../http/env.ts";
import { lineError, notFound } from "../http/errors.ts";
import { opaqueToken } from "../ids.ts";
import { type SandboxState, type SandboxUser, setBounded } from "../state.ts";

/** LINE leaves optional profile fields out rather than sending null. */
export function profileOf(user: SandboxUser): Record<string, string> {
  const profile: Record<string, string> = { displayName: user.displayName, userId: user.userId };
  if (user.pictureUrl) profile.pictureUrl = user.pictureUrl;
  if (user.statusMessage) profile.statusMessage = user.statusMessage;
  if (user.language) profile.language = user.language;
  return profile;
}

export function userRoutes(state: SandboxState) {
  return new Hono<SandboxEnv>()
    .get("/v2/bot/profile/:userId", lineEndpoint(state, "profile"), (c) => {
      const user = state.users.get(c.req.param("userId"));
      // Profiles are only available for users who are friends of the account (blocked → 404 too).
      if (!user?.friend) throw notFound();
      return c.json(profileOf(user));
    })
    .post("/v2/bot/user/:userId/linkToken", lineEndpoint(state, "linkToken"), (c) => {
      const userId = c.req.param("userId");
      if (!state.users.has(userId)) throw lineError(400, "Invalid user ID");
      const linkToken = opaqueToken();
      // Valid for 10 minutes, single use; consumed by the account-link dialog (see account-link.ts).
      setBounded(state.linkTokens, linkToken, {
        userId,
        expiresAt: state.now() + state.config.linkTokenTtlMs,
        usedAt: null,
      });
      return c.json({ linkToken });
    })
    .get("/v2/bot/info", lineEndpoint(state, "botInfo"), (c) =>
      c.json({
        userId: state.channel.botUserId,
        basicId: "@enishi-sandbox",
        displayName: "Enishi Sandbox",
        chatMode: "bot",
        markAsReadMode: "manual",
      }),
    );
}
