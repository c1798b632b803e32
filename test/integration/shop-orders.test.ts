/**
 * Orders from the shop's POS or cart (decision 024): `POST /api/shop/orders` and
 * `POST /api/shop/orders/:orderId/refund`, signed with SHOP_API_SECRET like the link-nonces call.
 */
import type { ShopOrderResult } from "@enishi/shared/orders/orders.schema";
import { beforeAll, describe, expect, it } from "vitest";
import { adjust, type ErrorBody, ledgerRows, newCustomer, openCard, setRanks } from "./card.fixtures.ts";
import { callAsAdmin, expectJson, registerAdmin, testEnv } from "./helpers.ts";
import { type ShopCallOptions, shopPost } from "./shop-api.fixtures.ts";

type OrderBody = ShopOrderResult;

/** The POS calling us, signed as the README says. */
async function post(path: string, body: unknown, options?: ShopCallOptions) {
  const response = await shopPost(path, body, options);
  return { status: response.status, body: (await response.json()) as OrderBody & ErrorBody };
}

const order = (body: unknown, options?: ShopCallOptions) => post("/api/shop/orders", body, options);
const refund = (orderId: string, body: unknown = {}) => post(`/api/shop/orders/${encodeURIComponent(orderId)}/refund`, body);
const newOrderId = () => `POS-${crypto.randomUUID()}`;

async function storeWithRate(rateBp: number | null): Promise<string> {
  const id = `store-${crypto.randomUUID().slice(0, 8)}`;
  await testEnv.DB.prepare("INSERT INTO stores (id, name, point_rate_bp, created_at) VALUES (?, ?, ?, 0)")
    .bind(id, `店 ${id}`, rateBp)
    .run();
  return id;
}

async function rowsWithKey(prefix: string): Promise<number> {
  const row = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM point_ledger WHERE idempotency_key LIKE ?")
    .bind(`${prefix}%`)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A customer with a card (a LINE-only membership): their number, as a POS would read it off the card. */
async function member(name: string) {
  const customer = await newCustomer(name);
  const card = await openCard(customer.headers);
  return { ...customer, memberNumber: card.member.memberNumber, name };
}

/** How many friends a segment of "this friend, with ≥ 1 purchase (and ≥ ¥amount) in 30 days" counts: 1 or 0. */
async function frequencyCount(displayName: string, minAmount = 1): Promise<number> {
  const filter = {
    kind: "group",
    match: "all",
    conditions: [
      { kind: "attribute", field: "displayName", op: "eq", value: displayName },
      { kind: "purchaseTotal", measure: "count", days: 30, min: 1 },
      { kind: "purchaseTotal", measure: "amount", days: 30, min: minAmount },
      { kind: "lastPurchase", range: { op: "withinDays", days: 7 } },
    ],
  };
  return (await expectJson<{ count: number }>(await callAsAdmin("/api/admin/segments/count", { body: { filter } }), 200)).count;
}

describe("shop orders API: POST /api/shop/orders", () => {
  beforeAll(async () => {
    await registerAdmin();
    await setRanks([
      { id: "rank-regular", name: "レギュラー", nameEn: "Regular", minPoints: 0, multiplierPct: 100 },
      { name: "注文ゴールド", nameEn: "Order gold", minPoints: 1000, multiplierPct: 200 },
    ]);
  });

  it("awards an order's points once, however often and however concurrently it is sent", async () => {
    const m = await member("注文 冪等");
    const orderId = newOrderId();
    const input = { orderId, memberNumber: m.memberNumber, amountYen: 3480 };

    const results = await Promise.all(Array.from({ length: 8 }, () => order(input)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    for (const r of results) expect(r.body).toMatchObject({ orderId, memberNumber: m.memberNumber, pointsAwarded: 34, amountYen: 3480 });
    const retry = await order(input);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ pointsAwarded: 34, created: false, balance: 34, refunded: false });

    expect(await ledgerRows(m.memberNumber)).toEqual([{ kind: "grant", points: 34, idempotency_key: `order:${orderId}` }]);
    expect((await openCard(m.headers)).points.balance).toBe(34);
    const audits = await testEnv.DB.prepare("SELECT staff_user_id FROM audit_log WHERE action = 'order.award' AND subject_ref = ?")
      .bind(`ledger-key:order:${orderId}`)
      .all();
    expect(audits.results).toEqual([{ staff_user_id: "shop-api" }]);
  });

  it("earns at the store's own rate times the rank multiplier, moves the member up a rank and into an RFM segment", async () => {
    const m = await member(`注文 ランク ${crypto.randomUUID().slice(0, 6)}`);
    const storeId = await storeWithRate(500);
    expect(await frequencyCount(m.name)).toBe(0);

    // ¥20,000 at 5 % (the store's rate) × 1 (Regular): 1,000 points, which is the gold threshold.
    const first = await order({ orderId: newOrderId(), memberNumber: m.memberNumber, amountYen: 20_000, storeId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ pointsAwarded: 1000, balance: 1000, rank: { name: "注文ゴールド" } });
    expect(await frequencyCount(m.name, 20_000)).toBe(1);

    // Now gold (×2), at the shop's own rate of 1 %: ¥1,000 → 20 points.
    const second = await order({ orderId: newOrderId(), lineUserId: m.userId, amountYen: 1000 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ memberNumber: m.memberNumber, pointsAwarded: 20, balance: 1020 });
    const card = await openCard(m.headers);
    expect(card.rank?.name).toBe("注文ゴールド");
    const ledger = await testEnv.DB.prepare(
      "SELECT l.source, l.purchase_amount, l.store_id FROM point_ledger l JOIN members m ON m.id = l.member_id WHERE m.member_number = ? ORDER BY l.id",
    )
      .bind(m.memberNumber)
      .all();
    expect(ledger.results).toEqual([
      { source: "purchase", purchase_amount: 20_000, store_id: storeId },
      { source: "purchase", purchase_amount: 1000, store_id: null },
    ]);
  });

  it("records an order reported later at its own time, and refuses one from the future or too long ago", async () => {
    const m = await member("注文 日時");
    const orderedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const late = await order({ orderId: newOrderId(), memberNumber: m.memberNumber, amountYen: 1000, orderedAt });
    expect(late.status).toBe(201);
    const row = await testEnv.DB.prepare(
      "SELECT l.created_at FROM point_ledger l JOIN members m ON m.id = l.member_id WHERE m.member_number = ?",
    )
      .bind(m.memberNumber)
      .first<{ created_at: number }>();
    expect(row?.created_at).toBe(Date.parse(orderedAt));
    const future = await order({
      orderId: newOrderId(),
      memberNumber: m.memberNumber,
      amountYen: 1000,
      orderedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(400);
    const old = await order({
      orderId: newOrderId(),
      memberNumber: m.memberNumber,
      amountYen: 1000,
      orderedAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
    });
    expect(old.status).toBe(400);
    expect(await ledgerRows(m.memberNumber)).toHaveLength(1);
  });

  it("refuses unsigned, wrongly signed, tampered and stale calls with 401 and writes nothing", async () => {
    const m = await member("注文 署名");
    const orderId = newOrderId();
    const input = { orderId, memberNumber: m.memberNumber, amountYen: 5000 };
    const unsigned = await order(input, { unsigned: true });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.message).toContain("署名ヘッダーがありません");
    expect((await order(input, { secret: "someone-else-s-secret-0123456789abcdef" })).status).toBe(401);
    expect((await order(input, { tamper: (raw) => raw.replace("5000", "500000") })).status).toBe(401);
    const stale = await order(input, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toContain("古すぎます");
    expect(await rowsWithKey(`order:${orderId}`)).toBe(0);
    expect(await ledgerRows(m.memberNumber)).toEqual([]);
  });

  it("answers a bad body with 400 and its reasons, an unknown member with 404, and writes nothing", async () => {
    const m = await member("注文 入力");
    const notJson = await order("orderId=1&amountYen=100");
    expect(notJson.status).toBe(400);

    const invalid = await order({ orderId: "has space", memberNumber: m.memberNumber, amountYen: 12.5 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("validation_failed");
    const paths = (invalid.body.error.details as unknown as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(["amountYen", "orderId"]);

    const both = await order({ orderId: newOrderId(), memberNumber: m.memberNumber, lineUserId: m.userId, amountYen: 100 });
    expect(both.status).toBe(400);
    const neither = await order({ orderId: newOrderId(), amountYen: 100 });
    expect(neither.status).toBe(400);
    const negative = await order({ orderId: newOrderId(), memberNumber: m.memberNumber, amountYen: -100 });
    expect(negative.status).toBe(400);
    const store = await order({ orderId: newOrderId(), memberNumber: m.memberNumber, amountYen: 1000, storeId: "no-such-store" });
    expect(store.status).toBe(400);
    expect(store.body.error.message).toContain("店舗");

    const unknown = await order({ orderId: newOrderId(), memberNumber: "999999999999", amountYen: 1000 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("会員はいません");
    const stranger = await order({ orderId: newOrderId(), lineUserId: `U${"0".repeat(31)}9`, amountYen: 1000 });
    expect(stranger.status).toBe(404);

    expect(await ledgerRows(m.memberNumber)).toEqual([]);
  });

  it("refuses the same orderId for another amount or another member with 409, keeping the first", async () => {
    const a = await member("注文 衝突A");
    const b = await member("注文 衝突B");
    const orderId = newOrderId();
    expect((await order({ orderId, memberNumber: a.memberNumber, amountYen: 2000 })).status).toBe(201);
    const otherAmount = await order({ orderId, memberNumber: a.memberNumber, amountYen: 2500 });
    expect(otherAmount.status).toBe(409);
    expect(otherAmount.body.error.details?.reason).toBe("order_id_reused");
    const otherMember = await order({ orderId, memberNumber: b.memberNumber, amountYen: 2000 });
    expect(otherMember.status).toBe(409);
    expect(await ledgerRows(a.memberNumber)).toHaveLength(1);
    expect(await ledgerRows(b.memberNumber)).toEqual([]);
  });

  it("answers an order too small to earn a point without recording anything", async () => {
    const m = await member("注文 少額");
    const small = await order({ orderId: newOrderId(), memberNumber: m.memberNumber, amountYen: 80 });
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ pointsAwarded: 0, created: false, balance: 0 });
    expect(await ledgerRows(m.memberNumber)).toEqual([]);
  });
});

describe("shop orders API: POST /api/shop/orders/:orderId/refund", () => {
  it("takes an order's points back once, and the refunded purchase leaves the RFM segments", async () => {
    const m = await member(`注文 返品 ${crypto.randomUUID().slice(0, 6)}`);
    const orderId = newOrderId();
    await order({ orderId, memberNumber: m.memberNumber, amountYen: 5000 });
    expect(await frequencyCount(m.name)).toBe(1);

    const results = await Promise.all([refund(orderId), refund(orderId), refund(orderId, { reason: "サイズ違い" })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    for (const r of results) expect(r.body).toMatchObject({ orderId, pointsAwarded: 50, pointsRefunded: 50, refunded: true, balance: 0 });
    expect(await ledgerRows(m.memberNumber)).toEqual([
      { kind: "grant", points: 50, idempotency_key: `order:${orderId}` },
      { kind: "adjust", points: -50, idempotency_key: `order:${orderId}:refund` },
    ]);
    expect(await frequencyCount(m.name)).toBe(0);

    // The order sent again after its refund awards nothing new: it answers the order as it stands.
    const again = await order({ orderId, memberNumber: m.memberNumber, amountYen: 5000 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ pointsAwarded: 50, refunded: true, balance: 0 });
    expect(await ledgerRows(m.memberNumber)).toHaveLength(2);
  });

  it("takes back points already spent (the balance goes below zero), and 404s an order it does not know", async () => {
    const m = await member("注文 使用後返品");
    const orderId = newOrderId();
    await order({ orderId, memberNumber: m.memberNumber, amountYen: 10_000 });
    expect((await adjust(m.memberNumber, -100)).status).toBe(201);
    const refunded = await refund(orderId);
    expect(refunded.status).toBe(201);
    expect(refunded.body.balance).toBe(-100);
    expect((await openCard(m.headers)).points.balance).toBe(-100);

    const unknown = await refund(newOrderId());
    expect(unknown.status).toBe(404);
    const unsigned = await shopPost(`/api/shop/orders/${orderId}/refund`, {}, { unsigned: true });
    expect(unsigned.status).toBe(401);
  });
});
