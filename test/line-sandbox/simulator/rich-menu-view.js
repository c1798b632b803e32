// @ts-check
// The customer's rich menu under the chat: the image with its tap areas laid over it, and the chat bar
// that folds it away (as LINE does with `chatBarText`).
// https://developers.line.biz/en/reference/messaging-api/#rich-menu-object
import { h, replaceChildren } from "./dom.js";

/**
 * @typedef {import("./api.js").UserRichMenu} UserRichMenu
 * @typedef {(action: Record<string, any>) => void} OnAction
 */

/**
 * @param {UserRichMenu} current
 */
export function richMenuSignature(current) {
  const menu = current.richMenu;
  return menu ? `${menu.richMenuId}:${current.source}` : "none";
}

/**
 * @param {HTMLElement} container
 * @param {UserRichMenu} current
 * @param {{ open: boolean, onToggle: () => void, onAction: OnAction }} options
 */
export function renderRichMenu(container, current, { open, onToggle, onAction }) {
  const menu = current.richMenu;
  if (!menu) {
    replaceChildren(container, h("p", { class: "richmenu-none", "data-testid": "rich-menu-none" }, "リッチメニューなし / No rich menu"));
    return;
  }
  const { width, height } = menu.size;
  const areas = menu.areas.map((area, index) => {
    const { x, y, width: w, height: ht } = area.bounds;
    const label = area.action?.label ?? area.action?.text ?? area.action?.data ?? area.action?.type ?? `area ${index + 1}`;
    return h(
      "button",
      {
        type: "button",
        class: "richmenu-area",
        "data-testid": "rich-menu-area",
        "data-action": area.action?.type ?? null,
        title: `${label} (${area.action?.type ?? "?"})`,
        style: { left: pct(x, width), top: pct(y, height), width: pct(w, width), height: pct(ht, height) },
        onclick: () => onAction(area.action ?? {}),
      },
      h("span", {}, String(label)),
    );
  });
  replaceChildren(
    container,
    h(
      "div",
      {
        class: `richmenu-board${menu.imageUrl ? "" : " richmenu-board-bare"}`,
        "data-testid": "rich-menu",
        "data-rich-menu-id": menu.richMenuId,
        hidden: !open,
        style: { "aspect-ratio": `${width} / ${height}` },
      },
      // Without an image (not uploaded, or it fails to load) the areas still work, labelled.
      menu.imageUrl
        ? h("img", {
            class: "richmenu-image",
            src: menu.imageUrl,
            alt: "",
            draggable: "false",
            onerror: (/** @type {Event} */ event) => showBare(/** @type {HTMLElement} */ (event.target)),
          })
        : null,
      areas,
    ),
    h(
      "button",
      { type: "button", class: "richmenu-bar", "data-testid": "rich-menu-toggle", "aria-expanded": String(open), onclick: onToggle },
      `${menu.chatBarText || "メニュー"} ${open ? "▼" : "▲"}`,
      current.source === "default" ? h("small", {}, " (デフォルト / default)") : null,
    ),
  );
}

/** @param {HTMLElement} img */
function showBare(img) {
  img.parentElement?.classList.add("richmenu-board-bare");
  img.remove();
}

/**
 * @param {number} part
 * @param {number} whole
 */
function pct(part, whole) {
  return `${((part / whole) * 100).toFixed(3)}%`;
}
