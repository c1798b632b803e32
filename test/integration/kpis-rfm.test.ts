import { type RfmCounts, rfmCountQuery } from "@enishi/shared/kpis/rfm";
import { beforeAll, describe, expect, it } from "vitest";
import { rfmThresholdQuery } from "../../db/src/kpis/rfm.query.ts";
import { testEnv } from "./helpers.ts";

/**
 * The dashboard counts RFM from the purchases' side (db/src/kpis/rfm.query.ts, for a million friends);
 * the buckets are defined by the segments' own conditions (shared/src/kpis/rfm.ts). Both statements run on
 * the same database at the same `now` and must agree — before and after seeding the edge cases below
 * (window boundaries, a membership naming the friend twice, two memberships, one membership naming two
 * friends, zero and NULL amounts, blocked friends, members of no friend). Rows other files left behind
 * only add to both sides, so the seeded friends' contribution is checked as a difference.
 */
const DAY = 86_400_000;
const now = Date.now();
const suffix = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
const friend = (n: number) => `Urfm${String(n).padStart(5, "0")}${suffix}`;
const KEYS = ["following", "within30", "within90", "within365", "ever", "count2", "count5", "amount1", "amount10k", "amount50k"] as const;

async function run(sql: string, ...params: unknown[]): Promise<void> {
  await testEnv.DB.prepare(sql)
    .bind(...params)
    .run();
}

async function counts(query: { sql: string; params: unknown[] }): Promise<RfmCounts> {
  const row = (await testEnv.DB.prepare(query.sql)
    .bind(...query.params)
    .first()) as Record<string, number | null>;
  return Object.fromEntries(KEYS.map((k) => [k, Number(row[k] ?? 0)])) as RfmCounts;
}

const both = async () => ({ segments: await counts(rfmCountQuery({ now })), purchases: await counts(rfmThresholdQuery(now)) });

async function addFriend(n: number, status: "following" | "blocked" = "following") {
  await run(
    "INSERT INTO friends (line_user_id, display_name, status, followed_at, created_at, updated_at) VALUES (?, 'rfm', ?, 0, 0, 0)",
    friend(n),
    status,
  );
}

async function member(id: string, linked: string | null, lineOnly: string | null) {
  await run(
    "INSERT INTO members (id, member_number, name, line_user_id, line_only_user_id, origin, created_at, updated_at) VALUES (?, ?, 'rfm', ?, ?, ?, 0, 0)",
    `rfm-${id}-${suffix}`,
    `rfm-${id}-${suffix}`,
    linked,
    lineOnly,
    lineOnly ? "line" : "import",
  );
}

async function purchase(id: string, amount: number | null, at: number) {
  await run(
    `INSERT INTO point_ledger (member_id, kind, points, source, purchase_amount, idempotency_key, expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    `rfm-${id}-${suffix}`,
    amount === null ? "use" : "grant",
    amount === null ? -10 : 10,
    amount === null ? "redeem" : "purchase",
    amount,
    crypto.randomUUID(),
    amount === null ? null : at + 365 * DAY,
    at,
  );
}

describe("RFM counted from purchases equals the segment conditions (decision 022)", () => {
  let before: Awaited<ReturnType<typeof both>>;
  let after: Awaited<ReturnType<typeof both>>;

  beforeAll(async () => {
    before = await both();
    for (const n of [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14]) await addFriend(n);
    await addFriend(6, "blocked");
    // 1: exactly 30 days ago and exactly ¥10,000 (both bounds inclusive); a points use has no amount.
    await member("m1", friend(1), null);
    await purchase("m1", 10_000, now - 30 * DAY);
    await purchase("m1", null, now - DAY);
    // 2: one membership naming the friend in both columns — its 3 purchases (¥49,000) count once.
    await member("m2", friend(2), friend(2));
    for (const [amount, days] of [
      [20_000, 31],
      [20_000, 40],
      [9_000, 50],
    ] as const)
      await purchase("m2", amount, now - days * DAY);
    // 3: a linked and a LINE-only membership: 4 purchases, ¥51,001 within 365 days; one just outside.
    await member("m3a", friend(3), null);
    await member("m3b", null, friend(3));
    await purchase("m3a", 30_000, now - 100 * DAY);
    await purchase("m3a", 1_000, now - 200 * DAY);
    await purchase("m3b", 20_000, now - 300 * DAY);
    await purchase("m3b", 1, now - 365 * DAY);
    await purchase("m3b", 5, now - 366 * DAY);
    // 4 and 5: one membership linked to 4 and LINE-only for 5 counts for both.
    await member("m4", friend(4), friend(5));
    await purchase("m4", 100, now - 10 * DAY);
    // 6 is blocked; 7 is no friend at all.
    await member("m6", friend(6), null);
    await purchase("m6", 60_000, now - DAY);
    await member("m7", friend(7), null);
    await purchase("m7", 60_000, now - DAY);
    // 8: bought over a year ago (and over ten years ago); 9: only over ten years ago.
    await member("m8", friend(8), null);
    await purchase("m8", 70_000, now - 400 * DAY);
    await purchase("m8", 1, now - 3651 * DAY);
    await member("m9", friend(9), null);
    await purchase("m9", 1, now - 3651 * DAY);
    // 10: a purchase of ¥0 (a purchase, no amount); 11: five purchases of ¥2,000.
    await member("m10", friend(10), null);
    await purchase("m10", 0, now - 5 * DAY);
    await member("m11", friend(11), null);
    for (let d = 1; d <= 5; d++) await purchase("m11", 2_000, now - d * DAY);
    // 12 has no membership; 13 only points uses; 14 a LINE-only membership with a purchase dated ahead.
    await member("m13", friend(13), null);
    await purchase("m13", null, now - DAY);
    await member("m14", null, friend(14));
    await purchase("m14", 500, now + DAY);
    after = await both();
  });

  it("gives the same counts as rfmCountQuery, before and after the edge cases", () => {
    expect(before.purchases).toEqual(before.segments);
    expect(after.purchases).toEqual(after.segments);
  });

  it("counts the seeded friends as the conditions define them", () => {
    const delta = Object.fromEntries(KEYS.map((k) => [k, after.purchases[k] - before.purchases[k]]));
    expect(delta).toEqual({
      following: 12,
      within30: 6,
      within90: 7,
      within365: 8,
      ever: 9,
      count2: 3,
      count5: 1,
      amount1: 7,
      amount10k: 4,
      amount50k: 1,
    });
  });
});
