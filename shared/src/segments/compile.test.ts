import { beforeAll, describe, expect, it } from "vitest";
import { compileSegment, countQuery, MAX_SEGMENT_PARAMS, previewQuery, recipientPageQuery, SegmentTooComplexError } from "./compile.ts";
import { type SegmentCondition, type SegmentFilter, SegmentFilterSchema } from "./segment.schema.ts";

// The compiled SQL is run on SQLite (node:sqlite) over the real migrations, so these tests check what a
// segment selects, not what its SQL looks like. Loaded by name: shared has no Node types (it runs anywhere).
interface Sqlite {
  exec(sql: string): void;
  prepare(sql: string): { all(...params: unknown[]): Record<string, unknown>[]; run(...params: unknown[]): unknown };
}
let db: Sqlite;

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-06-15T12:00:00+09:00");
const id = (n: number) => `U${n.toString(16).padStart(32, "0")}`;

interface FriendSeed {
  n: number;
  status?: "following" | "blocked";
  tags?: string[];
  language?: string | null;
  name?: string | null;
  followedDaysAgo?: number | null;
  activeDaysAgo?: number | null;
  store?: string | null;
}

const FRIENDS: FriendSeed[] = [
  { n: 1, tags: ["vip", "shibuya"], language: "ja", name: "山田", followedDaysAgo: 3, activeDaysAgo: 1, store: "s-shibuya" },
  { n: 2, tags: ["vip"], language: "en", name: "Smith", followedDaysAgo: 40, activeDaysAgo: 10 },
  { n: 3, tags: ["shibuya"], language: "ja", name: "佐藤 100%", followedDaysAgo: 400, activeDaysAgo: 200, store: "s-umeda" },
  { n: 4, tags: [], language: null, name: null, followedDaysAgo: null, activeDaysAgo: null },
  { n: 5, status: "blocked", tags: ["vip", "shibuya"], language: "ja", name: "ブロック", followedDaysAgo: 1, activeDaysAgo: 1 },
];

beforeAll(async () => {
  const sqliteName = "node:sqlite";
  const fsName = "node:fs";
  const { DatabaseSync } = (await import(sqliteName)) as { DatabaseSync: new (path: string) => Sqlite };
  const fs = (await import(fsName)) as { readdirSync(p: URL): string[]; readFileSync(p: URL, e: "utf8"): string };
  db = new DatabaseSync(":memory:");
  const dir = new URL("../../../db/migrations/", import.meta.url);
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    db.exec(fs.readFileSync(new URL(file, dir), "utf8"));
  db.exec("INSERT INTO tags (id, name, created_at) VALUES ('vip', 'VIP', 0), ('shibuya', '渋谷店', 0)");
  db.exec("INSERT INTO stores (id, name, created_at) VALUES ('s-shibuya', '渋谷店', 0), ('s-umeda', '梅田店', 0)");
  for (const f of FRIENDS) {
    const ago = (d: number | null | undefined) => (d === null || d === undefined ? null : NOW - d * DAY);
    db.prepare(
      "INSERT INTO friends (line_user_id, display_name, language, status, followed_at, last_active_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
    ).run(id(f.n), f.name ?? null, f.language ?? null, f.status ?? "following", ago(f.followedDaysAgo), ago(f.activeDaysAgo));
    for (const tag of f.tags ?? [])
      db.prepare("INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES (?, ?, 'staff', 0)").run(id(f.n), tag);
    if (f.store) {
      db.prepare(
        "INSERT INTO members (id, member_number, name, store_id, line_user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)",
      ).run(`m${f.n}`, `000${f.n}`, f.name ?? "", f.store, id(f.n));
    }
  }
  // Friend 2 has a LINE-only membership (gold rank) with two purchases; friend 1's linked one has one old purchase.
  db.exec("INSERT INTO ranks (id, name, name_en, min_points, created_at, updated_at) VALUES ('gold', 'ゴールド', 'Gold', 1000, 0, 0)");
  db.prepare(
    "INSERT INTO members (id, member_number, name, line_only_user_id, origin, rank_id, created_at, updated_at) VALUES ('m2', 'L2', 'Smith', ?, 'line', 'gold', 0, 0)",
  ).run(id(2));
  const purchase = db.prepare(
    "INSERT INTO point_ledger (member_id, kind, points, source, purchase_amount, idempotency_key, expires_at, created_at) VALUES (?, 'grant', 10, 'purchase', ?, ?, 1, ?)",
  );
  purchase.run("m2", 3000, "p1", NOW - 2 * DAY);
  purchase.run("m2", 5000, "p2", NOW - 20 * DAY);
  purchase.run("m1", 800, "p3", NOW - 200 * DAY);
  db.exec(
    "INSERT INTO coupons (id, title, discount_kind, discount_value, starts_at, ends_at, created_at, updated_at) VALUES ('c1', 'c', 'yen', 100, 0, 9999999999999, 0, 0)",
  );
  db.prepare(
    "INSERT INTO coupon_grants (id, coupon_id, line_user_id, seq, code, source, granted_at, expires_at, redeemed_at) VALUES ('g1', 'c1', ?, 1, 'CODE1', 'claim', 0, 9999999999999, ?)",
  ).run(id(3), NOW - 5 * DAY);
  db.exec("INSERT INTO surveys (id, title, definition, created_at, updated_at) VALUES ('sv1', 's', '{}', 0, 0)");
  db.prepare(
    "INSERT INTO survey_responses (id, survey_id, line_user_id, seq, status, started_at, updated_at, submitted_at) VALUES ('r1', 'sv1', ?, 1, 'submitted', 0, 0, 0), ('r2', 'sv1', ?, 1, 'in_progress', 0, 0, NULL)",
  ).run(id(4), id(1));
  // Friend 1 clicked link l1 twice (10 days ago and just now), friend 2 clicked l2 40 days ago; one anonymous click.
  db.exec("INSERT INTO tracked_links (id, code, name, destination, created_at) VALUES ('l1', 'spring', 's', 'https://e.com', 0)");
  const click = db.prepare("INSERT INTO link_clicks (link_id, line_user_id, clicked_at) VALUES (?, ?, ?)");
  click.run("l1", id(1), NOW - 10 * DAY);
  click.run("l1", id(1), NOW - 1000);
  click.run("l2", id(2), NOW - 40 * DAY);
  click.run("l1", null, NOW - 1000);
});

function all(...conditions: SegmentFilter["conditions"]): SegmentFilter {
  return { kind: "group", match: "all", conditions };
}

/** The friend numbers a filter selects, in ID order. */
function members(filter: SegmentFilter, now = NOW): number[] {
  const where = compileSegment(SegmentFilterSchema.parse(filter), { now });
  const page = recipientPageQuery(where, null, 100);
  return db
    .prepare(page.sql)
    .all(...page.params)
    .map((r) => Number.parseInt(String(r.line_user_id).slice(1), 16));
}

describe("segment compiler", () => {
  it("selects every friend who still follows for the empty filter, never blocked ones", () => {
    expect(members(all())).toEqual([1, 2, 3, 4]);
  });

  it.each<[string, SegmentCondition, number[]]>([
    ["has any of the tags", { kind: "tags", match: "any", tagIds: ["vip", "shibuya"] }, [1, 2, 3]],
    ["has all of the tags", { kind: "tags", match: "all", tagIds: ["vip", "shibuya"] }, [1]],
    ["has none of the tags", { kind: "tags", match: "none", tagIds: ["vip"] }, [3, 4]],
    ["has all tags, listed twice", { kind: "tags", match: "all", tagIds: ["vip", "vip"] }, [1, 2]],
    ["language is en", { kind: "attribute", field: "language", op: "eq", value: "en" }, [2]],
    ["language is not en (unknown counts as not)", { kind: "attribute", field: "language", op: "neq", value: "en" }, [1, 3, 4]],
    ["name contains a literal %", { kind: "attribute", field: "displayName", op: "contains", value: "100%" }, [3]],
    ["name not set", { kind: "attribute", field: "displayName", op: "notSet" }, [4]],
    ["belongs to a store", { kind: "store", storeIds: ["s-shibuya"] }, [1]],
    ["linked to a membership", { kind: "linked", linked: true }, [1, 3]],
    ["not linked", { kind: "linked", linked: false }, [2, 4]],
    ["followed within 7 days", { kind: "followed", range: { op: "withinDays", days: 7 } }, [1]],
    ["followed since a JST date", { kind: "followed", range: { op: "since", date: "2026-05-01" } }, [1, 2]],
    ["active within 30 days", { kind: "lastActive", range: { op: "withinDays", days: 30 } }, [1, 2]],
    ["not active for 90 days, including never", { kind: "lastActive", range: { op: "moreThanDaysAgo", days: 90 } }, [3, 4]],
    ["holds a rank, through a LINE-only membership", { kind: "rank", rankIds: ["gold"] }, [2]],
    ["redeemed any coupon", { kind: "couponRedeemed" }, [3]],
    ["redeemed that coupon within 3 days", { kind: "couponRedeemed", couponId: "c1", range: { op: "withinDays", days: 3 } }, []],
    ["submitted a survey (not merely started it)", { kind: "surveyAnswered", surveyId: "sv1" }, [4]],
    ["clicked any tracked link", { kind: "clickedLink" }, [1, 2]],
    ["clicked that link", { kind: "clickedLink", linkId: "l1" }, [1]],
    ["clicked a link within 30 days", { kind: "clickedLink", range: { op: "withinDays", days: 30 } }, [1]],
    ["clicked no link for 30 days, including never", { kind: "clickedLink", range: { op: "moreThanDaysAgo", days: 30 } }, [2, 3, 4]],
    ["bought within 30 days", { kind: "lastPurchase", range: { op: "withinDays", days: 30 } }, [2]],
    ["has not bought for 90 days", { kind: "lastPurchase", range: { op: "moreThanDaysAgo", days: 90 } }, [1, 3, 4]],
    ["bought twice or more in 30 days", { kind: "purchaseTotal", measure: "count", days: 30, min: 2 }, [2]],
    ["spent at most ¥1,000 in a year", { kind: "purchaseTotal", measure: "amount", days: 365, max: 1000 }, [1, 3, 4]],
  ])("%s", (_, condition, expected) => {
    expect(members(all(condition))).toEqual(expected);
  });

  it("combines nested any/all groups and negation", () => {
    const filter: SegmentFilter = all(
      {
        kind: "group",
        match: "any",
        conditions: [
          { kind: "tags", match: "any", tagIds: ["vip"] },
          { kind: "linked", linked: true },
        ],
      },
      { kind: "group", match: "all", negate: true, conditions: [{ kind: "attribute", field: "language", op: "eq", value: "en" }] },
    );
    expect(members(filter)).toEqual([1, 3]);
  });

  it("measures relative conditions from the injected now, not the clock", () => {
    const filter = all({ kind: "lastActive", range: { op: "withinDays", days: 5 } });
    expect(members(filter)).toEqual([1]);
    expect(members(filter, NOW + 100 * DAY)).toEqual([]);
  });

  it("counts what it pages, and pages by keyset without repeats", () => {
    const where = compileSegment(all(), { now: NOW });
    const count = countQuery(where);
    expect(db.prepare(count.sql).all(...count.params)[0]?.count).toBe(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = recipientPageQuery(where, after, 3);
      const ids = db
        .prepare(page.sql)
        .all(...page.params)
        .map((r) => String(r.line_user_id));
      if (ids.length === 0) break;
      seen.push(...ids);
      after = ids.at(-1) ?? null;
    }
    expect(seen).toEqual([1, 2, 3, 4].map(id));
  });

  it("previews the most recently active first", () => {
    const preview = previewQuery(compileSegment(all(), { now: NOW }), 2);
    expect(
      db
        .prepare(preview.sql)
        .all(...preview.params)
        .map((r) => r.display_name),
    ).toEqual(["山田", "Smith"]);
  });

  it("keeps user input out of the SQL text", () => {
    const where = compileSegment(all({ kind: "attribute", field: "displayName", op: "eq", value: "x' OR 1=1 --" }), { now: NOW });
    expect(where.sql).not.toContain("OR 1=1");
    expect(where.params).toContain("x' OR 1=1 --");
  });

  it("refuses a filter with more values than D1 can bind", () => {
    const many = (k: number) => Array.from({ length: 30 }, (_, i) => `t${k}-${i}`);
    const filter = all(
      { kind: "tags", match: "any", tagIds: many(1) },
      { kind: "tags", match: "any", tagIds: many(2) },
      { kind: "tags", match: "any", tagIds: many(3) },
      { kind: "tags", match: "none", tagIds: many(4) },
    );
    expect(() => compileSegment(filter, { now: NOW })).toThrow(SegmentTooComplexError);
    expect(MAX_SEGMENT_PARAMS).toBeLessThan(100);
  });

  it("rejects groups nested too deep and unknown condition kinds", () => {
    const deep: SegmentFilter = all({ kind: "group", match: "all", conditions: [{ kind: "group", match: "all", conditions: [all()] }] });
    expect(SegmentFilterSchema.safeParse(deep).success).toBe(false);
    expect(SegmentFilterSchema.safeParse(all({ kind: "nope" } as never)).success).toBe(false);
  });
});
