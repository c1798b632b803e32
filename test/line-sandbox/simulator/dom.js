// @ts-check
// A tiny element builder. Everything from the bot or the user goes in as text nodes, never as HTML, so a
// message like "<img onerror=…>" shows as typed instead of running.

/**
 * @typedef {string | number | boolean | null | undefined | EventListener | Record<string, string | null | undefined>} AttrValue
 * @typedef {Node | string | number | null | undefined | false} Child
 */

/**
 * `h("button", { class: "x", onclick: fn, "data-testid": "send" }, "送信")`.
 * `style` takes an object of CSS properties; `on*` keys add listeners; false/null attributes are left out.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttrValue>} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "style" && typeof value === "object") {
      for (const [prop, v] of Object.entries(value)) {
        if (v !== undefined && v !== null && v !== "") el.style.setProperty(prop, String(v));
      }
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} parent
 * @param {Array<Child | Child[]>} children
 */
function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
}

/**
 * Replaces an element's children.
 * @param {Element} parent
 * @param {...(Child | Child[])} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Only http(s) URLs (and data: for images) reach `src`/`href`: a `javascript:` or `data:text/html` URI
 * from a message must not run in the simulator's origin.
 * @param {unknown} url
 * @param {"link" | "image"} [kind]
 * @returns {string | null}
 */
export function safeUrl(url, kind = "link") {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url, location.href);
    const allowed = kind === "image" ? ["http:", "https:", "data:"] : ["http:", "https:", "tel:", "mailto:"];
    return allowed.includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Makes a non-button element act as one (mouse and keyboard), for Flex boxes and images with an action.
 * @param {HTMLElement} el
 * @param {() => void} onTap
 * @param {unknown} [label]
 */
export function makeTappable(el, onTap, label) {
  el.classList.add("tappable");
  el.setAttribute("role", "button");
  el.setAttribute("tabindex", "0");
  if (typeof label === "string" && label) el.setAttribute("aria-label", label);
  el.addEventListener("click", (event) => {
    // A tappable box inside another must fire only its own action.
    event.stopPropagation();
    onTap();
  });
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onTap();
    }
  });
}
