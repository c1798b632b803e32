// @ts-check
// The customer picker: the sandbox's users (the people "holding a LINE app"), newest last, with their
// friendship state.
import { h, replaceChildren } from "./dom.js";

/** @typedef {import("./api.js").SandboxUser} SandboxUser */

/**
 * @param {HTMLElement} list
 * @param {SandboxUser[]} users
 * @param {{ selectedId: string | null, onSelect: (userId: string) => void }} options
 */
export function renderCustomers(list, users, { selectedId, onSelect }) {
  if (users.length === 0) {
    replaceChildren(
      list,
      h(
        "li",
        { class: "customers-empty", "data-testid": "customers-empty" },
        "まだいません。上で作成してください。",
        h("br"),
        "None yet: create one above.",
      ),
    );
    return;
  }
  replaceChildren(
    list,
    users.map((user) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: `customer${user.userId === selectedId ? " customer-selected" : ""}`,
            "data-testid": "customer-item",
            "data-user-id": user.userId,
            "aria-current": user.userId === selectedId ? "true" : null,
            onclick: () => onSelect(user.userId),
          },
          h("span", { class: "customer-avatar", "aria-hidden": "true" }, initial(user.displayName)),
          h(
            "span",
            { class: "customer-text" },
            h("span", { class: "customer-name" }, user.displayName),
            h("span", { class: `customer-badge${user.friend ? "" : " customer-badge-off"}` }, user.friend ? "友だち" : "未追加/ブロック"),
          ),
        ),
      ),
    ),
  );
}

/** @param {string} name */
function initial(name) {
  return Array.from(name.trim())[0] ?? "?";
}
