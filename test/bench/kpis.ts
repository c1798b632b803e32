// KPI dashboard over a large account (decision 022): `GET /api/admin/kpis` for the last 7, 30 and 90 JST
// days and the CSV, on `wrangler dev` with local D1 (the Worker's own route, as the demo admin) — goal ≤ 1 s
// — then every KPI statement alone on node:sqlite over the same database file, to see which one costs
// what. The account is generated with recursive CTEs by `wrangler d1 execute --local` (as segments.ts):
// 1,000,000 friends (BENCH_FRIENDS scales everything down), a year of follows and blocks in
// friend_events, a timeline of customer messages with the bot's recorded decision and the replies, scenario
// steps, coupon grants and redemptions, survey responses, link clicks, members with a purchase ledger (RFM)
// and four sent broadcasts with their batches. BENCH_EXPLAIN=1 prints each statement's query plan.
import { cpus, loadavg } from "node:os";
import { DatabaseSync } from "node:sqlite";
import { createDb, type D1Like } from "../../db/src/client.ts";
import {
  botActionsPerDay,
  countFollowingNow,
  countLinkedFollowing,
  couponGrantsPerDay,
  couponRedemptionsPerDay,
  friendEventsSince,
  idLinksPerDay,
  linkClicksPerDay,
  linkClickTotals,
  linkKpis,
  precededBlocks,
  rfmCounts,
  surveyResponsesPerDay,
  surveyResponsesPerSurvey,
} from "../../db/src/kpis/kpis.repository.ts";
import { type KpiPeriod, kpiPeriod, lastDays } from "../../shared/src/kpis/days.ts";
import { DEMO_ADMIN_ID, DEMO_STAFF_ID } from "../dev/demo-users.ts";
import { prepareIsolatedWorker, REPO_ROOT, type StackPorts, startStack } from "../dev/stack.ts";
import { executeLocal, generateFriendsSql, localD1File } from "./segments.ts";

const PORTS: StackPorts = { worker: 8811, sandbox: 8812 };
const FRIENDS = Number(process.env.BENCH_FRIENDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DAY = 86_400_000;
const YEAR_S = 365 * 86_400;
const NOW = Date.now();
const GOAL_MS = 1000;

/** The LINE user ID of generated friend number `i` (the same expression as generateFriendsSql). */
const uid = (i: string) => `printf('U%08x%024x', ((${i}) * 2654435761) % 4294967296, ${i})`;
/** A moment within the last year, spread over seconds by a multiplicative hash of `j`. */
const withinYear = (j: string, prime: number) => `(${NOW} - (((${j}) * ${prime}) % ${YEAR_S}) * 1000)`;
const upTo = (count: number) => `WITH RECURSIVE n(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM n WHERE j < ${Math.max(1, count)})`;

const COUNTS = {
  conversations: Math.round(FRIENDS * 0.12),
  grants: Math.round(FRIENDS * 0.2),
  responses: Math.round(FRIENDS * 0.1),
  clicks: Math.round(FRIENDS * 0.2),
  members: Math.round(FRIENDS * 0.2),
  purchases: Math.round(FRIENDS * 0.6),
};

/** Blocks and re-follows on top of generateFriendsSql's friends, and the follow log of the last year. */
function friendEventsSql(): string {
  const yearAgo = NOW - 365 * DAY;
  return `
UPDATE friends SET unfollowed_at = followed_at + ((rowid * 7919) % ((${NOW} - followed_at) / ${DAY} + 1)) * ${DAY}
  WHERE status = 'blocked' AND display_name LIKE 'bench %';
INSERT OR IGNORE INTO friend_events (line_user_id, type, at)
  SELECT line_user_id, 'follow', followed_at FROM friends WHERE display_name LIKE 'bench %' AND followed_at >= ${yearAgo};
INSERT OR IGNORE INTO friend_events (line_user_id, type, at)
  SELECT line_user_id, 'unfollow', unfollowed_at FROM friends WHERE status = 'blocked' AND display_name LIKE 'bench %' AND unfollowed_at >= ${yearAgo};
-- One in ten of this year's followers had blocked and come back before their latest follow.
INSERT OR IGNORE INTO friend_events (line_user_id, type, at)
  SELECT line_user_id, 'follow', followed_at - (20 + rowid % 30) * ${DAY} - 3600000 FROM friends
  WHERE display_name LIKE 'bench %' AND rowid % 10 = 3 AND followed_at - (20 + rowid % 30) * ${DAY} - 3600000 >= ${yearAgo};
INSERT OR IGNORE INTO friend_events (line_user_id, type, at)
  SELECT line_user_id, 'unfollow', followed_at - (5 + rowid % 10) * ${DAY} FROM friends
  WHERE display_name LIKE 'bench %' AND rowid % 10 = 3 AND followed_at - (20 + rowid % 30) * ${DAY} - 3600000 >= ${yearAgo};`;
}

/**
 * Customer messages as the bot records them: the inbound row with its decision (`bot_action`; one in twenty
 * unrecorded, as before 0013), the bot's reply (sent), and a staff reply after a handover or a staff chat.
 * Plus a welcome scenario's step messages (outbound key `scn:<enrolment>:<round>:<step>`).
 */
function messagesSql(): string {
  const c = COUNTS.conversations;
  const friend = `((j * 7919) % ${FRIENDS} + 1)`;
  const at = withinYear("j", 104723);
  const action = `CASE WHEN j % 20 < 9 THEN 'answered' WHEN j % 20 < 12 THEN 'suggested' WHEN j % 20 < 14 THEN 'smalltalk'
    WHEN j % 20 = 14 THEN 'other' WHEN j % 20 < 18 THEN 'handover' WHEN j % 20 = 18 THEN 'staff' END`;
  return `
${upTo(c)}
INSERT INTO messages (line_user_id, direction, sender, kind, text, payload, webhook_event_id, delivery, created_at, bot_action)
SELECT ${uid(friend)}, 'in', 'customer', 'text', '営業時間は？', '{"type":"text","text":"営業時間は？"}', 'bench-ev-' || j, 'received', ${at}, ${action} FROM n;
${upTo(c)}
INSERT INTO messages (line_user_id, direction, sender, kind, text, payload, delivery, method, outbound_key, created_at, sent_at)
SELECT ${uid(friend)}, 'out', 'bot', 'text', '10時から19時です', '{"type":"text","text":"10時から19時です"}', 'sent', 'reply', 'reply:bench-ev-' || j || ':0', ${at} + 1500, ${at} + 1600
FROM n WHERE j % 20 <> 18;
${upTo(c)}
INSERT INTO messages (line_user_id, direction, sender, kind, text, payload, delivery, method, outbound_key, staff_user_id, created_at, sent_at)
SELECT ${uid(friend)}, 'out', 'staff', 'text', 'お問い合わせありがとうございます', '{"type":"text"}', 'sent', 'push', 'staff:bench-ev-' || j, '${DEMO_STAFF_ID}', ${at} + 600000, ${at} + 600100
FROM n WHERE j % 20 BETWEEN 15 AND 18;
INSERT INTO scenarios (id, name, status, trigger_type, "trigger", steps, exit_on, created_at, updated_at)
VALUES ('bench-welcome', 'ベンチ ウェルカム', 'active', 'follow', '{}', '[]', '[]', 0, 0);
INSERT INTO scenario_enrolments (scenario_id, line_user_id, status, step_index, anchor_at, enrolled_at, updated_at)
SELECT 'bench-welcome', line_user_id, 'completed', 1, followed_at, followed_at, followed_at FROM friends
WHERE display_name LIKE 'bench %' AND rowid % 20 = 0 AND followed_at >= ${NOW - 365 * DAY};
INSERT INTO messages (line_user_id, direction, sender, kind, text, payload, delivery, method, outbound_key, created_at, sent_at)
SELECT line_user_id, 'out', 'bot', 'text', 'ご来店特典のご案内', '{"type":"text"}', 'sent', 'push', 'scn:' || id || ':1:0:0', anchor_at + ${DAY}, anchor_at + ${DAY}
FROM scenario_enrolments WHERE scenario_id = 'bench-welcome' AND anchor_at + ${DAY} <= ${NOW};`;
}

function couponsSurveysLinksSql(): string {
  const coupons = [0, 1, 2, 3, 4]
    .map((k) => `('bench-coupon-${k}', 'ベンチクーポン${k}', 'yen', 100, 0, ${NOW + 365 * DAY}, 'active', 0, 0)`)
    .join(", ");
  const grantAt = withinYear("j", 104717);
  const startAt = withinYear("j", 104711);
  return `
INSERT INTO coupons (id, title, discount_kind, discount_value, starts_at, ends_at, status, created_at, updated_at) VALUES ${coupons};
${upTo(COUNTS.grants)}
INSERT INTO coupon_grants (id, coupon_id, line_user_id, seq, code, source, granted_at, expires_at, redeemed_at, redeem_channel)
SELECT 'bg-' || j, 'bench-coupon-' || (j % 5), ${uid(`(j * 31) % ${FRIENDS} + 1`)}, j, 'BENCH' || j, 'bench', ${grantAt}, ${grantAt} + ${30 * DAY},
  CASE WHEN j % 10 < 3 THEN MIN(${NOW}, ${grantAt} + (j % 7) * ${DAY}) END, CASE WHEN j % 10 < 3 THEN 'counter' END FROM n;
INSERT INTO surveys (id, title, definition, status, created_at, updated_at) VALUES
  ('bench-survey-0', 'ベンチ満足度', '{}', 'open', 0, 0), ('bench-survey-1', 'ベンチ来店きっかけ', '{}', 'open', 0, 0),
  ('bench-survey-2', 'ベンチ新メニュー', '{}', 'open', 0, 0);
${upTo(COUNTS.responses)}
INSERT INTO survey_responses (id, survey_id, line_user_id, seq, status, started_at, updated_at, submitted_at)
SELECT 'bsr-' || j, 'bench-survey-' || (j % 3), ${uid(`j % ${FRIENDS} + 1`)}, 1, CASE WHEN j % 5 < 3 THEN 'submitted' ELSE 'in_progress' END,
  ${startAt}, ${startAt} + 120000, CASE WHEN j % 5 < 3 THEN ${startAt} + 120000 END FROM n;
INSERT INTO tracked_links (id, code, name, destination, created_at) VALUES
  ('bench-link-0', 'bl0', 'ベンチ セール', 'https://example.com/sale', 0), ('bench-link-1', 'bl1', 'ベンチ VIP', 'https://example.com/vip', 0),
  ('bench-link-2', 'bl2', 'ベンチ 予約', 'https://example.com/book', 0), ('bench-link-3', 'bl3', 'ベンチ 地図', 'https://example.com/map', 0),
  ('bench-link-4', 'bl4', 'ベンチ 新商品', 'https://example.com/new', 0);
${upTo(COUNTS.clicks)}
INSERT INTO link_clicks (link_id, line_user_id, clicked_at)
SELECT 'bench-link-' || (j % 5), CASE WHEN j % 10 = 0 THEN NULL ELSE ${uid(`(j * 37) % ${FRIENDS} + 1`)} END, ${withinYear("j", 104707)} FROM n;`;
}

/** Members (three in four linked, one in four LINE-only), their link events, and purchases over two years. */
function membersSql(): string {
  const m = COUNTS.members;
  const friend = `(j * 5 % ${FRIENDS} + 1)`;
  const at = `(${NOW} - ((p * 104693) % ${2 * YEAR_S}) * 1000)`;
  return `
${upTo(m)}
INSERT INTO members (id, member_number, name, line_user_id, line_only_user_id, origin, created_at, updated_at)
SELECT 'bm-' || j, 'B' || j, 'ベンチ会員 ' || j, CASE WHEN j % 4 <> 0 THEN ${uid(friend)} END, CASE WHEN j % 4 = 0 THEN ${uid(friend)} END,
  CASE WHEN j % 4 = 0 THEN 'line' ELSE 'import' END, 0, 0 FROM n;
INSERT INTO member_link_events (member_id, line_user_id, action, method, created_at)
SELECT id, line_user_id, 'link', 'liff', ${NOW} - ((CAST(substr(id, 4) AS INTEGER) * 104701) % ${YEAR_S}) * 1000 FROM members
WHERE id LIKE 'bm-%' AND line_user_id IS NOT NULL;
WITH RECURSIVE n(p) AS (SELECT 1 UNION ALL SELECT p + 1 FROM n WHERE p < ${COUNTS.purchases})
INSERT INTO point_ledger (member_id, kind, points, source, purchase_amount, idempotency_key, expires_at, created_at)
SELECT 'bm-' || ((p * 7919) % ${Math.max(1, Math.floor((m * 3) / 4))} + 1), 'grant', 5 + (p * 37) % 200, 'purchase', 500 + (p * 37) % 20000,
  'bp-' || p, ${at} + ${365 * DAY}, ${at} FROM n;`;
}

const BROADCASTS = [
  { id: "bench-b1", name: "ベンチ 全員セール", daysAgo: 5, link: "bl0", audience: "" },
  {
    id: "bench-b2",
    name: "ベンチ VIP案内",
    daysAgo: 25,
    link: "bl1",
    audience: "AND line_user_id IN (SELECT line_user_id FROM friend_tags WHERE tag_id = 'bench-vip')",
  },
  {
    id: "bench-b3",
    name: "ベンチ 休眠掘り起こし",
    daysAgo: 60,
    link: null,
    audience: "AND line_user_id IN (SELECT line_user_id FROM friend_tags WHERE tag_id = 'bench-dormant')",
  },
  { id: "bench-b4", name: "ベンチ 秋の案内", daysAgo: 200, link: "bl4", audience: "" },
];

/** Sent broadcasts as the planner writes them: 500-recipient batches over user-ID ranges, a JSON list each. */
function broadcastsSql(): string {
  return BROADCASTS.map((b) => {
    const started = NOW - b.daysAgo * DAY;
    const text = b.link ? `詳しくはこちら {link:${b.link}}` : "お久しぶりです";
    return `
INSERT INTO broadcasts (id, name, messages, status, scheduled_at, aggregation_unit, planned_at, created_at, updated_at, started_at, completed_at)
VALUES ('${b.id}', '${b.name}', '[{"type":"text","text":"${text}"}]', 'completed', ${started}, 'bench', ${started}, ${started}, ${started}, ${started}, ${started + 600_000});
WITH r AS (SELECT line_user_id AS u, (ROW_NUMBER() OVER (ORDER BY line_user_id) - 1) / 500 AS seq FROM friends
  WHERE display_name LIKE 'bench %' AND (status = 'following' OR unfollowed_at > ${started}) AND followed_at <= ${started} ${b.audience})
INSERT INTO broadcast_batches (broadcast_id, seq, recipient_count, last_recipient, retry_key, status, sent_count, failed_count, created_at, completed_at, recipients)
SELECT '${b.id}', seq, COUNT(*), MAX(u), '${b.id}-' || seq, 'sent', COUNT(*), 0, ${started}, ${started} + seq * 200, json_group_array(u) FROM r GROUP BY seq;
UPDATE broadcasts SET recipients_total = (SELECT SUM(recipient_count) FROM broadcast_batches WHERE broadcast_id = '${b.id}') WHERE id = '${b.id}';`;
  }).join("\n");
}

/** A D1-shaped binding over node:sqlite, so the repository's own functions run on the same file. */
function nodeD1(db: DatabaseSync, seen: { query: string; params: unknown[] }[]): D1Like {
  return {
    prepare(query: string) {
      return {
        bind(...params: unknown[]) {
          seen.push({ query, params });
          return {
            async all() {
              const rows = db.prepare(query).all(...(params as (string | number | null)[]));
              return { success: true, results: rows, meta: { changes: 0, last_row_id: null } };
            },
          };
        },
      };
    },
  } as unknown as D1Like;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const median = (values: number[]) => percentile(values, 50);
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const log = (source: string, line: string) => {
    if (process.env.BENCH_VERBOSE) console.log(`[${source}] ${line}`);
  };
  const storage = await prepareIsolatedWorker(REPO_ROOT, "bench-kpis", PORTS, log);
  const persistTo = storage.persistTo ?? "";
  const seeding = performance.now();
  const steps: [string, string][] = [
    ["friends", generateFriendsSql(FRIENDS, NOW)],
    ["follow log", friendEventsSql()],
    ["timeline", messagesSql()],
    ["coupons, surveys, clicks", couponsSurveysLinksSql()],
    ["members, purchases", membersSql()],
    ["broadcasts", broadcastsSql()],
  ];
  for (const [name, sql] of steps) {
    const started = performance.now();
    await executeLocal(persistTo, sql, log);
    console.log(`seeded ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const seedSeconds = (performance.now() - seeding) / 1000;

  const file = localD1File(persistTo);
  const sizes = (() => {
    const db = new DatabaseSync(file, { readOnly: true });
    const count = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    const tables = [
      "friends",
      "friend_events",
      "messages",
      "coupon_grants",
      "survey_responses",
      "link_clicks",
      "members",
      "point_ledger",
      "broadcast_batches",
    ];
    const out = Object.fromEntries(tables.map((t) => [t, count(t)]));
    db.close();
    return out;
  })();

  const periods = [7, 30, 90].map((n) => ({ n, ...lastDays(n, NOW) }));
  const cases = [
    ...periods.map((p) => ({ label: `GET /api/admin/kpis, ${p.n} days`, path: `/api/admin/kpis?from=${p.from}&to=${p.to}` })),
    ...periods
      .filter((p) => p.n !== 7)
      .map((p) => ({ label: `GET /api/admin/kpis/csv, ${p.n} days`, path: `/api/admin/kpis/csv?from=${p.from}&to=${p.to}` })),
  ];
  const results: { label: string; times: number[]; bytes: number }[] = [];
  const stack = await startStack({ root: REPO_ROOT, ports: PORTS, storage, log });
  try {
    const tokenResponse = await fetch(`${stack.urls.sandbox}/__sandbox/login/id-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: DEMO_ADMIN_ID, expiresInSeconds: 3600 }),
    });
    const { idToken } = (await tokenResponse.json()) as { idToken: string };
    for (const c of cases) {
      const times: number[] = [];
      let bytes = 0;
      // Run 0 warms up (JWKS fetch, the Worker's first compile, the page cache); it is not counted.
      for (let run = 0; run <= RUNS; run++) {
        const started = performance.now();
        const response = await fetch(`${stack.urls.worker}${c.path}`, { headers: { authorization: `Bearer ${idToken}` } });
        const body = new Uint8Array(await response.arrayBuffer());
        const took = performance.now() - started;
        if (!response.ok) throw new Error(`${c.path}: ${response.status} ${new TextDecoder().decode(body).slice(0, 500)}`);
        bytes = body.byteLength;
        if (run > 0) times.push(took);
      }
      results.push({ label: c.label, times, bytes });
      console.log(`${c.label}: median ${ms(median(times))}`);
    }
  } finally {
    await stack.stop();
  }

  // Every statement of the report alone, on node:sqlite over the same file (the 30-day period).
  const db = new DatabaseSync(file, { readOnly: true });
  const seen: { query: string; params: unknown[] }[] = [];
  const kdb = createDb(nodeD1(db, seen));
  const p30 = periods[1] as { from: string; to: string };
  const period: KpiPeriod = kpiPeriod(p30.from, p30.to);
  const statements: [string, () => Promise<unknown>][] = [
    ["countFollowingNow", () => countFollowingNow(kdb)],
    ["friendEventsSince", () => friendEventsSince(kdb, period)],
    ["idLinksPerDay", () => idLinksPerDay(kdb, period)],
    ["countLinkedFollowing", () => countLinkedFollowing(kdb)],
    ["couponGrantsPerDay", () => couponGrantsPerDay(kdb, period)],
    ["couponRedemptionsPerDay", () => couponRedemptionsPerDay(kdb, period)],
    ["surveyResponsesPerDay", () => surveyResponsesPerDay(kdb, period)],
    ["surveyResponsesPerSurvey", () => surveyResponsesPerSurvey(kdb, period)],
    ["linkClicksPerDay", () => linkClicksPerDay(kdb, period)],
    ["linkClickTotals", () => linkClickTotals(kdb, period)],
    ["linkKpis", () => linkKpis(kdb, period)],
    ["botActionsPerDay", () => botActionsPerDay(kdb, period)],
    ["precededBlocks", () => precededBlocks(kdb, period)],
    ["rfmCounts", () => rfmCounts(kdb, NOW)],
  ];
  const perStatement: { name: string; times: number[]; plan: string[] }[] = [];
  for (const [name, run] of statements) {
    const times: number[] = [];
    seen.length = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    const { query, params } = seen[0] ?? { query: "SELECT 1", params: [] };
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...(params as (string | number | null)[])) as { detail: string }[]).map(
      (r) => r.detail,
    );
    perStatement.push({ name, times, plan });
  }
  db.close();

  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  console.log(`\nKPI dashboard benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load ${load}`);
  console.log(
    `seeded in ${seedSeconds.toFixed(1)} s: ${Object.entries(sizes)
      .map(([t, n]) => `${t} ${n.toLocaleString()}`)
      .join(", ")}`,
  );
  console.log(`\nlocal D1 through the Worker (wrangler dev), HTTP round trip, ${RUNS} runs each after a warm-up; goal ≤ ${GOAL_MS} ms\n`);
  console.log("| request | median | p95 | min | max | response |");
  console.log("|---|---|---|---|---|---|");
  for (const r of results)
    console.log(
      `| ${r.label} | ${ms(median(r.times))} | ${ms(percentile(r.times, 95))} | ${ms(Math.min(...r.times))} | ${ms(Math.max(...r.times))} | ${(r.bytes / 1024).toFixed(1)} kB |`,
    );
  console.log(`\neach statement alone, node:sqlite on the same file, 30 days (${period.from}..${period.to}), median of 3\n`);
  console.log("| statement | median | runs |");
  console.log("|---|---|---|");
  for (const s of perStatement) console.log(`| ${s.name} | ${ms(median(s.times))} | ${s.times.map((t) => t.toFixed(0)).join(", ")} |`);
  if (process.env.BENCH_EXPLAIN) for (const s of perStatement) console.log(`\n${s.name}:\n${s.plan.map((line) => `  ${line}`).join("\n")}`);
  const m30 = median(results[1]?.times ?? []);
  console.log(`\ngoal ≤ ${GOAL_MS} ms (30 days, median round trip): ${m30 <= GOAL_MS ? "met" : "not met"} (${ms(m30)})`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
