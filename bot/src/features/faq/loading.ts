import type { Deps } from "../../deps.ts";
import { callLine } from "../../line/call.ts";

/**
 * LINE's loading animation while the bot works (POST /v2/bot/chat/loading/start). Cosmetic: never
 * retried, never fatal; it disappears by itself when the answer arrives.
 * https://developers.line.biz/en/reference/messaging-api/#display-a-loading-indicator
 */
export async function showLoading(deps: Deps, userId: string): Promise<void> {
  try {
    await callLine("loading", () => deps.line.api.showLoadingAnimationWithHttpInfo({ chatId: userId, loadingSeconds: 5 }), {
      retry: false,
      timeoutMs: Math.min(deps.line.timeoutMs, 3000),
    });
  } catch (error) {
    console.warn(JSON.stringify({ msg: "loading_animation_failed", error: String(error) }));
  }
}
