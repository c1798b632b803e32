import { describe, expect, it } from "vitest";
import { ALICE, BOB, makeSandbox, text } from "./helpers.ts";

const RETRY_KEY = "123e4567-e89b-12d3-a456-426614174000";

describe("authentication and request IDs", () => {
  it("answers 401 without the channel access token or with another one", async () => {
    const sandbox = await makeSandbox();
    const missing = await sandbox.line("/v2/bot/message/quota", { token: null });
    const wrong = await sandbox.line("/v2/bot/message/quota", { token: "nope" });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ message: expect.stringContaining("Authentication failed") });
    expect((await sandbox.line("/v2/bot/message/quota")).status).toBe(200);
  });

  it("puts x-line-request-id on every answer and logs it with the call", async () => {
    const sandbox = await makeSandbox();
    const ok = await sandbox.line("/v2/bot/message/quota");
    const denied = await sandbox.line("/v2/bot/message/quota", { token: "nope" });
    const unknown = await sandbox.line("/v2/bot/nothing-here");
    for (const res of [ok, denied, unknown]) expect(res.headers.get("x-line-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const { calls } = await sandbox.control<{ calls: Array<{ requestId: string; status: number }> }>("/__sandbox/calls?endpoint=quota");
    expect(calls.map((c) => [c.status, c.requestId])).toEqual([
      [200, ok.headers.get("x-line-request-id")],
      [401, denied.headers.get("x-line-request-id")],
    ]);
  });
});

describe("push and multicast", () => {
  it("delivers a push into the user's chat and answers sentMessages", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const res = await sandbox.line("/v2/bot/message/push", { body: { to: ALICE, messages: [text("hello")] } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sentMessages: [{ id: expect.any(String), quoteToken: expect.any(String) }] });
    expect(await sandbox.chat(ALICE)).toMatchObject([{ from: "bot", via: "push", message: text("hello") }]);
  });

  it("answers 400 for a push to a user the account does not know", async () => {
    const sandbox = await makeSandbox();
    const res = await sandbox.line("/v2/bot/message/push", { body: { to: BOB, messages: [text("hi")] } });
    expect(res.status).toBe(400);
  });

  it("enforces LINE's message limits", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const push = (messages: unknown[]) => sandbox.line("/v2/bot/message/push", { body: { to: ALICE, messages } });
    const quickReply = (n: number) => ({
      ...text("pick"),
      quickReply: { items: Array.from({ length: n }, () => ({ type: "action", action: { type: "message", label: "x", text: "x" } })) },
    });
    expect((await push(Array.from({ length: 5 }, () => text("x")))).status).toBe(200);
    expect((await push(Array.from({ length: 6 }, () => text("x")))).status).toBe(400);
    expect((await push([])).status).toBe(400);
    expect((await push([text("あ".repeat(5_000))])).status).toBe(200);
    const tooLong = await push([text("😀".repeat(2_501))]); // 5,002 UTF-16 code units
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({
      message: "The request body has 1 error(s)",
      details: [{ message: "Length must be between 0 and 5000", property: "messages[0].text" }],
    });
    expect((await push([quickReply(13)])).status).toBe(200);
    expect((await push([quickReply(14)])).status).toBe(400);
  });

  it("multicasts to at most 500 recipients, skipping users who are not friends", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const unknown = "U0123456789abcdef0123456789abcdef";
    const ok = await sandbox.line("/v2/bot/message/multicast", { body: { to: [ALICE, unknown], messages: [text("sale")] } });
    expect(ok.status).toBe(200);
    expect(await sandbox.chat(ALICE)).toMatchObject([{ via: "multicast", message: text("sale") }]);
    const to = Array.from({ length: 501 }, (_, i) => `U${i.toString(16).padStart(32, "0")}`);
    expect((await sandbox.line("/v2/bot/message/multicast", { body: { to, messages: [text("x")] } })).status).toBe(400);
  });

  it("stops push at the monthly quota with 429 but keeps replies free", async () => {
    const sandbox = await makeSandbox({ config: { monthlyQuota: 1 } });
    await sandbox.createUser(ALICE);
    const push = () => sandbox.line("/v2/bot/message/push", { body: { to: ALICE, messages: [text("x")] } });
    expect((await push()).status).toBe(200);
    const refused = await push();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ message: "You have reached your monthly limit." });
    const { replyToken } = await sandbox.control<{ replyToken: string }>("/__sandbox/reply-tokens", { userId: ALICE });
    expect((await sandbox.line("/v2/bot/message/reply", { body: { replyToken, messages: [text("free")] } })).status).toBe(200);
    expect(await (await sandbox.line("/v2/bot/message/quota/consumption")).json()).toEqual({ totalUsage: 1 });
    expect(await (await sandbox.line("/v2/bot/message/quota")).json()).toEqual({ type: "limited", value: 1 });
  });
});

describe("retry keys", () => {
  it("answers 409 with the accepted request ID to a retry, delivering once", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const push = () =>
      sandbox.line("/v2/bot/message/push", {
        body: { to: ALICE, messages: [text("once")] },
        headers: { "x-line-retry-key": RETRY_KEY },
      });
    const first = await push();
    const second = await push();
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.headers.get("x-line-accepted-request-id")).toBe(first.headers.get("x-line-request-id"));
    expect(await sandbox.chat(ALICE)).toHaveLength(1);
  });

  it("refuses a retry key on reply and a key that is not a UUID", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const { replyToken } = await sandbox.control<{ replyToken: string }>("/__sandbox/reply-tokens", { userId: ALICE });
    const reply = await sandbox.line("/v2/bot/message/reply", {
      body: { replyToken, messages: [text("x")] },
      headers: { "x-line-retry-key": RETRY_KEY },
    });
    expect(reply.status).toBe(400);
    const push = await sandbox.line("/v2/bot/message/push", {
      body: { to: ALICE, messages: [text("x")] },
      headers: { "x-line-retry-key": "not-a-uuid" },
    });
    expect(push.status).toBe(400);
    expect(await sandbox.chat(ALICE)).toHaveLength(0);
  });
});

describe("reply tokens", () => {
  it("accepts a reply token once", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const { replyToken } = await sandbox.control<{ replyToken: string }>("/__sandbox/reply-tokens", { userId: ALICE });
    const reply = () => sandbox.line("/v2/bot/message/reply", { body: { replyToken, messages: [text("hi")] } });
    expect((await reply()).status).toBe(200);
    const again = await reply();
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ message: "Invalid reply token" });
    expect(await sandbox.chat(ALICE)).toMatchObject([{ via: "reply", message: text("hi") }]);
  });

  it("expires a reply token after about a minute", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const { replyToken } = await sandbox.control<{ replyToken: string }>("/__sandbox/reply-tokens", { userId: ALICE });
    sandbox.clock.now += 60_000;
    const res = await sandbox.line("/v2/bot/message/reply", { body: { replyToken, messages: [text("late")] } });
    expect(res.status).toBe(400);
    expect(await sandbox.chat(ALICE)).toHaveLength(0);
  });

  it("does not use up a reply token on an invalid request", async () => {
    const sandbox = await makeSandbox();
    await sandbox.createUser(ALICE);
    const { replyToken } = await sandbox.control<{ replyToken: string }>("/__sandbox/reply-tokens", { userId: ALICE });
    expect((await sandbox.line("/v2/bot/message/reply", { body: { replyToken, messages: [] } })).status).toBe(400);
    expect((await sandbox.line("/v2/bot/message/reply", { body: { replyToken, messages: [text("ok")] } })).status).toBe(200);
  });
});
