import { describe, expect, it } from "vitest";
import { asRedelivery } from "../line-sandbox/src/events.ts";
import { signBody } from "../line-sandbox/src/signature.ts";
import {
  botTexts,
  CHANNEL_SECRET,
  callWorker,
  chatOf,
  createLineUser,
  makeEvent,
  postWebhook,
  testEnv,
  waitFor,
  waitForBotMessages,
} from "./helpers.ts";

async function countRows(table: "webhook_events" | "messages" | "friends", userId: string): Promise<number> {
  const row = await testEnv.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE line_user_id = ?`).bind(userId).first<{ n: number }>();
  return row?.n ?? 0;
}

describe("POST /webhook", () => {
  it("answers 401 and stores nothing when the signature is missing or wrong", async () => {
    const userId = await createLineUser("署名なし");
    const event = await makeEvent(userId, { type: "message", text: "こんにちは" });
    const body = JSON.stringify({ destination: "x", events: [event] });

    const missing = await postRaw(body, undefined);
    const forged = await postWebhook([event], "not-the-channel-secret");
    const tampered = await postRaw(body.replace("こんにちは", "さようなら"), await signatureOf(body));

    expect([missing.status, forged.status, tampered.status]).toEqual([401, 401, 401]);
    expect(await missing.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await countRows("webhook_events", userId)).toBe(0);
  });

  it("answers 200 to LINE's connectivity check with no events", async () => {
    const response = await postWebhook([]);
    expect(response.status).toBe(200);
  });

  it("creates the friend with their LINE profile and welcomes them by reply on follow", async () => {
    const userId = await createLineUser("山田 花子");
    const response = await postWebhook([await makeEvent(userId, { type: "follow" })]);
    expect(response.status).toBe(200);

    const [welcome] = await waitForBotMessages(userId, 1);
    expect(welcome).toContain("山田 花子さん、友だち追加ありがとうございます");
    const friend = await testEnv.DB.prepare("SELECT display_name, status FROM friends WHERE line_user_id = ?").bind(userId).first();
    expect(friend).toEqual({ display_name: "山田 花子", status: "following" });
    const sent = await waitFor(
      () => testEnv.DB.prepare("SELECT method, delivery FROM messages WHERE line_user_id = ? AND direction = 'out'").bind(userId).first(),
      "outbound row",
    );
    expect(sent).toEqual({ method: "reply", delivery: "sent" });
  });

  it("stores a customer's message in the timeline and answers it (no FAQ yet: hands it to staff)", async () => {
    const userId = await createLineUser("佐藤");
    await postWebhook([await makeEvent(userId, { type: "message", text: "予約の変更はできますか？" })]);
    const [ack] = await waitForBotMessages(userId, 1);
    expect(ack).toContain("スタッフにおつなぎします");
    const rows = await testEnv.DB.prepare("SELECT direction, sender, text FROM messages WHERE line_user_id = ? ORDER BY id")
      .bind(userId)
      .all();
    expect(rows.results).toEqual([
      { direction: "in", sender: "customer", text: "予約の変更はできますか？" },
      { direction: "out", sender: "bot", text: expect.stringContaining("スタッフにおつなぎします") },
    ]);
  });

  it("changes nothing when LINE redelivers an event it already sent", async () => {
    const userId = await createLineUser("再送");
    const event = await makeEvent(userId, { type: "message", text: "営業時間は？" });
    await postWebhook([event]);
    await waitForBotMessages(userId, 1);

    const again = await postWebhook([asRedelivery(event)]);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ queued: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(botTexts(await chatOf(userId))).toHaveLength(1);
    expect(await countRows("messages", userId)).toBe(2);
  });

  it("ignores unknown event types and malformed events without failing the others", async () => {
    const userId = await createLineUser("未知");
    const good = await makeEvent(userId, { type: "message", text: "こんばんは" });
    const unknown = {
      type: "somethingNew",
      webhookEventId: "01UNKNOWN",
      timestamp: Date.now(),
      source: { type: "user", userId },
      newField: { x: 1 },
    };
    const malformed = { type: "message", webhookEventId: "01MALFORMED", timestamp: Date.now(), source: { type: "user", userId } };
    const response = await postWebhook([unknown, malformed, { ...good, brandNewField: true }]);
    expect(response.status).toBe(200);
    const [ack] = await waitForBotMessages(userId, 1);
    expect(ack).toContain("メッセージありがとうございます");
  });

  it("marks the friend blocked on unfollow and keeps their history", async () => {
    const userId = await createLineUser("ブロック");
    await postWebhook([await makeEvent(userId, { type: "follow" })]);
    await waitForBotMessages(userId, 1);
    await postWebhook([await makeEvent(userId, { type: "unfollow" })]);
    const friend = await waitFor(async () => {
      const row = await testEnv.DB.prepare("SELECT status, unfollowed_at FROM friends WHERE line_user_id = ?")
        .bind(userId)
        .first<{ status: string }>();
      return row?.status === "blocked" ? row : undefined;
    }, "friend blocked");
    expect(friend.status).toBe("blocked");
    expect(await countRows("messages", userId)).toBe(1);
  });

  it("answers the open-card postback with a link into the LIFF app", async () => {
    const userId = await createLineUser("ポストバック");
    await postWebhook([await makeEvent(userId, { type: "postback", data: "action=open-card" })]);
    const [card] = await waitForBotMessages(userId, 1);
    expect(card).toContain("会員証");
  });
});

function postRaw(body: string, signature: string | undefined): Promise<Response> {
  return callWorker("/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "x-line-signature": signature } : {}) },
    body,
  });
}

function signatureOf(body: string): Promise<string> {
  return signBody(CHANNEL_SECRET, body);
}
