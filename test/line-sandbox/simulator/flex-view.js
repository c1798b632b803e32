// @ts-check
// Flex Messages drawn simply: boxes, text, buttons, images, icons, separators — enough to see what the bot
// sent and tap its actions, not a pixel copy of LINE.
// https://developers.line.biz/en/reference/messaging-api/#flex-message
import { h, makeTappable, safeUrl } from "./dom.js";

/** @typedef {(action: Record<string, any>) => void} OnAction */

/** LINE's keyword sizes, in px at a phone's scale. */
const FONT_SIZES = /** @type {Record<string, string>} */ ({
  xxs: "11px",
  xs: "12px",
  sm: "13px",
  md: "15px",
  lg: "17px",
  xl: "19px",
  xxl: "22px",
  "3xl": "26px",
  "4xl": "32px",
  "5xl": "40px",
});
const SPACES = /** @type {Record<string, string>} */ ({ none: "0", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px" });
const IMAGE_WIDTHS = /** @type {Record<string, string>} */ ({
  xxs: "40px",
  xs: "60px",
  sm: "80px",
  md: "100px",
  lg: "120px",
  xl: "140px",
  xxl: "160px",
  "3xl": "180px",
  "4xl": "200px",
  "5xl": "220px",
  full: "100%",
});

/**
 * @param {unknown} value
 * @param {Record<string, string>} [keywords]
 */
function size(value, keywords = SPACES) {
  if (typeof value !== "string") return undefined;
  return keywords[value] ?? value;
}

/**
 * @param {Record<string, any>} flexContainer a `contents` of a flex message: bubble or carousel
 * @param {OnAction} onAction
 * @returns {HTMLElement}
 */
export function renderFlex(flexContainer, onAction) {
  if (flexContainer?.type === "carousel" && Array.isArray(flexContainer.contents)) {
    return h(
      "div",
      { class: "flex-carousel" },
      flexContainer.contents.map((/** @type {any} */ bubble) => renderBubble(bubble, onAction)),
    );
  }
  return renderBubble(flexContainer ?? {}, onAction);
}

/**
 * @param {Record<string, any>} bubble
 * @param {OnAction} onAction
 */
function renderBubble(bubble, onAction) {
  const styles = bubble.styles ?? {};
  /** @param {"header" | "hero" | "body" | "footer"} part */
  const section = (part) => {
    const block = bubble[part];
    if (!block) return null;
    return h(
      "div",
      { class: `flex-${part}`, style: { "background-color": styles[part]?.backgroundColor } },
      renderComponent(block, onAction, "vertical"),
    );
  };
  return h(
    "div",
    {
      class: `flex-bubble flex-bubble-${bubble.size ?? "mega"}`,
      "data-testid": "flex-bubble",
      dir: bubble.direction === "rtl" ? "rtl" : null,
    },
    section("header"),
    section("hero"),
    section("body"),
    section("footer"),
  );
}

/**
 * @param {Record<string, any>} c a flex component
 * @param {OnAction} onAction
 * @param {"vertical" | "horizontal" | "baseline"} parentLayout decides the default `flex` (LINE: 1 in
 *   horizontal and baseline boxes, 0 in vertical ones)
 * @returns {HTMLElement | null}
 */
function renderComponent(c, onAction, parentLayout) {
  const flex = c.flex ?? (parentLayout === "vertical" ? 0 : 1);
  const common = {
    "margin-top": parentLayout === "vertical" ? size(c.margin) : undefined,
    "margin-inline-start": parentLayout !== "vertical" ? size(c.margin) : undefined,
    flex: `${flex} ${flex} ${flex === 0 ? "auto" : "0"}`,
    "align-self": c.gravity === "center" ? "center" : c.gravity === "bottom" ? "flex-end" : undefined,
  };
  switch (c.type) {
    case "box":
      return renderBox(c, onAction, common);
    case "text":
      return renderText(c, common);
    case "button":
      return renderButton(c, onAction, common);
    case "image":
      return renderImage(c, onAction, common);
    case "icon": {
      const src = safeUrl(c.url, "image");
      return src
        ? h("img", { class: "flex-icon", src, alt: "", style: { ...common, flex: "none", height: size(c.size, FONT_SIZES) } })
        : null;
    }
    case "separator":
      return h("hr", { class: "flex-separator", style: { ...common, flex: "none", "border-color": c.color } });
    case "filler":
    case "spacer":
      return h("div", { class: "flex-filler", style: { ...common, "min-height": size(c.size) } });
    case "video":
      return h("div", { class: "flex-placeholder", style: common }, "🎬 動画 / Video");
    default:
      return null;
  }
}

/**
 * @param {Record<string, any>} c
 * @param {OnAction} onAction
 * @param {Record<string, string | undefined>} common
 */
function renderBox(c, onAction, common) {
  const layout = c.layout === "horizontal" || c.layout === "baseline" ? c.layout : "vertical";
  const children = (Array.isArray(c.contents) ? c.contents : []).map((/** @type {any} */ child, /** @type {number} */ i) => {
    const el = renderComponent(child, onAction, layout);
    // `spacing` is the gap between children unless a child sets its own margin.
    if (el && i > 0 && c.spacing && !child.margin) {
      el.style.setProperty(layout === "vertical" ? "margin-top" : "margin-inline-start", size(c.spacing) ?? "0");
    }
    return el;
  });
  const box = h(
    "div",
    {
      class: `flex-box flex-box-${layout}`,
      style: {
        ...common,
        "background-color": c.backgroundColor,
        "border-color": c.borderColor,
        "border-width": c.borderWidth
          ? size(c.borderWidth, { light: "0.5px", normal: "1px", medium: "2px", "semi-bold": "3px", bold: "4px" })
          : undefined,
        "border-style": c.borderWidth ? "solid" : undefined,
        "border-radius": size(c.cornerRadius),
        padding: size(c.paddingAll),
        "padding-top": size(c.paddingTop),
        "padding-bottom": size(c.paddingBottom),
        "padding-inline-start": size(c.paddingStart),
        "padding-inline-end": size(c.paddingEnd),
        width: c.width,
        height: c.height,
        "justify-content": c.justifyContent,
        "align-items": c.alignItems,
      },
    },
    children,
  );
  if (c.action) makeTappable(box, () => onAction(c.action), c.action.label);
  return box;
}

/**
 * @param {Record<string, any>} c
 * @param {Record<string, string | undefined>} common
 */
function renderText(c, common) {
  const spans = Array.isArray(c.contents) && c.contents.length > 0 ? c.contents : null;
  return h(
    "p",
    {
      class: `flex-text${c.wrap ? " flex-text-wrap" : ""}`,
      style: {
        ...common,
        "font-size": size(c.size ?? "md", FONT_SIZES),
        "font-weight": c.weight === "bold" ? "700" : undefined,
        color: c.color,
        "text-align": c.align === "center" ? "center" : c.align === "end" ? "end" : undefined,
        "text-decoration": c.decoration === "line-through" ? "line-through" : c.decoration === "underline" ? "underline" : undefined,
        "-webkit-line-clamp": c.maxLines ? String(c.maxLines) : undefined,
      },
    },
    spans
      ? spans.map((/** @type {any} */ s) =>
          h(
            "span",
            { style: { color: s.color, "font-weight": s.weight === "bold" ? "700" : undefined, "font-size": size(s.size, FONT_SIZES) } },
            String(s.text ?? ""),
          ),
        )
      : String(c.text ?? ""),
  );
}

/**
 * @param {Record<string, any>} c
 * @param {OnAction} onAction
 * @param {Record<string, string | undefined>} common
 */
function renderButton(c, onAction, common) {
  const style = c.style === "primary" || c.style === "secondary" ? c.style : "link";
  return h(
    "button",
    {
      type: "button",
      class: `flex-button flex-button-${style}${c.height === "sm" ? " flex-button-sm" : ""}`,
      "data-testid": "flex-button",
      style: { ...common, "background-color": style !== "link" ? c.color : undefined, color: style === "link" ? c.color : undefined },
      onclick: () => c.action && onAction(c.action),
    },
    String(c.action?.label ?? "…"),
  );
}

/**
 * @param {Record<string, any>} c
 * @param {OnAction} onAction
 * @param {Record<string, string | undefined>} common
 */
function renderImage(c, onAction, common) {
  const src = safeUrl(c.url, "image");
  const [w, hgt] = String(c.aspectRatio ?? "1:1")
    .split(":")
    .map(Number);
  const img = h("img", {
    class: "flex-image",
    src,
    alt: c.altText ?? "",
    loading: "lazy",
    style: {
      ...common,
      width: size(c.size ?? "md", IMAGE_WIDTHS),
      "aspect-ratio": w && hgt ? `${w} / ${hgt}` : undefined,
      "object-fit": c.aspectMode === "cover" ? "cover" : "contain",
      "background-color": c.backgroundColor,
      "align-self": c.align === "start" ? "flex-start" : c.align === "end" ? "flex-end" : "center",
    },
  });
  if (c.action) makeTappable(img, () => onAction(c.action), c.action.label);
  return img;
}
