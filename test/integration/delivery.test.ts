import { afterEach, describe, expect, it } from "vitest";
import {
  botTexts,
  callsTo,
  chatOf,
  createLineUser,
  makeEvent,
  postWebhook,
  sandbox,
  testEnv,
  waitFor,
  waitForBotMessages,
} from "./helpers.ts";

async function outboundRow(userId: string) {
  return waitFor(async () => {
    const row = await testEnv.DB.prepare(
      "SELECT method, delivery, retry_key, line_request_id, error FROM messages WHERE line_user_id = ? AND direction = 'out'",
    )
      .bind(userId)
      .first<{ method: string; delivery: string; retry_key: string | null; line_request_id: string | null; error: string | null }>();
    return row && row.delivery !== "pending" ? row : undefined;
  }, "outbound row settled");
}

describe("sending to LINE", () => {
  afterEach(async () => {
    await sandbox("/__sandbox/faults", { method: "DELETE" });
  });

  it("pushes when the reply token was already used", async () => {
    const userId = await createLineUser("返信済み");
    // Small talk: the bot answers both (a question it cannot answer would hand the chat to staff).
    const first = await makeEvent(userId, { type: "message", text: "こんにちは" });
    await postWebhook([first]);
    await waitForBotMessages(userId, 1);

    // A second event carrying the same, now used, reply token.
    const second = await makeEvent(
      userId,
      { type: "message", text: "ありがとうございます" },
      { replyToken: first.type === "message" ? first.replyToken : "" },
    );
    await postWebhook([second]);
    const texts = await waitForBotMessages(userId, 2);
    expect(texts).toHaveLength(2);
    const vias = (await chatOf(userId)).filter((i) => i.from === "bot").map((i) => i.via);
    expect(vias).toEqual(["reply", "push"]);
  });

  it("pushes when the reply token has expired", async () => {
    const userId = await createLineUser("期限切れ");
    await postWebhook([
      await makeEvent(userId, { type: "message", text: "遅れて届いた" }, { replyToken: "expired-or-unknown-reply-token" }),
    ]);
    await waitForBotMessages(userId, 1);
    const row = await outboundRow(userId);
    expect(row).toMatchObject({ method: "push", delivery: "sent" });
    expect(row.line_request_id).toBeTruthy();
  });

  it("delivers exactly once when push fails with 5xx twice and is retried with the same retry key", async () => {
    const userId = await createLineUser("五百");
    await sandbox("/__sandbox/faults", { body: { endpoint: "push", mode: "5xx", times: 2 } });
    await postWebhook([await makeEvent(userId, { type: "message", text: "届きますか" }, { replyToken: "unknown-token" })]);
    await waitForBotMessages(userId, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(botTexts(await chatOf(userId))).toHaveLength(1);
    const pushes = await callsTo("push", userId);
    expect(pushes.map((c) => c.status)).toEqual([500, 500, 200]);
    expect(new Set(pushes.map((c) => c.retryKey)).size).toBe(1);
    expect(pushes[0]?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes 409 as delivered when LINE accepted the push but the answer was lost", async () => {
    const userId = await createLineUser("受理済み");
    await sandbox("/__sandbox/faults", { body: { endpoint: "push", mode: "5xx-after-accept", times: 1 } });
    await postWebhook([await makeEvent(userId, { type: "message", text: "二重送信しないで" }, { replyToken: "unknown-token" })]);
    const row = await outboundRow(userId);

    expect(row).toMatchObject({ method: "push", delivery: "sent" });
    expect((await callsTo("push", userId)).map((c) => c.status)).toEqual([500, 409]);
    expect(botTexts(await chatOf(userId))).toHaveLength(1);
  });

  it("retries a push that timed out, with the same retry key, and delivers once", async () => {
    const userId = await createLineUser("タイムアウト");
    await sandbox("/__sandbox/faults", { body: { endpoint: "push", mode: "timeout", times: 1 } });
    await postWebhook([await makeEvent(userId, { type: "message", text: "遅い" }, { replyToken: "unknown-token" })]);
    const row = await outboundRow(userId);
    expect(row).toMatchObject({ method: "push", delivery: "sent" });
    expect(botTexts(await chatOf(userId))).toHaveLength(1);
  });

  it("never retries a 4xx and records the message as failed", async () => {
    // A user LINE does not know: push to them is a 400.
    const ghost = `U${"f".repeat(32)}`;
    await postWebhook([await makeEvent(ghost, { type: "message", text: "幽霊" }, { replyToken: "unknown-token" })]);
    const row = await waitFor(async () => {
      const r = await testEnv.DB.prepare("SELECT method, delivery, error FROM messages WHERE line_user_id = ? AND direction = 'out'")
        .bind(ghost)
        .first<{ delivery: string; error: string | null; method: string }>();
      return r && r.delivery !== "pending" ? r : undefined;
    }, "failed row");
    expect(row).toMatchObject({ method: "push", delivery: "failed" });
    expect((await callsTo("push", ghost)).length).toBe(1);
  });

  it("records an exhausted monthly quota (429) as a failed delivery without retrying", async () => {
    const userId = await createLineUser("上限");
    await sandbox("/__sandbox/config", { method: "PUT", body: { monthlyQuota: 0 } });
    try {
      await postWebhook([await makeEvent(userId, { type: "message", text: "上限" }, { replyToken: "unknown-token" })]);
      const row = await outboundRow(userId);
      expect(row).toMatchObject({ method: "push", delivery: "failed", error: expect.stringContaining("quota") });
      expect((await callsTo("push", userId)).map((c) => c.status)).toEqual([429]);
    } finally {
      await sandbox("/__sandbox/config", { method: "PUT", body: { monthlyQuota: null } });
    }
  });

  it("leaves a burst 429 to the queue to retry later, without marking the message failed", async () => {
    const userId = await createLineUser("混雑");
    await sandbox("/__sandbox/faults", { body: { endpoint: "push", mode: "429", times: 1 } });
    await postWebhook([await makeEvent(userId, { type: "message", text: "混雑中" }, { replyToken: "unknown-token" })]);
    await waitFor(async () => ((await callsTo("push", userId)).length > 0 ? true : undefined), "a push attempt");
    const row = await testEnv.DB.prepare("SELECT delivery FROM messages WHERE line_user_id = ? AND direction = 'out'").bind(userId).first();
    expect(row).toEqual({ delivery: "pending" });
  });
});
