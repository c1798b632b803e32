import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The demo shop website's login page (server-rendered, no script). Japanese first, English beneath;
 * every interpolation is escaped by hono/html.
 */
type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const styles = `
  body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 0; background: #f5f5f0; color: #222; }
  main { max-width: 28rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  .en { display: block; color: #666; font-size: .85em; }
  .card { background: #fff; border-radius: 12px; padding: 1rem 1.25rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; }
  label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
  input { box-sizing: border-box; width: 100%; font-size: 1.05rem; padding: .7rem; border: 1px solid #bbb; border-radius: 8px; }
  button { width: 100%; margin-top: 1.25rem; padding: .9rem; font-size: 1.05rem; font-weight: 700; color: #fff; background: #06c755; border: 0; border-radius: 8px; }
  .error { background: #fdecea; color: #8a1c12; border-left: 4px solid #d93025; padding: .75rem 1rem; border-radius: 6px; }
  .hint { font-size: .9rem; color: #555; }
  code { background: #eee; padding: 0 .25rem; border-radius: 4px; }
`;

function layout(title: { ja: string; en: string }, body: Html): Html {
  return html`<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title.ja} / ${title.en}</title>
    <style>${styles}</style>
  </head>
  <body>
    <main>
      <h1>${title.ja}<span class="en" lang="en">${title.en}</span></h1>
      ${body}
    </main>
  </body>
</html>`;
}

export interface LoginFormView {
  linkToken: string;
  csrfToken: string;
  loginId?: string;
  error?: { ja: string; en: string } | undefined;
  /** Demo accounts shown outside production, so the local demo can be tried without reading the seed. */
  demoAccounts?: readonly { loginId: string; password: string; name: string }[];
}

export function loginFormPage(view: LoginFormView): Html {
  const error = view.error
    ? html`<p class="error" role="alert">${view.error.ja}<span class="en" lang="en">${view.error.en}</span></p>`
    : "";
  const demo =
    view.demoAccounts && view.demoAccounts.length > 0
      ? html`<div class="card hint">
          <p>デモ用アカウント / Demo accounts</p>
          <ul>
            ${view.demoAccounts.map((a) => html`<li>${a.name}: <code>${a.loginId}</code> / <code>${a.password}</code></li>`)}
          </ul>
        </div>`
      : "";
  return layout(
    { ja: "ログインして LINE と連携", en: "Log in to link with LINE" },
    html`<div class="card">
        <p>
          ショップのアカウントにログインすると、会員情報とお使いの LINE アカウントが連携されます。連携すると LINE
          の会員証にポイントとランクが表示され、あなたに合ったお知らせが届きます。連携は LINE
          のメニュー「会員連携」からいつでも解除できます。
          <span class="en" lang="en"
            >Logging in links your membership with your LINE account: your LINE member card then shows your points and rank,
            and you get news that fits you. You can unlink at any time from “Link membership” in the LINE menu.</span
          >
        </p>
      </div>
      ${error}
      <form method="post" action="/link/login" class="card" autocomplete="on">
        <input type="hidden" name="linkToken" value="${view.linkToken}" />
        <input type="hidden" name="csrf" value="${view.csrfToken}" />
        <label for="loginId">メールアドレス <span class="en" lang="en">Email</span></label>
        <input id="loginId" name="loginId" type="email" required maxlength="254" autocomplete="username" value="${view.loginId ?? ""}" />
        <label for="password">パスワード <span class="en" lang="en">Password</span></label>
        <input id="password" name="password" type="password" required maxlength="200" autocomplete="current-password" />
        <button type="submit">ログインして連携する <span lang="en">/ Log in and link</span></button>
      </form>
      ${demo}`,
  );
}

/** A dead end with an explanation: no token, expired page, already linked, refused request. */
export function messagePage(title: { ja: string; en: string }, text: { ja: string; en: string }): Html {
  return layout(title, html`<div class="card"><p>${text.ja}<span class="en" lang="en">${text.en}</span></p></div>`);
}
