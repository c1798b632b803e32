// The account-link dialog (https://access.line.me/dialog/bot/accountLink?linkToken=…&nonce=…) that the
// shop's login page redirects the user to. LINE consumes the link token and sends the bot an accountLink
// event carrying the nonce: result "ok" with a reply token, or "failed" (expired or used token) without.
// https://developers.line.biz/en/docs/messaging-api/linking-accounts/
import { Hono } from "hono";
import { lineEndpoint } from "./http/endpoint.ts";
import type { SandboxEnv } from "./http/env.ts";
import type { SandboxState } from "./state.ts";
import { sendWebhook } from "./webhook-sender.ts";

function page(title: string, text: string, userId: string | null): string {
  const back = userId ? `<p><a href="/?userId=${encodeURIComponent(userId)}">Back to the chat</a></p>` : "";
  const html = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title></head>
<body><h1>${html(title)}</h1><p>${html(text)}</p>${back}</body></html>`;
}

export function accountLinkRoutes(state: SandboxState) {
  return new Hono<SandboxEnv>().get(
    "/dialog/bot/accountLink",
    lineEndpoint(state, "accountLinkDialog", { auth: false, body: "none" }),
    async (c) => {
      const linkToken = c.req.query("linkToken");
      const nonce = c.req.query("nonce");
      if (!linkToken || !nonce) {
        return c.html(page("Invalid request", "linkToken and nonce are required.", null), 400);
      }
      const record = state.linkTokens.get(linkToken);
      if (!record) return c.html(page("Invalid link token", "This link token was never issued.", null), 400);
      const usable = record.usedAt === null && record.expiresAt > state.now();
      if (usable) record.usedAt = state.now();
      const result = usable ? "ok" : "failed";
      const delivery = await sendWebhook(state, { userId: record.userId, event: { type: "accountLink", result, nonce } });
      const note = delivery.error ? ` (webhook not delivered: ${delivery.error})` : ` (webhook answered ${delivery.status})`;
      return usable
        ? c.html(page("Accounts linked", `Your LINE account is now linked${note}.`, record.userId))
        : c.html(page("Linking failed", `The link token has expired or was already used${note}.`, record.userId), 400);
    },
  );
}
