/**
 * The one place that talks to the LIFF SDK. It uses LINE's pluggable SDK (core + the modules below) so the
 * customer's first load carries only what the app calls.
 * https://developers.line.biz/en/docs/liff/pluggable-sdk/
 *
 * Production builds initialise real LIFF with VITE_LIFF_ID. Mock builds (`--mode mock`, and the Vite dev
 * server) load @line/liff-mock lazily and take their identity from the local LINE sandbox (./liff-mock.ts);
 * that code and the mock plugin are a separate chunk the production build never contains.
 */

import CloseWindowModule from "@line/liff/close-window";
import liff from "@line/liff/core";
import GetDecodedIDTokenModule from "@line/liff/get-decoded-id-token";
import GetIDTokenModule from "@line/liff/get-id-token";
import IsApiAvailableModule from "@line/liff/is-api-available";
import IsInClientModule from "@line/liff/is-in-client";
import IsLoggedInModule from "@line/liff/is-logged-in";
import LoginModule from "@line/liff/login";
import LogoutModule from "@line/liff/logout";
import ScanCodeV2Module from "@line/liff/scan-code-v2";
import { jwtExpiry } from "./jwt.ts";

// IsInClient first: the mock plugin calls liff.isInClient() when it is installed.
liff.use(new IsInClientModule());
liff.use(new IsLoggedInModule());
liff.use(new LoginModule());
liff.use(new LogoutModule());
liff.use(new GetIDTokenModule());
liff.use(new GetDecodedIDTokenModule());
liff.use(new IsApiAvailableModule());
liff.use(new ScanCodeV2Module());
liff.use(new CloseWindowModule());

export type Liff = typeof liff;

/** True in `vite build --mode mock` and `vite` (dev); a constant, so production builds drop the mock path. */
export const IS_MOCK = import.meta.env.MODE === "mock" || import.meta.env.DEV;

/** Why the app could not sign the person in; the UI turns the code into a bilingual message. */
export class LiffSetupError extends Error {
  override name = "LiffSetupError";
  constructor(
    readonly code:
      | "no_liff_id"
      | "init_failed"
      | "no_id_token"
      | "login_loop"
      | "mock_user_missing"
      | "sandbox_unreachable"
      | "sandbox_rejected",
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

let ready: Promise<void> | undefined;
/** Mock builds fetch a fresh sandbox token here; production has none and logs in again instead. */
let refreshMockToken: (() => Promise<void>) | undefined;

/**
 * Initialises LIFF once. Call before reading the URL: `liff.init()` moves a deep link (`liff.state`) to its
 * path and strips the login credentials from the first URL. Resolves only when an ID token is available;
 * when a login redirect is under way it never resolves (the page is leaving).
 */
export function initLiff(): Promise<void> {
  ready ??= IS_MOCK ? initMock() : initReal();
  return ready;
}

async function initMock(): Promise<void> {
  const { installLiffMock } = await import("./liff-mock.ts");
  refreshMockToken = await installLiffMock(liff);
}

async function initReal(): Promise<void> {
  const liffId = import.meta.env.VITE_LIFF_ID || (await liffIdFromServer());
  if (!liffId) throw new LiffSetupError("no_liff_id", "No LIFF ID: set VITE_LIFF_ID at build time or LIFF_ID on the Worker");
  try {
    // In an external browser this sends the person to LINE Login first and comes back to this URL.
    await liff.init({ liffId, withLoginOnExternalBrowser: true });
  } catch (error) {
    throw new LiffSetupError("init_failed", `liff.init failed: ${String(error)}`);
  }
  if (!liff.isLoggedIn()) return redirectToLogin();
  if (!liff.getIDToken()) {
    throw new LiffSetupError(
      "no_id_token",
      "LIFF returned no ID token",
      "Enable the openid scope of the LIFF app in the LINE Developers console",
    );
  }
}

async function liffIdFromServer(): Promise<string> {
  try {
    const response = await fetch("/api/config");
    if (!response.ok) return "";
    const body: unknown = await response.json();
    const liffId = typeof body === "object" && body !== null && "liffId" in body ? body.liffId : "";
    return typeof liffId === "string" ? liffId : "";
  } catch {
    return "";
  }
}

function redirectToLogin(): Promise<never> {
  // The current URL is already cleaned by liff.init(), so coming back here leaks nothing.
  liff.login({ redirectUri: window.location.href });
  return new Promise<never>(() => {});
}

const RELOGIN_KEY = "enishi.relogin-at";
const RELOGIN_MIN_INTERVAL_MS = 120_000;

/**
 * LIFF can hand back a cached ID token that has already expired, and the server then answers 401
 * (docs/LINE-PLATFORM.md, Identity). Logging out and in again gets a fresh one. A second attempt within two
 * minutes means something else is wrong (e.g. the channel ID), so it stops instead of looping.
 */
function relogin(): Promise<never> {
  const last = Number(sessionStorage.getItem(RELOGIN_KEY) ?? "0");
  if (Date.now() - last < RELOGIN_MIN_INTERVAL_MS) {
    throw new LiffSetupError("login_loop", "The server keeps rejecting fresh ID tokens");
  }
  sessionStorage.setItem(RELOGIN_KEY, String(Date.now()));
  liff.logout();
  // Inside LINE the login is automatic: a reload initialises again with a fresh token.
  if (liff.isInClient()) {
    window.location.reload();
    return new Promise<never>(() => {});
  }
  return redirectToLogin();
}

/** Tokens this close to expiry are renewed before use rather than sent to be refused. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * The raw ID token for the `Authorization` header; the server verifies it. Never send the decoded profile:
 * the server takes identity only from a verified token. `forceRefresh` after a 401.
 */
export async function getIdToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
  await initLiff();
  const current = liff.getIDToken();
  // A token without a readable `exp` is sent as it is: the server decides, and a 401 brings us back here.
  const expiry = current ? jwtExpiry(current) : undefined;
  const fresh = expiry === undefined || expiry > Date.now() + EXPIRY_MARGIN_MS;
  if (current && fresh && !options.forceRefresh) return current;
  if (refreshMockToken) {
    await refreshMockToken();
    const renewed = liff.getIDToken();
    if (renewed) return renewed;
    throw new LiffSetupError("no_id_token", "The sandbox returned no ID token");
  }
  return relogin();
}

export function isInClient(): boolean {
  return liff.isInClient();
}

/** Whether `scanCode()` can open the camera here (LINE app with scanCodeV2, or the mock). */
export function canScanCode(): boolean {
  return liff.isApiAvailable("scanCodeV2");
}

/**
 * Opens LINE's code reader (liff.scanCodeV2). Resolves the scanned text, or undefined when scanning is not
 * available here or the person cancelled — callers then offer typing the code instead.
 */
export async function scanCode(): Promise<string | undefined> {
  await initLiff();
  if (!canScanCode()) return undefined;
  const result = await liff.scanCodeV2();
  return result.value ?? undefined;
}

/** Closes the LIFF window inside LINE; in a browser tab it tries window.close(). */
export function closeWindow(): void {
  if (liff.isInClient()) liff.closeWindow();
  else window.close();
}
