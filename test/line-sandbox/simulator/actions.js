// @ts-check
// What a tap does, for every place an action can sit (quick reply, template, Flex, rich menu): the same
// webhook event LINE would send for it.
// https://developers.line.biz/en/reference/messaging-api/#action-objects
import { sendEvent, switchRichMenu } from "./api.js";
import { safeUrl } from "./dom.js";
import { resolveActionUri } from "./links.js";

/**
 * @typedef {import("./api.js").WebhookResult} WebhookResult
 * @typedef {{
 *   userId: () => string | null,
 *   appUrl: string,
 *   onSent: (result: WebhookResult, what: string) => void,
 *   onNote: (text: string) => void,
 *   onError: (error: unknown) => void,
 *   afterChange: () => void,
 * }} ActionContext
 */

/**
 * @param {ActionContext} ctx
 * @returns {(action: Record<string, any>) => Promise<void>}
 */
export function createActionRunner(ctx) {
  return async function runAction(action) {
    const userId = ctx.userId();
    if (!userId) return;
    try {
      switch (action.type) {
        case "message":
          ctx.onSent(await sendEvent(userId, { type: "message", text: String(action.text ?? action.label ?? "") }), "message");
          break;
        case "postback": {
          // `displayText` (or the older `text`) shows in the chat as if the customer had typed it.
          const displayText = action.displayText ?? action.text;
          const event = {
            type: /** @type {const} */ ("postback"),
            data: String(action.data ?? ""),
            ...(displayText ? { displayText: String(displayText) } : {}),
          };
          ctx.onSent(await sendEvent(userId, event), `postback ${event.data}`);
          break;
        }
        case "datetimepicker":
          await pickDateTime(ctx, userId, action);
          break;
        case "richmenuswitch": {
          const result = await switchRichMenu(userId, String(action.richMenuAliasId ?? ""), String(action.data ?? ""));
          if (!result.switched) ctx.onNote(`メニューを切り替えられません / Cannot switch menu: ${result.status}`);
          ctx.onSent(result.webhook, `richmenuswitch ${action.richMenuAliasId}`);
          break;
        }
        case "uri":
          openUri(ctx, userId, action);
          break;
        case "clipboard":
          await navigator.clipboard?.writeText(String(action.clipboardText ?? ""));
          ctx.onNote("コピーしました / Copied");
          break;
        default:
          // camera, cameraRoll, location need a phone.
          ctx.onNote(`「${action.type}」アクションはシミュレーターでは使えません / Not available in the simulator`);
      }
    } catch (error) {
      ctx.onError(error);
    }
    ctx.afterChange();
  };
}

/**
 * @param {ActionContext} ctx
 * @param {string} userId
 * @param {Record<string, any>} action
 */
function openUri(ctx, userId, action) {
  const target = safeUrl(resolveActionUri(String(action.uri ?? ""), ctx.appUrl, userId));
  if (!target) {
    ctx.onNote(`開けないURLです / Cannot open: ${String(action.uri)}`);
    return;
  }
  window.open(target, "_blank", "noopener");
}

/**
 * LINE's picker, reduced to a prompt: the answer goes back in `postback.params` like LINE's.
 * @param {ActionContext} ctx
 * @param {string} userId
 * @param {Record<string, any>} action
 */
async function pickDateTime(ctx, userId, action) {
  const mode = action.mode === "time" || action.mode === "datetime" ? action.mode : "date";
  const example = mode === "date" ? "2026-12-24" : mode === "time" ? "18:30" : "2026-12-24T18:30";
  const value = window.prompt(`${action.label ?? "日時を選択"} (${example})`, action.initial ?? example);
  if (!value) return;
  const event = { type: /** @type {const} */ ("postback"), data: String(action.data ?? ""), params: { [mode]: value } };
  ctx.onSent(await sendEvent(userId, event), `datetimepicker ${value}`);
}
