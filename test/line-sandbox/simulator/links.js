// @ts-check
// URLs into the LIFF app as a chosen LINE user. In mock mode the app takes its user from `mockUser` and
// gets that user's ID token from the sandbox named by `sandbox` (liff-app/src/lib/liff.ts).

/** Demo identities from docs/dev-contracts.md (staff role from the seed, admin from ADMIN_LINE_USER_IDS). */
export const DEMO_STAFF_ID = "U00000000000000000000000000000501";
export const DEMO_ADMIN_ID = "U00000000000000000000000000000a01";

/**
 * Where the Worker serves the LIFF app: `?app=` on the simulator's own URL, else the `pnpm dev` default.
 * @param {string} search location.search
 */
export function appUrlFrom(search) {
  const fromQuery = new URLSearchParams(search).get("app");
  const url = fromQuery && /^https?:\/\//.test(fromQuery) ? fromQuery : "http://127.0.0.1:8787";
  return url.replace(/\/+$/, "");
}

/**
 * @param {string} appUrl
 * @param {string} path "/", "/staff", "/coupons?x=1"…
 * @param {string} userId
 */
export function liffUrl(appUrl, path, userId) {
  const url = new URL(path.startsWith("/") ? path : `/${path}`, `${appUrl}/`);
  url.searchParams.set("mockUser", userId);
  url.searchParams.set("sandbox", location.origin);
  return url.href;
}

/**
 * A `uri` action from the bot, made openable here: links to the LIFF app (liff.line.me in production
 * form, or the local app when the bot runs without a LIFF ID) open the local app as this customer.
 * @param {string} uri
 * @param {string} appUrl
 * @param {string} userId
 */
export function resolveActionUri(uri, appUrl, userId) {
  const liff = /^https:\/\/liff\.line\.me\/[^/?#]+(.*)$/.exec(uri);
  if (liff) return liffUrl(appUrl, liff[1] || "/", userId);
  if (uri.startsWith(`${appUrl}/`) || uri === appUrl) return liffUrl(appUrl, uri.slice(appUrl.length) || "/", userId);
  return uri;
}
