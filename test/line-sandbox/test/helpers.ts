// Small factories for sandbox tests: an in-process sandbox (app.request, no socket) with a controllable
// clock, and helpers that call it the way the Worker's LINE client and the tests' setup code do.
import { createSandboxApp, type SandboxOptions } from "../src/server.ts";

export const CHANNEL = {
  channelSecret: "test-channel-secret",
  channelAccessToken: "test-channel-access-token",
  loginChannelId: "1234567890",
} as const;

export const ALICE = "U0000000000000000000000000000a11c";
export const BOB = "U00000000000000000000000000000b0b";

export type Call = { method?: string; body?: unknown; headers?: Record<string, string>; token?: string | null };

export async function makeSandbox(options: Partial<SandboxOptions> = {}) {
  const clock = { now: 1_780_000_000_000 };
  const { app, state, keys } = await createSandboxApp({
    ...CHANNEL,
    origin: "http://sandbox.test",
    now: () => clock.now,
    ...options,
  });

  /** A Messaging API call with the channel access token, as @line/bot-sdk sends it. */
  function line(path: string, call: Call = {}): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/json", ...call.headers };
    const token = call.token === undefined ? CHANNEL.channelAccessToken : call.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    return Promise.resolve(
      app.request(path, {
        method: call.method ?? (call.body === undefined ? "GET" : "POST"),
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      }),
    );
  }

  /** A control API call; answers the parsed JSON (throws on a non-2xx answer to catch setup mistakes). */
  async function control<T = Record<string, unknown>>(path: string, body?: unknown, method?: string): Promise<T> {
    const res = await app.request(path, {
      method: method ?? (body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function createUser(userId: string, displayName = "Test user"): Promise<void> {
    await control("/__sandbox/users", { userId, displayName });
  }

  async function chat(userId: string): Promise<Array<{ from: string; via?: string; message: Record<string, unknown> }>> {
    return (await control<{ items: Array<{ from: string; via?: string; message: Record<string, unknown> }> }>(`/__sandbox/chats/${userId}`))
      .items;
  }

  return { app, state, keys, clock, line, control, createUser, chat };
}

export function text(value: string) {
  return { type: "text", text: value };
}

/** Bytes that start like a PNG; the sandbox checks the signature and the size, not the pixels. */
export function pngBytes(length = 64): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

export function richMenuBody(overrides: Record<string, unknown> = {}) {
  return {
    size: { width: 2500, height: 843 },
    selected: false,
    name: "main",
    chatBarText: "Menu",
    areas: [
      { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: "postback", data: "action=card" } },
      { bounds: { x: 1250, y: 0, width: 1250, height: 843 }, action: { type: "uri", uri: "https://example.com" } },
    ],
    ...overrides,
  };
}
