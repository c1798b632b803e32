// @ts-check
// One LINE message object, drawn as the LINE app would show it in a chat.
// https://developers.line.biz/en/reference/messaging-api/#message-objects
import { h, makeTappable, safeUrl } from "./dom.js";
import { renderFlex } from "./flex-view.js";

/** @typedef {(action: Record<string, any>) => void} OnAction */

/**
 * @param {Record<string, any>} message
 * @param {OnAction} onAction
 * @returns {HTMLElement}
 */
export function renderMessage(message, onAction) {
  switch (message.type) {
    case "text":
    case "textV2":
      return h("div", { class: "bubble bubble-text", "data-testid": "message-text" }, String(message.text ?? ""));
    case "sticker":
      return h(
        "div",
        { class: "bubble-bare sticker", title: `sticker ${message.packageId}/${message.stickerId}` },
        "🐻",
        h("small", {}, "スタンプ"),
      );
    case "image": {
      const src = safeUrl(message.previewImageUrl ?? message.originalContentUrl, "image");
      return src
        ? h("img", { class: "bubble-bare bubble-image", src, alt: "画像 / Image", loading: "lazy" })
        : placeholder("🖼 画像 / Image");
    }
    case "video":
      return placeholder("🎬 動画 / Video");
    case "audio":
      return placeholder(`🎵 音声 / Audio${message.duration ? ` ${Math.round(message.duration / 1000)}s` : ""}`);
    case "location":
      return h(
        "div",
        { class: "bubble bubble-text" },
        `📍 ${message.title ?? "位置情報"}`,
        h("br"),
        h("small", {}, String(message.address ?? "")),
      );
    case "imagemap":
      return placeholder(`🗺 イメージマップ / Imagemap: ${message.altText ?? ""}`);
    case "template":
      return renderTemplate(message.template ?? {}, onAction);
    case "flex":
      return h("div", { class: "bubble-bare", "data-testid": "message-flex" }, renderFlex(message.contents, onAction));
    default:
      return placeholder(`[${String(message.type)}]`);
  }
}

/** @param {string} text */
function placeholder(text) {
  return h("div", { class: "bubble bubble-text bubble-muted" }, text);
}

/**
 * Template messages: buttons, confirm, carousel, image carousel.
 * @param {Record<string, any>} template
 * @param {OnAction} onAction
 */
function renderTemplate(template, onAction) {
  switch (template.type) {
    case "buttons":
      return h("div", { class: "bubble-bare", "data-testid": "message-template" }, renderColumn(template, onAction));
    case "confirm":
      return h(
        "div",
        { class: "template-card template-confirm", "data-testid": "message-template" },
        h("p", { class: "template-text" }, String(template.text ?? "")),
        h("div", { class: "template-confirm-actions" }, actionButtons(template.actions, onAction)),
      );
    case "carousel":
      return h(
        "div",
        { class: "flex-carousel", "data-testid": "message-template" },
        (template.columns ?? []).map((/** @type {any} */ column) => renderColumn(column, onAction)),
      );
    case "image_carousel":
      return h(
        "div",
        { class: "flex-carousel", "data-testid": "message-template" },
        (template.columns ?? []).map((/** @type {any} */ column) => {
          const img = h("img", { class: "template-image-column", src: safeUrl(column.imageUrl, "image"), alt: column.action?.label ?? "" });
          if (column.action) makeTappable(img, () => onAction(column.action), column.action.label);
          return img;
        }),
      );
    default:
      return placeholder(`[template ${String(template.type)}]`);
  }
}

/**
 * A buttons template, or one carousel column: image, title, text, then a stack of action buttons.
 * @param {Record<string, any>} column
 * @param {OnAction} onAction
 */
function renderColumn(column, onAction) {
  const thumb = safeUrl(column.thumbnailImageUrl, "image");
  return h(
    "div",
    { class: "template-card" },
    thumb ? h("img", { class: "template-thumb", src: thumb, alt: "", style: { "background-color": column.imageBackgroundColor } }) : null,
    column.title ? h("p", { class: "template-title" }, String(column.title)) : null,
    h("p", { class: "template-text" }, String(column.text ?? "")),
    h("div", { class: "template-actions" }, actionButtons(column.actions, onAction)),
  );
}

/**
 * @param {unknown} actions
 * @param {OnAction} onAction
 */
function actionButtons(actions, onAction) {
  return (Array.isArray(actions) ? actions : []).map((action) =>
    h(
      "button",
      { type: "button", class: "template-action", "data-testid": "template-action", onclick: () => onAction(action) },
      String(action.label ?? "…"),
    ),
  );
}
