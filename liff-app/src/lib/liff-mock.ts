/**
 * LIFF without LINE, for `pnpm dev` and the tests: @line/liff-mock plus a real identity from the local
 * LINE sandbox. Loaded only by mock builds (a lazy chunk of ./liff.ts).
 *
 * The chat simulator opens the app as `?mockUser=U…[&sandbox=http://127.0.0.1:8790]`. liff-mock's own ID
 * token is the string "id_token", which the server rightly refuses, so the token comes from the sandbox's
 * LINE Login stand-in (ES256, verified by the Worker exactly like LINE's). See docs/dev-contracts.md.
 */
import { type LiffMockApi, LiffMockPlugin } from "@line/liff-mock";
import { decodeJwtClaims } from "./jwt.ts";
import { type Liff, LiffSetupError } from "./liff.ts";
import { MOCK_SANDBOX_KEY, MOCK_USER_KEY } from "./mock-session.ts";

const DEFAULT_SANDBOX = "http://127.0.0.1:8790";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function remember(key: string, value: string | null): string | null {
  try {
    if (value !== null) sessionStorage.setItem(key, value);
    return sessionStorage.getItem(key);
  } catch {
    // Storage can be unavailable (private modes): the URL value still works for this page.
    return value;
  }
}

/**
 * Takes `mockUser` and `sandbox` from the URL into sessionStorage (so navigating inside the app keeps the
 * user) and removes them from the visible URL.
 */
function takeMockParams(): { userId: string | null; sandbox: string } {
  const url = new URL(window.location.href);
  const userParam = url.searchParams.get("mockUser")?.trim() || null;
  const sandboxParam = url.searchParams.get("sandbox");
  const userId = remember(MOCK_USER_KEY, userParam);
  const sandbox = remember(MOCK_SANDBOX_KEY, sandboxParam !== null && isHttpUrl(sandboxParam) ? sandboxParam : null);
  if (url.searchParams.has("mockUser") || url.searchParams.has("sandbox")) {
    url.searchParams.delete("mockUser");
    url.searchParams.delete("sandbox");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }
  return { userId, sandbox: (sandbox ?? import.meta.env.VITE_SANDBOX_URL ?? DEFAULT_SANDBOX).replace(/\/+$/, "") };
}

function requestIdToken(sandbox: string, userId: string): Promise<Response> {
  return fetch(`${sandbox}/__sandbox/login/id-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId }),
  });
}

async function readIdToken(request: Promise<Response>, sandbox: string, userId: string): Promise<string> {
  let response: Response;
  try {
    response = await request;
  } catch (error) {
    throw new LiffSetupError("sandbox_unreachable", `Cannot reach the LINE sandbox: ${String(error)}`, sandbox);
  }
  const body: unknown = await response.json().catch(() => null);
  const idToken = typeof body === "object" && body !== null && "idToken" in body ? body.idToken : undefined;
  if (!response.ok || typeof idToken !== "string") {
    throw new LiffSetupError("sandbox_rejected", `The LINE sandbox refused an ID token for ${userId} (HTTP ${response.status})`, sandbox);
  }
  return idToken;
}

const fetchIdToken = (sandbox: string, userId: string) => readIdToken(requestIdToken(sandbox, userId), sandbox, userId);

/** What the inline script of mock builds' index.html started (vite.config.ts, `earlyMockToken`). */
interface EarlyToken {
  userId: string;
  sandbox: string;
  response: Promise<Response>;
}

/**
 * The token request index.html sent while the scripts were still downloading, if it was for this user and
 * sandbox: in LINE, liff.init() finds the ID token without a round trip, so the mock should not add one.
 */
function takeEarlyToken(sandbox: string, userId: string): Promise<string> | null {
  const holder = window as { __enishiEarlyToken?: EarlyToken };
  const early = holder.__enishiEarlyToken;
  delete holder.__enishiEarlyToken;
  if (!early) return null;
  if (early.userId !== userId || early.sandbox !== sandbox) {
    early.response.catch(() => {});
    return null;
  }
  return readIdToken(early.response, sandbox, userId);
}

type MockData = Parameters<LiffMockApi["set"]>[0] extends infer D ? Exclude<D, (...args: never[]) => unknown> : never;

/** Makes every identity API of the mock agree with the sandbox token. */
function applyToken(mock: LiffMockApi, idToken: string): void {
  const claims = decodeJwtClaims(idToken) ?? {};
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const profile = { userId: text(claims.sub) ?? "", displayName: text(claims.name) ?? "", pictureUrl: text(claims.picture) };
  mock.set((previous) => ({
    ...previous,
    isLoggedIn: true,
    isApiAvailable: true,
    getIDToken: idToken,
    getDecodedIDToken: claims as MockData["getDecodedIDToken"],
    getProfile: profile,
  }));
}

/** Installs the mock and signs in as the simulator's user; returns how to get a fresh token. */
export async function installLiffMock(liff: Liff): Promise<() => Promise<void>> {
  const { userId, sandbox } = takeMockParams();
  // Ask the sandbox for the ID token while the mock initialises: one round trip less before the first data.
  const firstToken = userId ? (takeEarlyToken(sandbox, userId) ?? fetchIdToken(sandbox, userId)) : null;
  firstToken?.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  // The plugin is typed against the full SDK; the pluggable core has the members it touches (isInClient).
  liff.use(new LiffMockPlugin() as unknown as Parameters<Liff["use"]>[0]);
  const init = liff.init as (config: { liffId: string; mock: true }) => Promise<void>;
  await init({ liffId: import.meta.env.VITE_LIFF_ID || "0000000000-mocked", mock: true });
  if (!userId || !firstToken) {
    throw new LiffSetupError("mock_user_missing", "No mock user: open the app from the chat simulator (?mockUser=U…)", sandbox);
  }
  const mock = (liff as unknown as { $mock: LiffMockApi }).$mock;
  const refresh = async () => applyToken(mock, await fetchIdToken(sandbox, userId));
  applyToken(mock, await firstToken);
  // No camera here: the mock scanner asks for the code, so scanner flows can be tried and tested.
  liff.scanCodeV2 = async () => ({ value: window.prompt("読み取るコードを入力してください / Type the code to scan") });
  return refresh;
}
