import { describe, expect, it } from "vitest";
import { call, newCustomer, newStaff } from "./card.fixtures.ts";
import { callsTo, runCron, sandbox, testEnv, waitFor } from "./helpers.ts";
import {
  botMessages,
  nthBotMessage,
  quickReplyLabels,
  say,
  settle,
  setUpShop,
  tap,
  waitForState,
  waitForStored,
} from "./takeover.fixtures.ts";

async function stateOf(userId: string) {
  return testEnv.DB.prepare("SELECT state, reason, assignee_user_id FROM conversations WHERE line_user_id = ?").bind(userId).first();
}

describe("human takeover", () => {
  it("hands an out-of-scope question to staff, stays silent until they resolve it, then answers the FAQ again", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("相談者");
    const staff = await newStaff("店長");

    await say(userId, "先週買った豆の焙煎度合いについて相談したいことがあります");
    const handover = await nthBotMessage(userId, 2);
    expect(handover.text).toContain("スタッフにおつなぎします");
    expect(await waitForState(userId, "waiting")).toMatchObject({ reason: "out-of-scope" });

    // A FAQ question while waiting: the bot stays silent, the message waits for staff.
    await say(userId, "駐車場はありますか");
    await waitForStored(userId, 2);
    await settle();
    expect(await botMessages(userId)).toHaveLength(2);

    const reply = await call(`/api/staff/conversations/${userId}/messages`, staff.headers, {
      body: { text: "焙煎度合いは中深煎りです。", clientKey: crypto.randomUUID() },
    });
    expect(reply.status).toBe(200);
    expect(await stateOf(userId)).toMatchObject({ state: "staff", assignee_user_id: staff.userId });

    const resolved = await call<{ takeover: { state: string } }>(`/api/staff/conversations/${userId}/resolve`, staff.headers, { body: {} });
    expect(resolved.body.takeover.state).toBe("bot");
    await say(userId, "駐車場はありますか");
    const answer = await nthBotMessage(userId, 4);
    expect(answer.text).toBe("店舗裏に3台分の駐車場がございます。");
    expect(quickReplyLabels(answer)).toEqual(["解決した", "解決しない"]);
  });

  it("hands over at once when the customer asks for a person or taps the menu's contact button", async () => {
    await setUpShop({ open: true });
    const asks = await newCustomer("人と話したい");
    await say(asks.userId, "人と話したいです");
    expect((await nthBotMessage(asks.userId, 2)).text).toContain("スタッフにおつなぎします");
    expect(await waitForState(asks.userId, "waiting")).toMatchObject({ reason: "requested" });

    const taps = await newCustomer("メニュー");
    await tap(taps.userId, "action=contact-staff");
    expect((await nthBotMessage(taps.userId, 2)).text).toContain("スタッフにおつなぎします");
    expect(await waitForState(taps.userId, "waiting")).toMatchObject({ reason: "requested" });
  });

  it("hands a complaint to staff instead of answering from the FAQ", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("不満");
    await say(userId, "駐車場の案内が最悪でした。納得できません");
    expect((await nthBotMessage(userId, 2)).text).toContain("申し訳ございません");
    expect(await waitForState(userId, "waiting")).toMatchObject({ reason: "negative" });
  });

  it("outside business hours says when to expect a reply, and says it once", async () => {
    await setUpShop({ open: false });
    const { userId } = await newCustomer("夜の客");
    await say(userId, "オペレーターと話したい");
    expect((await nthBotMessage(userId, 2)).text).toContain("営業時間外");
    await say(userId, "まだですか？");
    await say(userId, "よろしくお願いします");
    await waitForStored(userId, 3);
    await settle();
    expect(await botMessages(userId)).toHaveLength(2);
  });

  it("answers 409 naming the holder when a second member of staff takes a held chat, unless taking it over", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("取り合い");
    const alice = await newStaff("アリス");
    const bob = await newStaff("ボブ");
    await say(userId, "担当者に相談したいです");
    await waitForState(userId, "waiting");

    expect((await call(`/api/staff/conversations/${userId}/take`, alice.headers, { body: {} })).status).toBe(200);
    const refused = await call<{ error: { code: string; message: string; details: { holder: { userId: string } } } }>(
      `/api/staff/conversations/${userId}/take`,
      bob.headers,
      { body: {} },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "conflict", details: { holder: { userId: alice.userId } } });
    const replyRefused = await call(`/api/staff/conversations/${userId}/messages`, bob.headers, {
      body: { text: "ボブです", clientKey: crypto.randomUUID() },
    });
    expect(replyRefused.status).toBe(409);
    expect(await callsTo("push", userId)).toHaveLength(0);

    const forced = await call<{ takeover: { assignee: { userId: string } } }>(`/api/staff/conversations/${userId}/take`, bob.headers, {
      body: { force: true },
    });
    expect(forced.body.takeover.assignee.userId).toBe(bob.userId);
    const history = await call<{ events: { type: string }[] }>(`/api/staff/conversations/${userId}/messages`, bob.headers);
    expect(history.body.events.map((e) => e.type)).toEqual(["handover", "take", "take"]);
  });

  it("marks the customer's messages as read in LINE when staff open the chat, once", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("既読");
    const staff = await newStaff();
    await say(userId, "スタッフと話したい");
    await waitForState(userId, "waiting");
    const first = await call<{ marked: boolean }>(`/api/staff/conversations/${userId}/read`, staff.headers, { body: {} });
    expect(first).toEqual({ status: 200, body: { marked: true } });
    const again = await call<{ marked: boolean }>(`/api/staff/conversations/${userId}/read`, staff.headers, { body: {} });
    expect(again.body.marked).toBe(false);
    const chat = await sandbox<{ items: { from: string; readAt: string | null }[] }>(`/__sandbox/chats/${userId}`);
    const mine = chat.items.filter((i) => i.from === "user");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.readAt !== null)).toBe(true);
  });

  it("gives a chat back to the bot after the idle hours", async () => {
    await setUpShop({ open: true, releaseAfterHours: 1 });
    const { userId } = await newCustomer("放置");
    await say(userId, "人と話したい");
    await waitForState(userId, "waiting");
    await runCron(Date.now() + 30 * 60_000);
    expect(await stateOf(userId)).toMatchObject({ state: "waiting" });
    await runCron(Date.now() + 61 * 60_000);
    expect(await stateOf(userId)).toMatchObject({ state: "bot" });
  });

  it("pushes a LINE message to staff on handover when the shop asks for it", async () => {
    await setUpShop({ open: true, notifyStaffByLine: true });
    const staff = await newStaff("通知先");
    const { userId } = await newCustomer("通知");
    await say(userId, "人間と話したい");
    await nthBotMessage(userId, 2);
    const pushes = await waitFor(async () => {
      const calls = await callsTo("push", staff.userId);
      return calls.length > 0 ? calls : undefined;
    }, "push to staff");
    expect(JSON.stringify(pushes[0]?.body)).toContain("スタッフの返信を待っています");
  });

  it("refuses bad input with the shared error body", async () => {
    const staff = await newStaff();
    const { userId } = await newCustomer("入力");
    const badAssign = await call<{ error: { code: string } }>(`/api/staff/conversations/${userId}/assign`, staff.headers, {
      body: { staffUserId: "nobody" },
    });
    expect(badAssign.status).toBe(400);
    expect(badAssign.body.error.code).toBe("validation_failed");
    const notStaff = await call<{ error: { code: string } }>(`/api/staff/conversations/${userId}/assign`, staff.headers, {
      body: { staffUserId: userId },
    });
    expect(notStaff.status).toBe(400);
    const emptyNote = await call<{ error: { code: string } }>(`/api/staff/conversations/${userId}/notes`, staff.headers, {
      body: { body: " " },
    });
    expect(emptyNote.status).toBe(400);
  });
});
