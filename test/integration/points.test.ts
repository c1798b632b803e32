import { describe, expect, it } from "vitest";
import { adjust, adminHeaders, call, type ErrorBody, ledgerRows, newCustomer, openCard, setRanks, tagsOf } from "./card.fixtures.ts";
import { botTexts, chatOf, runCron, testEnv, waitFor } from "./helpers.ts";

const DAY_MS = 86_400_000;

async function memberIdOf(memberNumber: string): Promise<string> {
  const row = await testEnv.DB.prepare("SELECT id FROM members WHERE member_number = ?").bind(memberNumber).first<{ id: string }>();
  if (!row) throw new Error(`no member ${memberNumber}`);
  return row.id;
}

/** A credit made in the past (a fixture: the API only grants now). */
async function insertPastCredit(memberId: string, points: number, createdAt: number, expiresAt: number): Promise<void> {
  await testEnv.DB.prepare(
    `INSERT INTO point_ledger (member_id, kind, points, source, idempotency_key, expires_at, expiry_state, created_at)
     VALUES (?, 'grant', ?, 'purchase', ?, ?, 'pending', ?)`,
  )
    .bind(memberId, points, `fixture:${crypto.randomUUID()}`, expiresAt, createdAt)
    .run();
}

describe("points ledger", () => {
  it("writes one entry per idempotency key, even for ten identical requests at once", async () => {
    const { headers } = await newCustomer("冪等");
    const { memberNumber } = (await openCard(headers)).member;
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => adjust(memberNumber, 300, key)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    expect(await ledgerRows(memberNumber)).toHaveLength(1);
    expect((await openCard(headers)).points.balance).toBe(300);
  });

  it("refuses a key reused for a different amount", async () => {
    const { headers } = await newCustomer("別内容");
    const { memberNumber } = (await openCard(headers)).member;
    const key = crypto.randomUUID();
    await adjust(memberNumber, 100, key);
    const reused = await adjust(memberNumber, 500, key);
    expect(reused.status).toBe(409);
    expect(reused.body.error.details?.reason).toBe("idempotency_key_reused");
    expect((await openCard(headers)).points.balance).toBe(100);
  });

  it("never lets two deductions at once overdraw the balance", async () => {
    const { headers } = await newCustomer("残高");
    const { memberNumber } = (await openCard(headers)).member;
    await adjust(memberNumber, 100);
    const [a, b] = await Promise.all([adjust(memberNumber, -80), adjust(memberNumber, -80)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.details?.reason).toBe("insufficient_points");
    expect((await openCard(headers)).points.balance).toBe(20);
  });

  it("answers bad adjustments with a clear 400 and writes nothing", async () => {
    const { headers } = await newCustomer("入力");
    const { memberNumber } = (await openCard(headers)).member;
    const admin = await adminHeaders();
    const path = `/api/admin/points/members/${memberNumber}/adjust`;
    for (const body of [
      { points: 0, reason: "ゼロ", requestKey: crypto.randomUUID() },
      { points: 10, reason: "", requestKey: crypto.randomUUID() },
      { points: 1.5, reason: "小数", requestKey: crypto.randomUUID() },
      { points: 10, reason: "鍵なし", requestKey: "not-a-uuid" },
    ]) {
      const result = await call<ErrorBody>(path, admin, { body });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("validation_failed");
    }
    expect(
      (
        await call<ErrorBody>("/api/admin/points/members/000000/adjust", admin, {
          body: { points: 5, reason: "不明", requestKey: crypto.randomUUID() },
        })
      ).status,
    ).toBe(404);
    expect(await ledgerRows(memberNumber)).toEqual([]);
  });
});

describe("ranks", () => {
  it("moves a member up as they earn, tags the rank and sends one rank-up message per move", async () => {
    await setRanks([
      { id: "rank-regular", name: "レギュラー", nameEn: "Regular", minPoints: 0, multiplierPct: 100 },
      { id: "rank-silver", name: "シルバー", nameEn: "Silver", minPoints: 100, multiplierPct: 150 },
      { id: "rank-gold", name: "ゴールド", nameEn: "Gold", minPoints: 300, multiplierPct: 200 },
    ]);
    const customer = await newCustomer("昇格");
    const { memberNumber } = (await openCard(customer.headers)).member;
    await adjust(memberNumber, 150);
    expect((await openCard(customer.headers)).rank?.name).toBe("シルバー");
    await waitFor(
      async () => botTexts(await chatOf(customer.userId)).some((t) => t.includes("シルバー会員になりました")),
      "silver message",
    );
    await adjust(memberNumber, 200);
    const card = await openCard(customer.headers);
    expect(card.rank?.name).toBe("ゴールド");
    expect(card.nextRank).toBeNull();
    await waitFor(async () => botTexts(await chatOf(customer.userId)).some((t) => t.includes("ゴールド会員になりました")), "gold message");
    expect(await tagsOf(customer.userId)).toEqual(["ゴールド"]);
    expect(botTexts(await chatOf(customer.userId)).filter((t) => t.includes("会員になりました"))).toHaveLength(2);
  });

  it("recomputes every member when the rules change, quietly", async () => {
    await setRanks([
      { id: "rank-regular", name: "レギュラー", nameEn: "Regular", minPoints: 0, multiplierPct: 100 },
      { id: "rank-silver", name: "シルバー", nameEn: "Silver", minPoints: 100, multiplierPct: 150 },
    ]);
    const customer = await newCustomer("規則変更");
    const { memberNumber } = (await openCard(customer.headers)).member;
    await adjust(memberNumber, 150);
    expect((await openCard(customer.headers)).rank?.name).toBe("シルバー");
    await waitFor(
      async () => botTexts(await chatOf(customer.userId)).some((t) => t.includes("シルバー会員になりました")),
      "silver message",
    );
    const before = botTexts(await chatOf(customer.userId)).length;
    await setRanks([
      { id: "rank-regular", name: "レギュラー", nameEn: "Regular", minPoints: 0, multiplierPct: 100 },
      { id: "rank-silver", name: "シルバー", nameEn: "Silver", minPoints: 1000, multiplierPct: 150 },
    ]);
    await waitFor(async () => (await openCard(customer.headers)).rank?.name === "レギュラー", "rank to fall after the rule change");
    // The job moves the tag right after the rank.
    await waitFor(async () => (await tagsOf(customer.userId)).join() === "レギュラー", "rank tag to follow");
    expect(botTexts(await chatOf(customer.userId)).length).toBe(before);
  });

  it("refuses a rule set without a rank at 0 points or with two ranks at one threshold", async () => {
    const admin = await adminHeaders();
    const rank = (name: string, minPoints: number) => ({ name, nameEn: name, minPoints, multiplierPct: 100, color: "#06c755" });
    for (const ranks of [[rank("A", 10)], [rank("A", 0), rank("B", 50), rank("C", 50)], []]) {
      const result = await call<ErrorBody>("/api/admin/ranks", admin, { method: "PUT", body: { ranks } });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("validation_failed");
    }
  });
});

describe("point expiry", () => {
  it("expires the unspent part of old points, oldest first, once, after a notice", async () => {
    const admin = await adminHeaders();
    await call("/api/admin/points/settings", admin, {
      method: "PUT",
      body: { rateBp: 100, expiryMonths: 12, expiryNoticeDays: 14, rankWindowMonths: 12 },
    });
    const customer = await newCustomer("失効");
    const { memberNumber } = (await openCard(customer.headers)).member;
    const memberId = await memberIdOf(memberNumber);
    const now = Date.now();
    await insertPastCredit(memberId, 500, now - 400 * DAY_MS, now + 5 * DAY_MS);
    await insertPastCredit(memberId, 300, now - 100 * DAY_MS, now + 200 * DAY_MS);
    await adjust(memberNumber, -200);

    await runCron(now);
    await waitFor(async () => botTexts(await chatOf(customer.userId)).some((t) => t.includes("300ポイント")), "expiry notice");
    await runCron(now + 60_000);
    expect(botTexts(await chatOf(customer.userId)).filter((t) => t.includes("失効します"))).toHaveLength(1);

    const later = now + 6 * DAY_MS;
    await runCron(later);
    await runCron(later + 60_000);
    const expiries = (await ledgerRows(memberNumber)).filter((r) => r.kind === "expire");
    // 500 expiring, 200 of them already spent: 300 expire, and only once.
    expect(expiries.map((r) => r.points)).toEqual([-300]);
    expect((await openCard(customer.headers)).points.balance).toBe(300);
  });
});

describe("linking a shop membership", () => {
  it("brings the LINE-only membership's points over to the linked member", async () => {
    const customer = await newCustomer("連携");
    const lineOnly = (await openCard(customer.headers)).member;
    await adjust(lineOnly.memberNumber, 70);
    const number = `7${Date.now().toString().slice(-7)}`;
    await testEnv.DB.prepare(
      "INSERT INTO members (id, member_number, name, line_user_id, created_at, updated_at) VALUES (?, ?, '連携 太郎', ?, 0, 0)",
    )
      .bind(`mem-${number}`, number, customer.userId)
      .run();
    await adjust(number, 30);
    const card = await openCard(customer.headers);
    expect(card.member).toMatchObject({ memberNumber: number, origin: "import" });
    expect(card.points.balance).toBe(100);
    expect((await openCard(customer.headers)).points.balance).toBe(100);
  });
});
