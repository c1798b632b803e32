// @ts-check
// Feedback: the last webhook's outcome (a bot that answers non-200 is the first thing a developer needs
// to see), a banner while the sandbox is unreachable, and a short log of notes.
import { h } from "./dom.js";

const MAX_NOTES = 8;

/**
 * @param {{ line: HTMLElement, banner: HTMLElement, notes: HTMLUListElement }} els
 */
export function createStatus(els) {
  /**
   * @param {string} text
   * @param {"ok" | "error" | "info"} kind
   */
  function note(text, kind = "info") {
    const time = new Date().toLocaleTimeString("ja-JP");
    els.notes.prepend(h("li", { class: `note note-${kind}` }, h("time", {}, time), " ", text));
    while (els.notes.children.length > MAX_NOTES) els.notes.lastElementChild?.remove();
  }

  return {
    note,
    /**
     * @param {import("./api.js").WebhookResult} result
     * @param {string} what the event sent, for the log
     */
    webhook(result, what) {
      const ok = result.status >= 200 && result.status < 300;
      let text;
      if (ok) text = `✓ ${what}: Webhook ${result.status} (${result.durationMs} ms)`;
      else if (result.status === 0)
        text = `✗ ${what}: ボットに届きませんでした / The bot could not be reached — ${result.error ?? "no answer"}`;
      else {
        const body = (result.response ?? "").slice(0, 200);
        text = `✗ ${what}: ボットが ${result.status} を返しました / The bot answered ${result.status}${body ? ` — ${body}` : ""}`;
      }
      els.line.textContent = text;
      els.line.dataset.status = String(result.status);
      els.line.className = `status ${ok ? "status-ok" : "status-error"}`;
      note(text, ok ? "ok" : "error");
    },
    /** @param {unknown} error */
    error(error) {
      const message = error instanceof Error ? error.message : String(error);
      // Status 0 = the sandbox itself is down: a banner, since nothing on the page can work.
      if (error && typeof error === "object" && "status" in error && error.status === 0) {
        els.banner.textContent = message;
        els.banner.hidden = false;
        return;
      }
      els.line.textContent = `✗ ${message}`;
      els.line.className = "status status-error";
      note(message, "error");
    },
    connected() {
      els.banner.hidden = true;
    },
  };
}
