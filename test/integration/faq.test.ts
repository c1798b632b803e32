import { describe, expect, it } from "vitest";
import { adminHeaders, call, newCustomer } from "./card.fixtures.ts";
import { callsTo, testEnv, waitFor } from "./helpers.ts";
import { botMessages, nthBotMessage, quickReplyData, quickReplyLabels, SHOP_FAQ, say, setUpShop, tap } from "./takeover.fixtures.ts";

describe("FAQ bot", () => {
  it("answers a question from the FAQ with 解決した / 解決しない quick replies, showing the loading animation", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("質問者");
    await say(userId, "駐車場ってありますか？");
    const answer = await nthBotMessage(userId, 2);
    expect(answer.text).toBe("店舗裏に3台分の駐車場がございます。");
    expect(quickReplyLabels(answer)).toEqual(["解決した", "解決しない"]);
    expect(await callsTo("loading", userId)).toHaveLength(1);
  });

  it("replies politely to thanks without handing over", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("お礼");
    await say(userId, "ありがとうございました！");
    const reply = await nthBotMessage(userId, 2);
    expect(reply.text).toContain("どういたしまして");
    const row = await testEnv.DB.prepare("SELECT state FROM conversations WHERE line_user_id = ?").bind(userId).first();
    expect(row?.state ?? "bot").toBe("bot");
  });

  it("offers the other choices or a person after 解決しない, and hands over after the second", async () => {
    await setUpShop({ open: true });
    const { userId } = await newCustomer("解決しない");
    await say(userId, "Wi-Fiは使えますか");
    const answer = await nthBotMessage(userId, 2);
    await tap(userId, quickReplyData(answer, "解決しない"));
    const offer = await nthBotMessage(userId, 3);
    expect(offer.text).toContain("お役に立てず申し訳ありません");
    expect(quickReplyLabels(offer).at(-1)).toBe("スタッフに相談");

    // A second unhelpful turn in a row: a person takes over instead of another guess.
    const other = quickReplyLabels(offer).length > 1 ? quickReplyData(offer, /^1\./) : null;
    if (other) {
      await tap(userId, other);
      const second = await nthBotMessage(userId, 4);
      await tap(userId, quickReplyData(second, "解決しない"));
    } else {
      await say(userId, "Wi-Fiは使えますか");
      await tap(userId, quickReplyData(await nthBotMessage(userId, 4), "解決しない"));
    }
    const handover = await nthBotMessage(userId, 5);
    expect(handover.text).toContain("スタッフにおつなぎします");
    const row = await testEnv.DB.prepare("SELECT state, reason FROM conversations WHERE line_user_id = ?").bind(userId).first();
    expect(row).toEqual({ state: "waiting", reason: "unhelpful" });
  });

  it("learns a question confirmed by 解決した once an admin approves it", async () => {
    const admin = await setUpShop({ open: true });
    const { userId } = await newCustomer("学習");
    const question = "車で行っても停められますか？";
    await say(userId, question);
    const first = await nthBotMessage(userId, 2);
    // Whether the bot answered or offered choices, the customer ends on the parking answer and confirms it.
    if (first.text !== "店舗裏に3台分の駐車場がございます。") await tap(userId, quickReplyData(first, /駐車場/));
    const answer = await waitFor(
      async () => (await botMessages(userId)).find((m) => m.text === "店舗裏に3台分の駐車場がございます。"),
      "parking answer",
    );
    await tap(userId, quickReplyData(answer, "解決した"));
    await waitFor(async () => (await botMessages(userId)).some((m) => m.text?.includes("お役に立ててよかった")), "thanks");

    const pending = await call<{ alternates: { id: number; entryId: string; question: string; source: string }[] }>(
      "/api/admin/faq/alternates?status=pending",
      admin,
    );
    const suggestion = pending.body.alternates.find((a) => a.question === question);
    expect(suggestion).toMatchObject({ entryId: "parking", source: "confirmed" });
    const approved = await call(`/api/admin/faq/alternates/${suggestion?.id}/review`, admin, { body: { decision: "approve" } });
    expect(approved.status).toBe(200);
    const version = await testEnv.DB.prepare("SELECT faq_version FROM bot_settings").first<{ faq_version: number }>();
    expect(version?.faq_version).toBeGreaterThan(1);
  });

  it("imports and exports the shared FAQ format, and refuses a malformed file with a clear 400", async () => {
    const admin = await setUpShop({ open: true });
    const exported = await call<typeof SHOP_FAQ>("/api/admin/faq/export", admin);
    expect(exported.body).toEqual(SHOP_FAQ);

    const bad = await call<{ error: { code: string; message: string } }>("/api/admin/faq/import", admin, {
      body: { file: { shop: "x", domain: "y", entries: [{ id: "a", question: "", answer: "b", alternates: [] }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    const duplicate = await call<{ error: { code: string } }>("/api/admin/faq/import", admin, {
      body: { file: { ...SHOP_FAQ, entries: [SHOP_FAQ.entries[0], SHOP_FAQ.entries[0]] } },
    });
    expect(duplicate.status).toBe(400);
    expect((await call<typeof SHOP_FAQ>("/api/admin/faq/export", admin)).body.entries).toHaveLength(SHOP_FAQ.entries.length);
  });

  it("answers with an edited entry at once: every change bumps the version the Worker caches the index by", async () => {
    const admin = await setUpShop({ open: true });
    const edited = await call("/api/admin/faq/parking", admin, { method: "PUT", body: { answer: "駐車場は5台分あります。" } });
    expect(edited.status).toBe(200);
    const { userId } = await newCustomer("編集後");
    await say(userId, "駐車場はありますか");
    expect((await nthBotMessage(userId, 2)).text).toBe("駐車場は5台分あります。");
  });

  it("creates, disables and deletes entries; a taken id is a 409 and a disabled entry is never answered", async () => {
    const admin = await setUpShop({ open: true });
    const created = await call<{ entry: { id: string } }>("/api/admin/faq", admin, {
      body: {
        id: "beans",
        question: "豆の挽き方は選べますか",
        answer: "細挽きから粗挽きまでお選びいただけます。",
        alternates: ["挽いてもらえますか"],
      },
    });
    expect(created.status).toBe(201);
    const again = await call<{ error: { code: string } }>("/api/admin/faq", admin, { body: { id: "beans", question: "x", answer: "y" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");

    const disabled = await call("/api/admin/faq/beans", admin, { method: "PUT", body: { enabled: false } });
    expect(disabled.status).toBe(200);
    const { userId } = await newCustomer("無効");
    await say(userId, "豆の挽き方は選べますか");
    expect((await nthBotMessage(userId, 2)).text).not.toContain("細挽き");

    expect((await call("/api/admin/faq/beans", admin, { method: "DELETE" })).status).toBe(200);
    expect((await call("/api/admin/faq/beans", admin, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses business hours that close before they open, with the field named", async () => {
    const admin = await adminHeaders();
    const day = [{ open: "19:00", close: "10:00" }];
    const response = await call<{ error: { code: string; details: { path: string }[] } }>("/api/admin/bot-settings", admin, {
      method: "PUT",
      body: {
        businessHours: { weekly: [day, day, day, day, day, day, day], closedOnPublicHolidays: true, closedDates: [] },
        releaseAfterHours: 24,
        notifyStaffByLine: false,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details[0]?.path).toBe("businessHours.weekly.0.0.close");
  });

  it("lets only admins manage the FAQ", async () => {
    const { headers } = await newCustomer("一般");
    expect((await call("/api/admin/faq", headers)).status).toBe(403);
    const admin = await adminHeaders();
    expect((await call("/api/admin/faq", admin)).status).toBe(200);
  });
});
