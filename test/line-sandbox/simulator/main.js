// @ts-check
// The chat simulator: be a LINE customer of the local bot. Everything goes through the sandbox control
// API, which signs webhooks like LINE and records what the bot sent; this page polls and draws it.
import { createActionRunner } from "./actions.js";
import * as api from "./api.js";
import { chatSignature, followNewest, renderChat, renderQuickReply } from "./chat-view.js";
import { renderCustomers } from "./customers-view.js";
import { h } from "./dom.js";
import { appUrlFrom, DEMO_ADMIN_ID, DEMO_STAFF_ID, liffUrl } from "./links.js";
import { renderRichMenu, richMenuSignature } from "./rich-menu-view.js";
import { createStatus } from "./status.js";

/** The chat is polled often (it is one in-memory lookup in the sandbox); the rest changes rarely. */
const CHAT_POLL_MS = 500;
const MENU_POLL_MS = 2_000;
const USERS_POLL_MS = 3_000;

const appUrl = appUrlFrom(location.search);

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing from index.html`);
  return el;
}

const els = {
  customerList: byId("customer-list", HTMLUListElement),
  newCustomer: byId("new-customer", HTMLFormElement),
  newCustomerName: byId("new-customer-name", HTMLInputElement),
  name: byId("current-customer-name", HTMLElement),
  friendStatus: byId("friend-status", HTMLElement),
  userId: byId("current-customer-id", HTMLElement),
  follow: byId("follow-button", HTMLButtonElement),
  openLiff: byId("open-liff", HTMLAnchorElement),
  chatLog: byId("chat-log", HTMLDivElement),
  quickReply: byId("quick-reply", HTMLDivElement),
  composer: byId("composer", HTMLFormElement),
  input: byId("message-input", HTMLInputElement),
  send: byId("send-button", HTMLButtonElement),
  richMenu: byId("rich-menu", HTMLDivElement),
};

const status = createStatus({
  line: byId("webhook-status", HTMLElement),
  banner: byId("sandbox-error", HTMLElement),
  notes: byId("notes", HTMLUListElement),
});

const scroller = followNewest(els.chatLog);

const state = {
  /** @type {import("./api.js").SandboxUser[]} */
  users: [],
  usersSig: "",
  /** @type {string | null} */
  selectedId: new URLSearchParams(location.search).get("user"),
  /** @type {import("./api.js").Chat} */
  chat: { items: [], loadingUntil: null },
  chatSig: "",
  /** @type {import("./api.js").UserRichMenu} */
  menu: { richMenu: null, source: null },
  menuSig: "",
  menuOpen: true,
};

const runAction = createActionRunner({
  userId: () => state.selectedId,
  appUrl,
  onSent: (result, what) => status.webhook(result, what),
  onNote: (text) => status.note(text),
  onError: (error) => status.error(error),
  afterChange: () => {
    scroller.jump();
    void refreshAll();
  },
});

function selectedUser() {
  return state.users.find((u) => u.userId === state.selectedId) ?? null;
}

/** @param {string | null} userId */
function select(userId) {
  state.selectedId = userId;
  state.chat = { items: [], loadingUntil: null };
  state.chatSig = "";
  state.menuSig = "";
  scroller.jump();
  // Keep the choice in the URL so a reload (or a shared link) shows the same customer.
  const params = new URLSearchParams(location.search);
  if (userId) params.set("user", userId);
  else params.delete("user");
  history.replaceState(null, "", `${location.pathname}?${params}`);
  drawHeader();
  drawCustomers();
  void refreshAll();
}

function drawCustomers() {
  renderCustomers(els.customerList, state.users, { selectedId: state.selectedId, onSelect: select });
  els.customerList.setAttribute("aria-busy", "false");
}

function drawHeader() {
  const user = selectedUser();
  const ready = user !== null;
  els.follow.disabled = !ready;
  els.input.disabled = !ready;
  els.send.disabled = !ready;
  if (!user) {
    els.name.replaceChildren("お客さまを選んでください ", h("span", { class: "en who-en", lang: "en" }, "Pick a customer"));
    els.friendStatus.textContent = "";
    els.userId.textContent = "";
    // Kept a valid link, but inert: the app needs a customer to sign in as.
    els.openLiff.href = `${appUrl}/`;
    els.openLiff.setAttribute("aria-disabled", "true");
    els.openLiff.tabIndex = -1;
    return;
  }
  els.name.textContent = user.displayName;
  els.userId.textContent = user.userId;
  els.friendStatus.textContent = user.friend ? "友だち / Friend" : "友だちではありません / Not a friend";
  els.friendStatus.dataset.friend = String(user.friend);
  els.follow.replaceChildren(
    ...(user.friend ? ["ブロック ", h("span", { lang: "en" }, "Block")] : ["友だち追加 ", h("span", { lang: "en" }, "Add friend")]),
  );
  els.follow.dataset.action = user.friend ? "block" : "follow";
  els.follow.dataset.testid = user.friend ? "block-button" : "follow-button";
  els.openLiff.href = liffUrl(appUrl, "/", user.userId);
  els.openLiff.removeAttribute("aria-disabled");
  els.openLiff.tabIndex = 0;
}

async function refreshUsers() {
  try {
    const users = await api.listUsers();
    status.connected();
    // Redraw only on change: a redraw every poll would steal keyboard focus from the list.
    const sig = users.map((u) => `${u.userId}:${u.friend}:${u.displayName}`).join("|");
    const changed = sig !== state.usersSig;
    state.users = users;
    state.usersSig = sig;
    const first = users[0];
    if (!state.selectedId && first) {
      select(first.userId);
      return;
    }
    if (changed) {
      drawCustomers();
      drawHeader();
    }
  } catch (error) {
    status.error(error);
  }
}

async function refreshChat() {
  const userId = state.selectedId;
  if (!userId) return;
  try {
    const chat = await api.getChat(userId);
    // The customer may have changed while the request was out.
    if (userId !== state.selectedId) return;
    status.connected();
    const sig = chatSignature(chat);
    if (sig === state.chatSig) return;
    state.chat = chat;
    state.chatSig = sig;
    renderChat(els.chatLog, chat, runAction);
    renderQuickReply(els.quickReply, chat, runAction);
    scroller.toBottom();
  } catch (error) {
    // A customer that the sandbox forgot (it restarted): go back to the list.
    if (error instanceof api.SandboxError && error.status === 404) select(null);
    else status.error(error);
  }
}

async function refreshMenu() {
  const userId = state.selectedId;
  if (!userId) return;
  try {
    const menu = await api.getRichMenu(userId);
    if (userId !== state.selectedId) return;
    const sig = richMenuSignature(menu);
    if (sig === state.menuSig) return;
    state.menu = menu;
    state.menuSig = sig;
    drawMenu();
  } catch (error) {
    if (!(error instanceof api.SandboxError && error.status === 404)) status.error(error);
  }
}

function drawMenu() {
  renderRichMenu(els.richMenu, state.menu, {
    open: state.menuOpen,
    onToggle: () => {
      state.menuOpen = !state.menuOpen;
      drawMenu();
    },
    onAction: runAction,
  });
}

async function refreshAll() {
  await Promise.all([refreshUsers(), refreshChat(), refreshMenu()]);
}

/**
 * Polls with setTimeout (never overlapping requests), and slower while the tab is hidden.
 * @param {() => Promise<void>} fn
 * @param {number} ms
 */
function poll(fn, ms) {
  const tick = async () => {
    await fn();
    setTimeout(tick, document.hidden ? ms * 4 : ms);
  };
  setTimeout(tick, ms);
}

els.newCustomer.addEventListener("submit", async (event) => {
  event.preventDefault();
  const displayName = els.newCustomerName.value.trim();
  if (!displayName) return;
  try {
    const user = await api.createUser(displayName);
    els.newCustomerName.value = "";
    state.users = [...state.users.filter((u) => u.userId !== user.userId), user];
    select(user.userId);
    status.note(`「${user.displayName}」を作成しました / Created ${user.userId}`);
  } catch (error) {
    status.error(error);
  }
});

els.follow.addEventListener("click", async () => {
  const user = selectedUser();
  if (!user) return;
  els.follow.disabled = true;
  try {
    // The sandbox marks a follow from a non-friend as an unblock; a customer with no chat history yet is
    // adding the account for the first time.
    const event = user.friend
      ? { type: /** @type {const} */ ("unfollow") }
      : { type: /** @type {const} */ ("follow"), isUnblocked: state.chat.items.length > 0 };
    const result = await api.sendEvent(user.userId, event);
    user.friend = !user.friend;
    status.webhook(result, event.type);
  } catch (error) {
    status.error(error);
  }
  drawHeader();
  await refreshAll();
});

els.composer.addEventListener("submit", async (event) => {
  event.preventDefault();
  const userId = state.selectedId;
  const text = els.input.value.trim();
  if (!userId || !text) return;
  els.send.disabled = true;
  try {
    const result = await api.sendEvent(userId, { type: "message", text });
    els.input.value = "";
    scroller.jump();
    status.webhook(result, "message");
  } catch (error) {
    status.error(error);
  } finally {
    els.send.disabled = false;
    els.input.focus();
  }
  await refreshChat();
});

byId("staff-console-link", HTMLAnchorElement).href = liffUrl(appUrl, "/staff", DEMO_STAFF_ID);
byId("admin-console-link", HTMLAnchorElement).href = liffUrl(appUrl, "/admin", DEMO_ADMIN_ID);
drawHeader();
void refreshAll();
poll(refreshChat, CHAT_POLL_MS);
poll(refreshMenu, MENU_POLL_MS);
poll(refreshUsers, USERS_POLL_MS);
