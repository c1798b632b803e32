import { createScheduledController } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import worker from "../../bot/src/index.ts";
import { buildEvent, type SandboxEventInput, signedWebhookRequest, type WebhookEvent } from "../line-sandbox/src/events.ts";
import type { TestEnv } from "./test-env.ts";

export const testEnv = env as unknown as TestEnv;
export const CHANNEL_SECRET = "integration-channel-secret";
export const ADMIN_ID = "U0000000000000000000000000000ad01";

/** A fresh LINE user ID per test keeps tests independent while they share one sandbox. */
export function newUserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `U${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export async function sandbox<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(`${testEnv.SANDBOX_URL}${path}`, {
    method: init?.method ?? (init?.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json" },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${path} → ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function createLineUser(displayName: string): Promise<string> {
  const userId = newUserId();
  await sandbox("/__sandbox/users", { body: { userId, displayName } });
  return userId;
}

/** A reply token the sandbox will accept once, as LINE issues one with each event. */
export async function issueReplyToken(userId: string): Promise<string> {
  const { replyToken } = await sandbox<{ replyToken: string }>("/__sandbox/reply-tokens", { body: { userId } });
  return replyToken;
}

export async function makeEvent(userId: string, input: SandboxEventInput, options: { replyToken?: string } = {}): Promise<WebhookEvent> {
  const replyToken = options.replyToken ?? (input.type === "unfollow" ? undefined : await issueReplyToken(userId));
  return buildEvent(input, { userId, ...(replyToken ? { replyToken } : {}) });
}

export async function postWebhook(events: readonly unknown[], secret = CHANNEL_SECRET): Promise<Response> {
  const signed = await signedWebhookRequest(secret, { destination: "Uintegrationbot", events: events as WebhookEvent[] });
  return callWorker("/webhook", { method: "POST", headers: signed.headers, body: signed.body });
}

/** One cron tick at `at`. The scheduled handler awaits all of its work (no waitUntil): returning means the tick is done. */
export async function runCron(at: number): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), testEnv);
}

export function callWorker(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://enishi.test${path}`, init));
}

export interface ChatItem {
  from: "user" | "bot";
  message: { type: string; text?: string; altText?: string };
  via?: string;
}

export async function chatOf(userId: string): Promise<ChatItem[]> {
  const { items } = await sandbox<{ items: ChatItem[] }>(`/__sandbox/chats/${userId}`);
  return items;
}

export function botTexts(items: readonly ChatItem[]): string[] {
  return items.filter((i) => i.from === "bot").map((i) => i.message.text ?? i.message.altText ?? `[${i.message.type}]`);
}

/** Polls until `check` returns a value (the queue consumer runs asynchronously). */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitForBotMessages(userId: string, count: number): Promise<string[]> {
  return waitFor(async () => {
    const texts = botTexts(await chatOf(userId));
    return texts.length >= count ? texts : undefined;
  }, `${count} bot message(s) to ${userId}`);
}

/** A new LINE user who follows the account; returns once the bot's welcome has arrived. */
export async function followedFriend(name: string): Promise<string> {
  const userId = await createLineUser(name);
  await postWebhook([await makeEvent(userId, { type: "follow" })]);
  await waitForBotMessages(userId, 1);
  return userId;
}

export async function idTokenFor(userId: string, overrides: { expiresInSeconds?: number; audience?: string } = {}): Promise<string> {
  const { idToken } = await sandbox<{ idToken: string }>("/__sandbox/login/id-token", { body: { userId, ...overrides } });
  return idToken;
}

export interface SandboxCall {
  endpoint: string;
  status: number;
  retryKey: string | null;
  requestId: string | null;
  body: { to?: string; replyToken?: string; messages?: unknown[] } | null;
}

export async function callsTo(endpoint: string, userId: string): Promise<SandboxCall[]> {
  const { calls } = await sandbox<{ calls: SandboxCall[] }>(`/__sandbox/calls?endpoint=${endpoint}`);
  return calls.filter((c) => c.body?.to === userId || JSON.stringify(c.body ?? {}).includes(userId));
}

/** A request to the Worker as this LINE user (a fresh sandbox ID token); JSON body when `body` is given. */
export async function callAs(userId: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await idTokenFor(userId)}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return callWorker(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** The admin as a LINE user in the sandbox, which issues ID tokens only to users it knows: call before `callAsAdmin`. */
export async function registerAdmin(): Promise<string> {
  await sandbox("/__sandbox/users", { body: { userId: ADMIN_ID, displayName: "管理者" } });
  return ADMIN_ID;
}

/** `callAs` for the admin of the test environment (ADMIN_LINE_USER_IDS). */
export const callAsAdmin = (path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> =>
  callAs(ADMIN_ID, path, init);

/** The JSON body of a response that must have this status (the body is shown when it has not). */
export async function expectJson<T>(response: Response, status: number): Promise<T> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
}
