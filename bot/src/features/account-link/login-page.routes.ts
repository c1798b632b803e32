import { LinkTokenSchema } from "@enishi/shared";
import type { Context } from "hono";
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { AppEnv } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { type LoginFormView, loginFormPage, messagePage } from "./login-page.html.ts";
import { constantTimeEqualText, randomToken } from "./secrets.ts";
import { loginForAccountLink } from "./shop-login.service.ts";

/**
 * `/link/login` — the demo shop website's login page for LINE's account-link flow. Form posts are
 * CSRF-checked twice: a double-submit token (SameSite=Strict cookie = hidden field) and, when the browser
 * sends them, Origin / Sec-Fetch-Site must be this site.
 */
const CSRF_COOKIE = "enishi_link_csrf";

const LoginForm = z.object({
  linkToken: LinkTokenSchema,
  csrf: z.string().min(1),
  loginId: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

const DEMO_ACCOUNTS = [
  { loginId: "misaki@example.com", password: "enishi-demo", name: "高橋 美咲 (100003)" },
  { loginId: "sho@example.com", password: "enishi-demo", name: "田中 翔 (100004)" },
] as const;

type Ctx = Context<AppEnv>;

function secureHeaders(c: Ctx): void {
  // The URL carries the link token: no caching, no referrer to other sites, no framing (clickjacking the
  // login). Not `no-referrer`: with it, browsers send `Origin: null` on the form post and the check below fails.
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "same-origin");
  c.header("X-Frame-Options", "DENY");
  const lineOrigin = new URL(c.var.config.accessBaseUrl).origin;
  // form-action includes LINE: browsers apply it to the redirect after the post, too.
  c.header(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${lineOrigin}; frame-ancestors 'none'; base-uri 'none'`,
  );
}

function page(c: Ctx, body: ReturnType<typeof messagePage>, status: ContentfulStatusCode = 200) {
  secureHeaders(c);
  return c.html(body, status);
}

function formPage(c: Ctx, view: Omit<LoginFormView, "csrfToken" | "demoAccounts">, status: ContentfulStatusCode = 200) {
  const csrfToken = randomToken(16);
  setCookie(c, CSRF_COOKIE, csrfToken, {
    path: "/link",
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    maxAge: 60 * 30,
  });
  const demoAccounts = c.var.config.appEnv === "production" ? [] : DEMO_ACCOUNTS;
  return page(c, loginFormPage({ ...view, csrfToken, demoAccounts }), status);
}

const openFromLine = () =>
  messagePage(
    { ja: "LINE から開いてください", en: "Please open this from LINE" },
    {
      ja: "このページは LINE のトークにある「ログインして連携」から開いてください。リンクの有効期限（10分）が切れた場合は、メニューの「会員連携」からもう一度お試しください。",
      en: "Open this page from “Log in and link” in your LINE chat. If the link has expired (10 minutes), start again from “Link membership” in the menu.",
    },
  );

function crossSite(c: Ctx): boolean {
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin) return true;
  const site = c.req.header("sec-fetch-site");
  return site !== undefined && site !== "same-origin" && site !== "none";
}

export const loginPageRoutes = new Hono<AppEnv>()
  .get("/login", (c) => {
    const linkToken = LinkTokenSchema.safeParse(c.req.query("linkToken"));
    if (!linkToken.success) return page(c, openFromLine(), 400);
    return formPage(c, { linkToken: linkToken.data });
  })
  .post("/login", async (c) => {
    const raw = await c.req.parseBody();
    const form = LoginForm.safeParse(raw);
    const cookie = getCookie(c, CSRF_COOKIE);
    const formCsrf = typeof raw.csrf === "string" ? raw.csrf : "";
    if (crossSite(c) || !cookie || !constantTimeEqualText(cookie, formCsrf)) {
      console.warn(
        JSON.stringify({
          msg: "link_login_refused",
          origin: c.req.header("origin") ?? null,
          site: c.req.header("sec-fetch-site") ?? null,
          url: new URL(c.req.url).origin,
          cookie: cookie !== undefined,
        }),
      );
      return page(
        c,
        messagePage(
          { ja: "もう一度お試しください", en: "Please try again" },
          {
            ja: "安全のため、この送信は受け付けられませんでした。LINE のトークのリンクからページを開き直してください。",
            en: "For your safety this submission was refused. Reopen the page from the link in your LINE chat.",
          },
        ),
        403,
      );
    }
    if (!form.success) {
      const linkToken = LinkTokenSchema.safeParse(raw.linkToken);
      if (!linkToken.success) return page(c, openFromLine(), 400);
      const loginId = typeof raw.loginId === "string" ? raw.loginId.slice(0, 254) : "";
      const error = { ja: "メールアドレスとパスワードを入力してください。", en: "Enter your email and password." };
      return formPage(c, { linkToken: linkToken.data, loginId, error }, 400);
    }
    const { linkToken, loginId } = form.data;
    let outcome: Awaited<ReturnType<typeof loginForAccountLink>>;
    try {
      outcome = await loginForAccountLink(c.var.deps, form.data);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 429) throw error;
      const [ja = error.message, en = ""] = error.message.split(" / ");
      return formPage(c, { linkToken, loginId, error: { ja, en } }, 429);
    }
    switch (outcome.kind) {
      case "ok":
        secureHeaders(c);
        return c.redirect(outcome.dialogUrl, 303);
      case "bad-credentials": {
        const n = outcome.remainingAttempts;
        const error = {
          ja: `メールアドレスまたはパスワードが違います（あと${n}回）。`,
          en: `Wrong email or password (${n} tries left).`,
        };
        return formPage(c, { linkToken, loginId, error }, 401);
      }
      case "member-linked":
        return page(
          c,
          messagePage(
            { ja: "すでに連携されています", en: "Already linked" },
            {
              ja: "この会員アカウントはすでに LINE アカウントと連携されています。別の LINE アカウントと連携するには、連携中の LINE のメニュー「会員連携」から先に解除してください。",
              en: "This membership is already linked to a LINE account. To link another LINE account, first unlink it from “Link membership” in the linked account's menu.",
            },
          ),
          409,
        );
    }
  });
