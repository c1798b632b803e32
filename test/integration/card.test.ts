import { describe, expect, it } from "vitest";
import { adjust, adminHeaders, call, newCustomer, openCard } from "./card.fixtures.ts";
import { callWorker, testEnv } from "./helpers.ts";

describe("member card", () => {
  it("gives a friend a LINE-only membership on first open and the same one on every later open", async () => {
    const { headers } = await newCustomer("はじめて");
    const first = await openCard(headers);
    expect(first.member).toMatchObject({ origin: "line", name: "はじめて" });
    expect(first.member.memberNumber).toMatch(/^8\d{7}$/);
    expect(first.rank?.name).toBe("レギュラー");
    expect(first.points).toMatchObject({ balance: 0, earned: 0, expiring: null });
    expect(first.history).toEqual([]);
    const again = await openCard(headers);
    expect(again.member.memberNumber).toBe(first.member.memberNumber);
  });

  it("shows a linked shop member their own membership, ranked on first open, and makes no LINE-only one", async () => {
    const { userId, headers } = await newCustomer("連携済み");
    const number = `6${Date.now().toString().slice(-7)}`;
    await testEnv.DB.prepare(
      "INSERT INTO members (id, member_number, name, line_user_id, created_at, updated_at) VALUES (?, ?, '連携 花子', ?, 0, 0)",
    )
      .bind(`mem-${number}`, number, userId)
      .run();
    const first = await openCard(headers);
    expect(first.member).toMatchObject({ memberNumber: number, origin: "import" });
    expect(first.rank?.name).toBe("レギュラー");
    expect((await openCard(headers)).member.memberNumber).toBe(number);
    const lineOnly = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM members WHERE line_only_user_id = ?").bind(userId).first();
    expect(lineOnly).toEqual({ n: 0 });
  });

  it("makes one membership when the card is opened several times at once", async () => {
    const { headers } = await newCustomer("連打");
    const cards = await Promise.all(Array.from({ length: 5 }, () => openCard(headers)));
    expect(new Set(cards.map((c) => c.member.memberNumber)).size).toBe(1);
  });

  it("shows a signed code for the QR and a different one on every refresh", async () => {
    const { headers } = await newCustomer("QR");
    const card = await openCard(headers);
    expect(card.code.value).toMatch(new RegExp(`^EN1\\.${card.member.memberNumber}\\.`));
    expect(card.code.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    expect(card.code.refreshAt).toBeLessThan(card.code.expiresAt);
    const next = await call<{ code: { value: string }; balance: number }>("/api/card/code", headers);
    expect(next.status).toBe(200);
    expect(next.body.code.value).not.toBe(card.code.value);
    expect(next.body.balance).toBe(0);
  });

  it("is never cached", async () => {
    const { headers } = await newCustomer("キャッシュ");
    const response = await callWorker("/api/card/code", { headers });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses to show a card without a verified ID token", async () => {
    const response = await callWorker("/api/card");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("shows points expiring soon and the recent history with reasons", async () => {
    const admin = await adminHeaders();
    const settings = { rateBp: 100, expiryMonths: 1, expiryNoticeDays: 60, rankWindowMonths: 12 };
    expect((await call("/api/admin/points/settings", admin, { method: "PUT", body: settings })).status).toBe(200);
    const { headers } = await newCustomer("期限");
    const card = await openCard(headers);
    expect((await adjust(card.member.memberNumber, 120)).status).toBe(201);
    const after = await openCard(headers);
    expect(after.points.balance).toBe(120);
    expect(after.points.expiring?.points).toBe(120);
    const days = ((after.points.expiring?.firstAt ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);
    expect(after.history[0]).toMatchObject({ kind: "adjust", points: 120, reason: "テスト調整" });
  });
});
