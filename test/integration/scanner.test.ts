import { CARD_CODE_WINDOW_MS, signCardCode } from "@enishi/shared";
import { describe, expect, it } from "vitest";
import { auditActions, call, type ErrorBody, ledgerRows, newCustomer, newStaff, openCard, setRanks } from "./card.fixtures.ts";
import { testEnv } from "./helpers.ts";

const CARD_SECRET = "integration-card-code-secret";

interface ScanBody {
  scanId: string;
  member: { memberNumber: string; balance: number; rank: { name: string } | null };
  rate: { rateBp: number; multiplierPct: number };
  coupons: unknown[];
}
interface AwardBody {
  awarded: { points: number; duplicate: boolean; entryId: number };
  member: { balance: number; rank: { name: string } | null };
  rate: { rateBp: number; multiplierPct: number };
  rankChanged: boolean;
}

async function storeWithRate(rateBp: number | null): Promise<string> {
  const id = `store-${crypto.randomUUID().slice(0, 8)}`;
  await testEnv.DB.prepare("INSERT INTO stores (id, name, point_rate_bp, created_at) VALUES (?, ?, ?, 0)")
    .bind(id, `店 ${id}`, rateBp)
    .run();
  return id;
}

/** A coupon and one copy held by `userId` (a fixture: the coupons feature has its own tests). */
async function couponHeldBy(userId: string, title: string): Promise<string> {
  const now = Date.now();
  const couponId = `cp-${crypto.randomUUID().slice(0, 8)}`;
  const grantId = `gr-${crypto.randomUUID().slice(0, 8)}`;
  await testEnv.DB.prepare(
    `INSERT INTO coupons (id, title, discount_kind, discount_value, starts_at, ends_at, status, created_at, updated_at)
     VALUES (?, ?, 'yen', 100, ?, ?, 'active', ?, ?)`,
  )
    .bind(couponId, title, now - 60_000, now + 86_400_000, now, now)
    .run();
  await testEnv.DB.prepare(
    "INSERT INTO coupon_grants (id, coupon_id, line_user_id, seq, code, source, granted_at, expires_at) VALUES (?, ?, ?, 1, ?, 'staff', ?, ?)",
  )
    .bind(grantId, couponId, userId, crypto.randomUUID().replaceAll("-", "").slice(0, 12).toUpperCase(), now, now + 86_400_000)
    .run();
  return grantId;
}

describe("staff scanner", () => {
  it("scans a customer's card, awards points for a purchase, and the card shows the new balance", async () => {
    const customer = await newCustomer("佐藤");
    const staff = await newStaff();
    const storeId = await storeWithRate(null);
    const card = await openCard(customer.headers);

    const scan = await call<ScanBody>("/api/staff/scans", staff.headers, { body: { code: card.code.value, storeId } });
    expect(scan.status).toBe(201);
    expect(scan.body.member).toMatchObject({ memberNumber: card.member.memberNumber, balance: 0, rank: { name: "レギュラー" } });

    const award = await call<AwardBody>(`/api/staff/scans/${scan.body.scanId}/award`, staff.headers, { body: { amountYen: 2480 } });
    expect(award.status).toBe(200);
    expect(award.body.awarded).toMatchObject({ points: 24, duplicate: false });
    expect(award.body.member.balance).toBe(24);
    expect((await openCard(customer.headers)).points.balance).toBe(24);

    const audit = await auditActions(customer.userId);
    expect(audit.map((a) => a.action)).toEqual(["card.scan", "points.award"]);
    expect(audit.every((a) => a.staff_user_id === staff.userId && a.store_id === storeId)).toBe(true);
    expect(JSON.parse(audit[1]?.details ?? "{}")).toMatchObject({ amountYen: 2480, points: 24 });
  });

  it("accepts a code once: a replay is refused, and of five clerks scanning one code at once one wins", async () => {
    const customer = await newCustomer("再利用");
    const staff = await newStaff();
    const card = await openCard(customer.headers);
    const scans = await Promise.all(
      Array.from({ length: 5 }, () => call<ScanBody & ErrorBody>("/api/staff/scans", staff.headers, { body: { code: card.code.value } })),
    );
    expect(scans.map((s) => s.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const refused = scans.find((s) => s.status === 409);
    expect(refused?.body.error).toMatchObject({ code: "conflict", details: { reason: "already_used" } });
    const replay = await call<ErrorBody>("/api/staff/scans", staff.headers, { body: { code: card.code.value } });
    expect(replay.body.error.details?.reason).toBe("already_used");
    // The card's next code works: a new code, not the same one again.
    const fresh = await call<{ code: { value: string } }>("/api/card/code", customer.headers);
    expect((await call("/api/staff/scans", staff.headers, { body: { code: fresh.body.code.value } })).status).toBe(201);
  });

  it("refuses tampered, foreign, expired and non-card codes with a clear reason", async () => {
    const customer = await newCustomer("改ざん");
    const staff = await newStaff();
    const card = await openCard(customer.headers);
    const other = await openCard((await newCustomer("他人")).headers);
    const tampered = card.code.value.replace(`.${card.member.memberNumber}.`, `.${other.member.memberNumber}.`);
    const foreign = (await signCardCode("another-shop-secret-value", { memberNumber: card.member.memberNumber, now: Date.now() })).code;
    const expired = (await signCardCode(CARD_SECRET, { memberNumber: card.member.memberNumber, now: Date.now() - 3 * CARD_CODE_WINDOW_MS }))
      .code;
    const cases: [string, number, string][] = [
      [tampered, 400, "invalid"],
      [foreign, 400, "invalid"],
      [expired, 400, "expired"],
      ["https://example.com/not-a-card", 400, "not_a_card_code"],
    ];
    for (const [code, status, reason] of cases) {
      const result = await call<ErrorBody>("/api/staff/scans", staff.headers, { body: { code } });
      expect(result.status, reason).toBe(status);
      expect(result.body.error.details?.reason).toBe(reason);
      expect(result.body.error.message).toMatch(/[ぁ-んァ-ン]/);
    }
    const empty = await call<ErrorBody>("/api/staff/scans", staff.headers, { body: { code: "  " } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("validation_failed");
    expect(await auditActions(customer.userId)).toEqual([]);
  });

  it("awards once per scan: a double tap gives the same entry, another amount is refused", async () => {
    const customer = await newCustomer("二度押し");
    const staff = await newStaff();
    const card = await openCard(customer.headers);
    const scan = await call<ScanBody>("/api/staff/scans", staff.headers, { body: { code: card.code.value } });
    const path = `/api/staff/scans/${scan.body.scanId}/award`;
    const [a, b] = await Promise.all([
      call<AwardBody>(path, staff.headers, { body: { amountYen: 1000 } }),
      call<AwardBody>(path, staff.headers, { body: { amountYen: 1000 } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.awarded.entryId).toBe(b.body.awarded.entryId);
    expect([a.body.awarded.duplicate, b.body.awarded.duplicate].sort()).toEqual([false, true]);
    const other = await call<ErrorBody>(path, staff.headers, { body: { amountYen: 5000 } });
    expect(other.status).toBe(409);
    expect(other.body.error.details?.reason).toBe("already_awarded");
    expect((await ledgerRows(card.member.memberNumber)).map((r) => r.points)).toEqual([10]);
    expect((await auditActions(customer.userId)).filter((r) => r.action === "points.award")).toHaveLength(1);
  });

  it("earns at the store's own rate times the rank's multiplier", async () => {
    await setRanks([
      { id: "rank-regular", name: "レギュラー", nameEn: "Regular", minPoints: 0, multiplierPct: 100 },
      { name: "ダイヤ", nameEn: "Diamond", minPoints: 5, multiplierPct: 300 },
    ]);
    const customer = await newCustomer("倍率");
    const staff = await newStaff();
    const storeId = await storeWithRate(500);
    const first = await call<ScanBody>("/api/staff/scans", staff.headers, {
      body: { code: (await openCard(customer.headers)).code.value, storeId },
    });
    expect(first.body.rate).toEqual({ rateBp: 500, multiplierPct: 100 });
    const award = await call<AwardBody>(`/api/staff/scans/${first.body.scanId}/award`, staff.headers, { body: { amountYen: 1000 } });
    expect(award.body.awarded.points).toBe(50);
    // 50 points earned: the award's answer already shows the clerk the new rank and its rate.
    expect(award.body).toMatchObject({ rankChanged: true, member: { balance: 50, rank: { name: "ダイヤ" } } });
    expect(award.body.rate).toEqual({ rateBp: 500, multiplierPct: 300 });
    const code = (await call<{ code: { value: string } }>("/api/card/code", customer.headers)).body.code.value;
    const second = await call<ScanBody>("/api/staff/scans", staff.headers, { body: { code, storeId } });
    expect(second.body.member.rank?.name).toBe("ダイヤ");
    const again = await call<AwardBody>(`/api/staff/scans/${second.body.scanId}/award`, staff.headers, { body: { amountYen: 1000 } });
    expect(again.body.awarded.points).toBe(150);
    expect(again.body.rankChanged).toBe(false);
  });

  it("refuses bad amounts, other staff's scans, unknown stores and customers who are not staff", async () => {
    const customer = await newCustomer("検証");
    const staff = await newStaff();
    const card = await openCard(customer.headers);
    const scan = await call<ScanBody>("/api/staff/scans", staff.headers, { body: { code: card.code.value } });
    const path = `/api/staff/scans/${scan.body.scanId}/award`;
    for (const amountYen of [0, -100, 12.5, "1000"]) {
      const result = await call<ErrorBody>(path, staff.headers, { body: { amountYen } });
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("validation_failed");
    }
    const small = await call<ErrorBody>(path, staff.headers, { body: { amountYen: 50 } });
    expect(small.body.error.details?.reason).toBe("no_points");
    const otherStaff = await newStaff("別の店員");
    const notYours = await call<ErrorBody>(path, otherStaff.headers, { body: { amountYen: 1000 } });
    expect(notYours.status).toBe(403);
    expect(notYours.body.error.details?.reason).toBe("scan_not_yours");
    const code = (await call<{ code: { value: string } }>("/api/card/code", customer.headers)).body.code.value;
    const unknownStore = await call<ErrorBody>("/api/staff/scans", staff.headers, { body: { code, storeId: "store-nowhere" } });
    expect(unknownStore.body.error.details?.reason).toBe("unknown_store");
    const asCustomer = await call<ErrorBody>("/api/staff/scans", customer.headers, { body: { code } });
    expect(asCustomer.status).toBe(403);
    expect(await ledgerRows(card.member.memberNumber)).toEqual([]);
  });

  it("shows the member's usable coupons and redeems one exactly once, never another customer's", async () => {
    const customer = await newCustomer("クーポン");
    const other = await newCustomer("他の客");
    const staff = await newStaff();
    const mine = await couponHeldBy(customer.userId, "ドリンク100円引き");
    const theirs = await couponHeldBy(other.userId, "焼き菓子100円引き");
    const scan = await call<ScanBody>("/api/staff/scans", staff.headers, { body: { code: (await openCard(customer.headers)).code.value } });
    expect(scan.body.coupons).toEqual([expect.objectContaining({ grant: expect.objectContaining({ id: mine }) })]);

    const redeem = (grantId: string) =>
      call<ErrorBody & ScanBody>(`/api/staff/scans/${scan.body.scanId}/coupons/${grantId}/redeem`, staff.headers, { body: {} });
    const [a, b] = await Promise.all([redeem(mine), redeem(mine)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await redeem(theirs)).status).toBe(404);
    const audit = await auditActions(customer.userId);
    expect(audit.filter((r) => r.action === "coupon.redeem")).toHaveLength(1);
  });
});
