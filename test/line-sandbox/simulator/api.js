// @ts-check
// The sandbox control API (/__sandbox/*, same origin): the only thing the simulator talks to.
// Shapes: docs/dev-contracts.md and test/line-sandbox/src/control/.

/**
 * @typedef {{ userId: string, displayName: string, pictureUrl: string | null, friend: boolean, createdAt: string }} SandboxUser
 * @typedef {{ from: "user" | "bot", at: string, messageId: string, message: Record<string, any>, via?: string, readAt?: string | null }} ChatItem
 * @typedef {{ items: ChatItem[], loadingUntil: string | null }} Chat
 * @typedef {{ bounds: { x: number, y: number, width: number, height: number }, action: Record<string, any> }} RichMenuArea
 * @typedef {{ richMenuId: string, size: { width: number, height: number }, areas: RichMenuArea[], chatBarText: string, imageUrl: string | null, selected?: boolean }} RichMenu
 * @typedef {{ richMenu: RichMenu | null, source: "user" | "default" | null }} UserRichMenu
 * @typedef {{ type: "message", text: string }
 *   | { type: "follow", isUnblocked?: boolean } | { type: "unfollow" }
 *   | { type: "postback", data: string, displayText?: string, params?: Record<string, string> }} SimEvent
 * @typedef {{ status: number, error: string | null, response: string | null, durationMs: number, webhookEventId: string }} WebhookResult
 */

export class SandboxError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   */
  constructor(message, status) {
    super(message);
    this.name = "SandboxError";
    this.status = status;
  }
}

/**
 * @param {string} path
 * @param {RequestInit & { json?: unknown }} [init]
 * @returns {Promise<any>}
 */
async function call(path, init = {}) {
  const { json, ...rest } = init;
  /** @type {RequestInit} */
  const options = json === undefined ? rest : { ...rest, body: JSON.stringify(json), headers: { "content-type": "application/json" } };
  let res;
  try {
    res = await fetch(path, { cache: "no-store", ...options });
  } catch {
    throw new SandboxError("サンドボックスに接続できません / Cannot reach the LINE sandbox (is `pnpm dev` running?)", 0);
  }
  const text = await res.text();
  /** @type {any} */
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { message: text };
  }
  if (!res.ok) throw new SandboxError(body?.message ?? `HTTP ${res.status}`, res.status);
  return body;
}

/** @returns {Promise<SandboxUser[]>} */
export async function listUsers() {
  const body = await call("/__sandbox/users");
  return body.users;
}

/**
 * @param {string} displayName
 * @returns {Promise<SandboxUser>}
 */
export function createUser(displayName) {
  // New customers start outside the friend list: "友だち追加" then sends the follow event, as in LINE.
  return call("/__sandbox/users", { method: "POST", json: { displayName, friend: false } });
}

/**
 * @param {string} userId
 * @returns {Promise<Chat>}
 */
export function getChat(userId) {
  return call(`/__sandbox/chats/${encodeURIComponent(userId)}`);
}

/**
 * @param {string} userId
 * @returns {Promise<UserRichMenu>}
 */
export function getRichMenu(userId) {
  return call(`/__sandbox/users/${encodeURIComponent(userId)}/richmenu`);
}

/**
 * Signs and posts a webhook event as this user. The sandbox answers 200 with the bot's status inside,
 * so a failing bot (non-200) is reported, not thrown.
 * @param {string} userId
 * @param {SimEvent} event
 * @returns {Promise<WebhookResult>}
 */
export function sendEvent(userId, event) {
  return call("/__sandbox/webhook/send", { method: "POST", json: { userId, event } });
}

/**
 * A `richmenuswitch` tap: the sandbox switches the user's menu to the alias's menu and posts the
 * postback event LINE sends with it.
 * @param {string} userId
 * @param {string} richMenuAliasId
 * @param {string} data
 * @returns {Promise<{ switched: boolean, status: string, webhook: WebhookResult }>}
 */
export function switchRichMenu(userId, richMenuAliasId, data) {
  return call(`/__sandbox/users/${encodeURIComponent(userId)}/richmenu/switch`, { method: "POST", json: { richMenuAliasId, data } });
}
