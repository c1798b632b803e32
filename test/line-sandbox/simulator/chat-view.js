// @ts-check
// The chat as the customer's LINE app shows it: bot on the left, the customer on the right, times, 既読,
// day separators, the "typing" dots of the loading animation, and the quick reply chips of the last message.
import { h, replaceChildren, safeUrl } from "./dom.js";
import { renderMessage } from "./message-view.js";

/**
 * @typedef {import("./api.js").Chat} Chat
 * @typedef {import("./api.js").ChatItem} ChatItem
 * @typedef {(action: Record<string, any>) => void} OnAction
 */

const timeFormat = new Intl.DateTimeFormat("ja-JP", { hour: "2-digit", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat("ja-JP", { month: "numeric", day: "numeric", weekday: "short" });

/**
 * A cheap fingerprint of what is on screen: polling redraws only when it changes, so the 500 ms poll
 * neither flickers nor resets the scroll position while someone reads.
 * @param {Chat} chat
 */
export function chatSignature(chat) {
  const last = chat.items.at(-1);
  const read = chat.items.filter((item) => item.readAt).length;
  return `${chat.items.length}:${last?.messageId ?? ""}:${read}:${chat.loadingUntil ? "loading" : ""}`;
}

/**
 * Keeps the newest message in view, as a chat app does, unless the reader has scrolled up. Whether they
 * have is tracked from scroll events, not measured at render time: images that finish loading grow
 * the log without scrolling it, and must not count as "scrolled up".
 * @param {HTMLElement} log the scrolling chat area
 */
export function followNewest(log) {
  let pinned = true;
  const toBottom = () => {
    if (pinned) log.scrollTop = log.scrollHeight;
  };
  log.addEventListener("scroll", () => {
    pinned = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  });
  // `load` does not bubble: listen in the capture phase for every image inside.
  log.addEventListener("load", toBottom, true);
  return {
    toBottom,
    /** After the customer sends something: show it, wherever they were. */
    jump() {
      pinned = true;
      toBottom();
    },
  };
}

/**
 * @param {HTMLElement} log the scrolling chat area
 * @param {Chat} chat
 * @param {OnAction} onAction
 */
export function renderChat(log, chat, onAction) {
  if (chat.items.length === 0 && !chat.loadingUntil) {
    replaceChildren(
      log,
      h(
        "p",
        { class: "chat-empty", "data-testid": "chat-empty" },
        "まだメッセージはありません。友だち追加するか、下の欄から話しかけてみましょう。",
        h("br"),
        h("span", { lang: "en" }, "No messages yet: add the account as a friend, or say something below."),
      ),
    );
    return;
  }
  /** @type {HTMLElement[]} */
  const rows = [];
  let lastDay = "";
  for (const item of chat.items) {
    const at = new Date(item.at);
    const day = dayFormat.format(at);
    if (day !== lastDay) {
      rows.push(h("div", { class: "chat-day" }, h("span", {}, day)));
      lastDay = day;
    }
    rows.push(renderItem(item, at, onAction));
  }
  if (chat.loadingUntil) {
    rows.push(
      h(
        "div",
        { class: "chat-row chat-row-bot", "data-testid": "chat-loading", "aria-label": "入力中 / typing" },
        avatar(),
        h("div", { class: "bubble typing" }, h("i"), h("i"), h("i")),
      ),
    );
  }
  replaceChildren(log, rows);
}

/**
 * @param {ChatItem} item
 * @param {Date} at
 * @param {OnAction} onAction
 */
function renderItem(item, at, onAction) {
  const meta = h(
    "div",
    { class: "chat-meta" },
    item.from === "user" && item.readAt ? h("span", { class: "chat-read" }, "既読") : null,
    h("time", { datetime: item.at }, timeFormat.format(at)),
  );
  const content = renderMessage(item.message ?? {}, onAction);
  return h(
    "div",
    {
      class: `chat-row chat-row-${item.from}`,
      "data-testid": "chat-item",
      "data-from": item.from,
      "data-via": item.via ?? null,
      title: item.via ? `via ${item.via}` : null,
    },
    item.from === "bot" ? avatar() : null,
    item.from === "user" ? meta : null,
    content,
    item.from === "bot" ? meta : null,
  );
}

function avatar() {
  return h("div", { class: "chat-avatar", "aria-hidden": "true" }, "縁");
}

/**
 * Quick reply chips belong to the last message only, and only while it is the bot's: LINE hides them
 * as soon as anything else is said.
 * @param {HTMLElement} bar
 * @param {Chat} chat
 * @param {OnAction} onAction
 */
export function renderQuickReply(bar, chat, onAction) {
  const last = chat.items.at(-1);
  const items = last?.from === "bot" && Array.isArray(last.message?.quickReply?.items) ? last.message.quickReply.items : [];
  bar.hidden = items.length === 0;
  replaceChildren(
    bar,
    items.map((/** @type {any} */ item) => {
      const icon = safeUrl(item.imageUrl, "image");
      return h(
        "button",
        { type: "button", class: "quick-reply-chip", "data-testid": "quick-reply-chip", onclick: () => onAction(item.action ?? {}) },
        icon ? h("img", { src: icon, alt: "" }) : null,
        String(item.action?.label ?? "…"),
      );
    }),
  );
}
