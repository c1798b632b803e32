import { describe, expect, it } from "vitest";
import { ALICE, makeSandbox, text } from "./helpers.ts";

const RETRY_KEY = "9b2f6c1e-2d1a-4f7e-8c3b-5a6d7e8f9a0b";

async function sandboxWithAlice() {
  const sandbox = await makeSandbox();
  await sandbox.createUser(ALICE);
  const push = () =>
    sandbox.line("/v2/bot/message/push", {
      body: { to: ALICE, messages: [text("order shipped")] },
      headers: { "x-line-retry-key": RETRY_KEY },
    });
  return { ...sandbox, push };
}

describe("faults", () => {
  it("answers 500 without delivering, so a retry with the same key delivers exactly once", async () => {
    const sandbox = await sandboxWithAlice();
    await sandbox.control("/__sandbox/faults", { endpoint: "push", mode: "5xx", times: 1 });
    expect((await sandbox.push()).status).toBe(500);
    expect(await sandbox.chat(ALICE)).toHaveLength(0);
    expect((await sandbox.push()).status).toBe(200);
    expect((await sandbox.push()).status).toBe(409);
    expect(await sandbox.chat(ALICE)).toHaveLength(1);
  });

  it("can lose the answer after accepting: the retry gets 409 and nothing is sent twice", async () => {
    const sandbox = await sandboxWithAlice();
    await sandbox.control("/__sandbox/faults", { endpoint: "push", mode: "5xx-after-accept", times: 1 });
    expect((await sandbox.push()).status).toBe(500);
    expect((await sandbox.push()).status).toBe(409);
    expect(await sandbox.chat(ALICE)).toHaveLength(1);
  });

  it("answers 429 for the given number of calls, then recovers", async () => {
    const sandbox = await sandboxWithAlice();
    await sandbox.control("/__sandbox/faults", { endpoint: "profile", mode: "429", times: 2 });
    const profile = () => sandbox.line(`/v2/bot/profile/${ALICE}`);
    expect([(await profile()).status, (await profile()).status, (await profile()).status]).toEqual([429, 429, 200]);
  });

  it("holds a timed-out request until the client gives up and never delivers it", async () => {
    const sandbox = await sandboxWithAlice();
    await sandbox.control("/__sandbox/faults", { endpoint: "push", mode: "timeout", times: 1 });
    const client = new AbortController();
    setTimeout(() => client.abort(), 30);
    const res = await sandbox.app.request("/v2/bot/message/push", {
      method: "POST",
      signal: client.signal,
      headers: { authorization: "Bearer test-channel-access-token", "x-line-retry-key": RETRY_KEY },
      body: JSON.stringify({ to: ALICE, messages: [text("x")] }),
    });
    expect(res.status).toBe(504);
    expect(await sandbox.chat(ALICE)).toHaveLength(0);
    expect((await sandbox.push()).status).toBe(200);
  });

  it("delivers a slow request after the delay", async () => {
    const sandbox = await sandboxWithAlice();
    await sandbox.control("/__sandbox/faults", { endpoint: "push", mode: "slow", delayMs: 40, times: 1 });
    const started = performance.now();
    expect((await sandbox.push()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(await sandbox.chat(ALICE)).toHaveLength(1);
  });

  it("keeps a fault until cleared when no count is given, and logs the fault with the call", async () => {
    const sandbox = await sandboxWithAlice();
    await sandbox.control("/__sandbox/faults", { endpoint: "*", mode: "5xx" });
    expect((await sandbox.line("/v2/bot/message/quota")).status).toBe(500);
    expect((await sandbox.line("/v2/bot/message/quota")).status).toBe(500);
    await sandbox.control("/__sandbox/faults", undefined, "DELETE");
    expect((await sandbox.line("/v2/bot/message/quota")).status).toBe(200);
    const { calls } = await sandbox.control<{ calls: Array<{ fault: string | null }> }>("/__sandbox/calls?endpoint=quota");
    expect(calls.map((c) => c.fault)).toEqual(["5xx", "5xx", null]);
  });
});
