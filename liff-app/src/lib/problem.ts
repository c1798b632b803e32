/**
 * Turns any error into what a person is told: Japanese first, English beneath, plus the technical detail
 * and request ID that support needs. Codes are switched on, never server messages.
 */
import { ApiError, type ApiErrorCode } from "./api.ts";
import { LiffSetupError } from "./liff.ts";

export interface Problem {
  ja: string;
  en: string;
  /** Technical detail (server message, sandbox URL); shown small, not translated. */
  detail?: string | undefined;
  requestId?: string | undefined;
  link?: { href: string; ja: string; en: string } | undefined;
  /** Whether trying again can help (a retry button is offered). */
  retry: boolean;
}

const API_MESSAGES: Record<ApiErrorCode, [ja: string, en: string]> = {
  network: [
    "通信できませんでした。電波の良い場所でもう一度お試しください。",
    "Could not reach the server. Check your connection and try again.",
  ],
  unauthorized: [
    "ログインを確認できませんでした。アプリを開き直してください。",
    "We could not confirm your sign-in. Please reopen the app.",
  ],
  forbidden: ["権限がありません。", "You don't have access."],
  not_found: ["見つかりませんでした。", "Not found."],
  bad_request: ["この操作はできませんでした。", "This could not be done."],
  validation_failed: ["入力内容を確認してください。", "Please check what you entered."],
  conflict: ["すでに処理されています。", "This has already been done."],
  rate_limited: ["混み合っています。少し待ってからお試しください。", "Too many requests. Please wait a moment and try again."],
  payload_too_large: ["内容が大きすぎます。", "That is too large."],
  upstream_unavailable: [
    "LINE と通信できませんでした。しばらくしてからお試しください。",
    "LINE could not be reached. Please try again shortly.",
  ],
  internal: ["問題が発生しました。時間をおいてもう一度お試しください。", "Something went wrong. Please try again later."],
  unexpected: ["問題が発生しました。時間をおいてもう一度お試しください。", "Something went wrong. Please try again later."],
};

const SETUP_MESSAGES: Record<LiffSetupError["code"], [ja: string, en: string]> = {
  no_liff_id: ["アプリの設定が完了していません（LIFF ID がありません）。", "This app is not configured yet (no LIFF ID)."],
  init_failed: [
    "LINE でアプリを開始できませんでした。LINE から開き直してください。",
    "LINE could not start this app. Please open it again from LINE.",
  ],
  no_id_token: ["LINE のログイン情報を取得できませんでした。", "LINE did not provide your sign-in (ID token)."],
  login_loop: [
    "ログインを確認できませんでした。しばらくしてから開き直してください。",
    "Your sign-in could not be confirmed. Please reopen the app later.",
  ],
  mock_user_missing: ["チャットシミュレーターからこのアプリを開いてください。", "Open this app from the chat simulator."],
  sandbox_unreachable: [
    "ローカルの LINE サンドボックスに接続できません。pnpm dev で起動してください。",
    "Cannot reach the local LINE sandbox. Start it with pnpm dev.",
  ],
  sandbox_rejected: ["LINE サンドボックスがこの利用者のログインを拒否しました。", "The LINE sandbox refused to sign this user in."],
};

/** A lazily loaded screen failed to download (offline, or replaced by a newer deploy). */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message)
  );
}

export function describeProblem(error: unknown): Problem {
  if (error instanceof ApiError) {
    const [ja, en] = API_MESSAGES[error.code] ?? API_MESSAGES.unexpected;
    const retry = error.code === "network" || error.status >= 500 || error.code === "rate_limited";
    return { ja, en, detail: error.code === "network" ? undefined : error.message, requestId: error.requestId, retry };
  }
  if (error instanceof LiffSetupError) {
    const [ja, en] = SETUP_MESSAGES[error.code];
    const sandbox = error.code.startsWith("sandbox") || error.code === "mock_user_missing" ? error.hint : undefined;
    return {
      ja,
      en,
      detail: error.hint && !sandbox ? `${error.message} — ${error.hint}` : error.message,
      link: sandbox ? { href: sandbox, ja: "シミュレーターを開く", en: "Open the simulator" } : undefined,
      retry: error.code === "sandbox_unreachable" || error.code === "init_failed",
    };
  }
  if (isChunkLoadError(error)) {
    return {
      ja: "画面を読み込めませんでした。再読み込みしてください。",
      en: "This screen could not be loaded. Please reload.",
      retry: true,
    };
  }
  const [ja, en] = API_MESSAGES.unexpected;
  return { ja, en, detail: error instanceof Error ? error.message : String(error), retry: true };
}
