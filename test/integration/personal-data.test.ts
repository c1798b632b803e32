import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { IDENTITY_COLUMN_PATTERN, PERSONAL_DATA_COLUMNS } from "../../db/src/personal-data/personal-data.columns.ts";
import { adjust, adminHeaders, call, newCustomer, newStaff, openCard } from "./card.fixtures.ts";
import { createCoupon } from "./coupons.fixtures.ts";
import { ADMIN_ID, callWorker, makeEvent, newUserId, postWebhook, sandbox, testEnv, waitFor, waitForBotMessages } from "./helpers.ts";
import { menuShownTo, publishedMenu, savePolicy, tagIdOf, tagRule } from "./rich-menus.fixtures.ts";

const DAY = 86_400_000;

interface ExportDoc {
  format: string;
  subject: { lineUserId: string; memberNumbers: string[] };
  sections: Record<string, { title: string; rows: Record<string, unknown>[] }>;
}
interface EraseAnswer {
  erased: boolean;
  pseudonym: string;
  rows: Record<string, number>;
  richMenu: "unlinked" | "none" | "failed";
}

const path = (userId: string) => `/api/admin/friends/${userId}/personal-data`;

async function exportOf(userId: string): Promise<ExportDoc> {
  const response = await callWorker(path(userId), { headers: await adminHeaders() });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toContain(`personal-data-${userId}`);
  return (await response.json()) as ExportDoc;
}

function erase(userId: string, confirm: unknown) {
  return adminHeaders().then((headers) =>
    call<EraseAnswer & { error: { code: string; message: string } }>(path(userId), headers, { method: "DELETE", body: { confirm } }),
  );
}

async function run(query: string, ...binds: unknown[]): Promise<void> {
  await testEnv.DB.prepare(query)
    .bind(...binds)
    .run();
}

async function all<T>(query: string, ...binds: unknown[]): Promise<T[]> {
  return (
    await testEnv.DB.prepare(query)
      .bind(...binds)
      .all<T>()
  ).results;
}

/** Every table → its columns that can hold an identity, from the live schema. */
async function identityColumns(): Promise<Map<string, string[]>> {
  const tables = await all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  );
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    const columns = await all<{ name: string }>("SELECT name FROM pragma_table_info(?)", name);
    const matching = columns.map((c) => c.name).filter((c) => IDENTITY_COLUMN_PATTERN.test(c));
    if (matching.length > 0) out.set(name, matching);
  }
  return out;
}

/** Rows anywhere in the schema whose identity columns (or text columns of lists) still contain `needle`. */
async function rowsNaming(needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [table, columns] of await identityColumns()) {
    const where = columns.map((c) => `CAST(${c} AS TEXT) LIKE '%' || ?1 || '%'`).join(" OR ");
    const [row] = await all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, needle);
    if (row && row.n > 0) found[table] = row.n;
  }
  const [audit] = await all<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE details LIKE '%' || ?1 || '%'", needle);
  if (audit && audit.n > 0) found.audit_log_details = audit.n;
  return found;
}

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...(await identityColumns()).keys(), "scenario_step_runs"]) {
    const [row] = await all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

async function hasTable(name: string): Promise<boolean> {
  return (await all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name)).length > 0;
}

interface Seeded {
  userId: string;
  memberNumber: string;
  couponId: string;
  grantId: string;
  linkId: string;
}

let fixtures: {
  couponId: string;
  surveyId: string;
  linkId: string;
  scenarioId: string;
  faqId: string;
  broadcastId: string;
  menu: { lineId: string; id: string };
};

beforeAll(async () => {
  const now = Date.now();
  const couponId = await createCoupon({ title: "個人データテスト", terms: "", endsAt: now + 30 * DAY });
  const suffix = crypto.randomUUID().slice(0, 8);
  fixtures = {
    couponId,
    surveyId: `pd-survey-${suffix}`,
    linkId: `pd-link-${suffix}`,
    scenarioId: `pd-scenario-${suffix}`,
    faqId: `pd-faq-${suffix}`,
    broadcastId: `pd-broadcast-${suffix}`,
    menu: await publishedMenu(`個人データ ${suffix}`),
  };
  // Friends tagged 個人データタグ get this menu as a per-user link.
  const tagId = await tagIdOf("個人データタグ");
  expect((await savePolicy([tagRule("pd-rule", fixtures.menu.id, tagId)], null)).status).toBe(200);
  await run(
    "INSERT INTO surveys (id, title, definition, status, created_at, updated_at) VALUES (?, 'PDアンケート', '{\"questions\":[]}', 'open', 0, 0)",
    fixtures.surveyId,
  );
  await run(
    "INSERT INTO tracked_links (id, code, name, destination, created_at) VALUES (?, ?, 'PDリンク', 'https://example.com', 0)",
    fixtures.linkId,
    `pd${suffix}`,
  );
  await run(
    "INSERT INTO scenarios (id, name, status, trigger_type, trigger, steps, exit_on, created_at, updated_at) VALUES (?, 'PDシナリオ', 'draft', 'follow', '{\"type\":\"follow\"}', '[]', '{}', 0, 0)",
    fixtures.scenarioId,
  );
  await run("INSERT INTO faq_entries (id, question, answer, created_at, updated_at) VALUES (?, 'Q', 'A', 0, 0)", fixtures.faqId);
  await run(
    "INSERT INTO broadcasts (id, name, messages, status, scheduled_at, aggregation_unit, created_at, updated_at) VALUES (?, 'PD配信', '[]', 'completed', 0, 'pd', 0, 0)",
    fixtures.broadcastId,
  );
});

afterEach(async () => {
  await sandbox("/__sandbox/faults", { method: "DELETE" });
});

/** A friend with data in (nearly) every table: real flows where cheap, direct rows otherwise. */
async function seedFriend(name: string): Promise<Seeded> {
  const { userId, headers } = await newCustomer(name);
  const admin = await adminHeaders();
  const u = userId;
  // A message in (and the bot's answer out).
  await postWebhook([await makeEvent(u, { type: "message", text: "営業時間を教えて" })]);
  await waitForBotMessages(u, 2);
  // Card: a LINE-only membership, then points through the ledger (audited).
  const card = await openCard(headers);
  const memberNumber = card.member.memberNumber;
  expect((await adjust(memberNumber, 500)).status).toBe(201);
  // A coupon copy claimed by the customer.
  const claimed = await call<{ grant: { id: string } }>(`/api/coupons/${fixtures.couponId}/claim`, headers, { method: "POST" });
  expect(claimed.status).toBe(201);
  // A tag from staff.
  expect((await call(`/api/staff/friends/${u}/tags`, admin, { body: { tag: "個人データタグ" } })).status).toBe(201);

  const [member] = await all<{ id: string }>("SELECT id FROM members WHERE member_number = ?", memberNumber);
  const now = Date.now();
  const responseId = crypto.randomUUID();
  await run(
    "INSERT INTO survey_responses (id, survey_id, line_user_id, seq, status, answers, started_at, updated_at, submitted_at) VALUES (?, ?, ?, 1, 'submitted', '{\"q1\":\"コーヒーが好き\"}', ?, ?, ?)",
    responseId,
    fixtures.surveyId,
    u,
    now,
    now,
    now,
  );
  await run(
    "INSERT INTO survey_answers (response_id, survey_id, question_id, line_user_id, value, created_at) VALUES (?, ?, 'q1', ?, '\"コーヒーが好き\"', ?)",
    responseId,
    fixtures.surveyId,
    u,
    now,
  );
  await run(
    "INSERT INTO survey_rewards (survey_id, line_user_id, reward_key, response_id, kind, points, status, created_at) VALUES (?, ?, 'completion', ?, 'points', 10, 'granted', ?)",
    fixtures.surveyId,
    u,
    responseId,
    now,
  );
  await run("INSERT INTO link_clicks (link_id, line_user_id, clicked_at) VALUES (?, ?, ?)", fixtures.linkId, u, now);
  await run(
    "INSERT INTO scenario_enrolments (scenario_id, line_user_id, status, anchor_at, next_run_at, enrolled_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?, ?)",
    fixtures.scenarioId,
    u,
    now,
    now + DAY,
    now,
    now,
  );
  await run(
    "INSERT INTO scenario_step_runs (enrolment_id, round, step_index, step_id, outcome, ran_at) SELECT id, 1, 0, 's1', 'done', ? FROM scenario_enrolments WHERE line_user_id = ?",
    now,
    u,
  );
  await run(
    "INSERT INTO conversations (line_user_id, state, assignee_user_id, assignee_name, reason, last_activity_at, updated_at) VALUES (?, 'staff', ?, '管理者', 'requested', ?, ?) ON CONFLICT (line_user_id) DO UPDATE SET state = 'staff'",
    u,
    ADMIN_ID,
    now,
    now,
  );
  await run(
    "INSERT INTO takeover_events (line_user_id, type, reason, actor_user_id, actor_name, created_at) VALUES (?, 'take', 'requested', ?, '管理者', ?)",
    u,
    ADMIN_ID,
    now,
  );
  await run(
    "INSERT INTO conversation_notes (line_user_id, author_user_id, author_name, body, created_at) VALUES (?, ?, '管理者', 'アレルギー: ナッツ', ?)",
    u,
    ADMIN_ID,
    now,
  );
  await run(
    "INSERT INTO faq_alternates (entry_id, question, question_key, source, status, line_user_id, created_at) VALUES (?, ?, ?, 'confirmed', 'pending', ?, ?)",
    fixtures.faqId,
    `${name}の質問`,
    `${name}-pending`,
    u,
    now,
  );
  await run(
    "INSERT INTO faq_alternates (entry_id, question, question_key, source, status, line_user_id, created_at) VALUES (?, ?, ?, 'confirmed', 'approved', ?, ?)",
    fixtures.faqId,
    `${name}の承認済み`,
    `${name}-approved`,
    u,
    now,
  );
  await run("INSERT INTO link_attempts (scope, subject, attempted_at) VALUES ('friend', ?, ?)", u, now);
  await run("INSERT INTO link_attempts (scope, subject, attempted_at) VALUES ('member', ?, ?)", memberNumber, now);
  await run(
    "INSERT INTO member_link_events (member_id, line_user_id, action, method, created_at) VALUES (?, ?, 'link', 'liff', ?)",
    member?.id,
    u,
    now,
  );
  await run("INSERT INTO coupon_draws (coupon_id, line_user_id, won, drawn_at) VALUES (?, ?, 1, ?)", fixtures.couponId, u, now);
  await run(
    "INSERT INTO card_scans (id, code_id, member_id, staff_user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
    crypto.randomUUID(),
    crypto.randomUUID(),
    member?.id,
    ADMIN_ID,
    now,
    now + 60_000,
  );
  // The tag's display rule gives the friend a per-user rich menu (linked at LINE through the queue).
  await waitFor(async () => (await menuShownTo(u)).source === "user", "per-user rich menu");
  return { userId: u, memberNumber, couponId: fixtures.couponId, grantId: claimed.body.grant.id, linkId: fixtures.linkId };
}

/** One broadcast batch holding both friends (ids in order, as the planner writes them). */
async function broadcastTo(userIds: string[], seq: number): Promise<void> {
  const sorted = [...userIds].sort();
  await run(
    "INSERT INTO broadcast_batches (broadcast_id, seq, recipient_count, last_recipient, retry_key, status, sent_count, created_at, recipients) VALUES (?, ?, ?, ?, ?, 'sent', ?, 0, ?)",
    fixtures.broadcastId,
    seq,
    sorted.length,
    sorted.at(-1),
    crypto.randomUUID(),
    sorted.length,
    JSON.stringify(sorted),
  );
}

const EXPECTED_SECTIONS = [
  "friends",
  "members",
  "member_link_events",
  "link_attempts",
  "friend_tags",
  "tag_events",
  "messages",
  "coupon_grants",
  "coupon_draws",
  "survey_responses",
  "survey_answers",
  "survey_rewards",
  "point_ledger",
  "card_scans",
  "link_clicks",
  "scenario_enrolments",
  "scenario_step_runs",
  "conversations",
  "takeover_events",
  "conversation_notes",
  "faq_alternates",
  "friend_rich_menus",
  "webhook_events",
  "broadcast_batches",
  "audit_log",
];

describe("personal data: schema coverage", () => {
  it("has a decision for every column of the schema that can name a person", async () => {
    const schema = await identityColumns();
    const missing: string[] = [];
    for (const [table, columns] of schema) {
      for (const column of columns) if (!PERSONAL_DATA_COLUMNS[table]?.[column]) missing.push(`${table}.${column}`);
    }
    expect(missing, "add these to db/src/personal-data/personal-data.columns.ts (and the export/erase)").toEqual([]);
    // And nothing listed there that the schema does not have (a renamed column must be renamed there too).
    const stale: string[] = [];
    for (const [table, columns] of Object.entries(PERSONAL_DATA_COLUMNS)) {
      const live = schema.get(table);
      if (!live) {
        if (await hasTable(table)) stale.push(table);
        continue;
      }
      for (const column of Object.keys(columns)) if (!live.includes(column)) stale.push(`${table}.${column}`);
    }
    expect(stale).toEqual([]);
    // Every table with a line_user_id column is one the export reads (a covered-but-unexported table is a
    // decision written down, so the column map says so).
    for (const [table, columns] of schema) {
      if (columns.includes("line_user_id")) expect(PERSONAL_DATA_COLUMNS[table]?.line_user_id?.why, table).toBeTruthy();
    }
  });
});

describe("personal data: export and erase", () => {
  it("exports everything about the friend, and erases it — keeping the shop's records anonymised, others untouched", async () => {
    const a = await seedFriend("消す人");
    const b = await seedFriend("残る人");
    await broadcastTo([a.userId, b.userId], 0);

    const doc = await exportOf(a.userId);
    expect(doc.format).toBe("enishi.personal-data.v1");
    expect(doc.subject).toEqual({ lineUserId: a.userId, memberNumbers: [a.memberNumber] });
    for (const section of EXPECTED_SECTIONS) expect(doc.sections[section]?.rows.length ?? 0, section).toBeGreaterThan(0);
    if (await hasTable("friend_events")) expect(doc.sections.friend_events?.rows.length ?? 0).toBeGreaterThan(0);
    expect(doc.sections.messages?.rows.map((m) => m.text)).toContain("営業時間を教えて");
    expect(doc.sections.conversation_notes?.rows[0]).toMatchObject({ body: "アレルギー: ナッツ" });
    expect(doc.sections.survey_responses?.rows[0]?.answers).toEqual({ q1: "コーヒーが好き" });
    expect(doc.sections.friend_tags?.rows.map((t) => t.tag)).toContain("個人データタグ");
    expect(doc.sections.point_ledger?.rows.map((r) => r.points)).toContain(500);
    expect(doc.sections.coupon_grants?.rows[0]).toMatchObject({ coupon_title: "個人データテスト" });
    expect(doc.sections.link_clicks?.rows[0]).toMatchObject({ link_name: "PDリンク" });
    expect(doc.sections.broadcast_batches?.rows[0]).toMatchObject({ broadcast_name: "PD配信" });
    // Nothing of the other friend.
    expect(JSON.stringify(doc)).not.toContain(b.userId);
    expect(JSON.stringify(doc)).not.toContain("残る人");
    // The export is audited.
    const exports = await all<{ staff_user_id: string }>(
      "SELECT staff_user_id FROM audit_log WHERE action = 'personal_data.export' AND target_user_id = ?",
      a.userId,
    );
    expect(exports).toEqual([{ staff_user_id: ADMIN_ID }]);

    const otherBefore = await exportOf(b.userId);
    const grantsBefore = await all("SELECT id FROM coupon_grants WHERE coupon_id = ?", a.couponId);
    const clicksBefore = await all("SELECT id FROM link_clicks WHERE link_id = ?", a.linkId);
    expect(await menuShownTo(a.userId)).toMatchObject({ source: "user" });

    const erased = await erase(a.userId, ` ${a.memberNumber} `);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ erased: true, richMenu: "unlinked" });
    const p = erased.body.pseudonym;
    expect(p).toMatch(/^erased:[0-9a-f]{24}$/);

    // Nothing in the schema names the person any more (ids, lists, cursors, audit details), nor their number.
    expect(await rowsNaming(a.userId)).toEqual({});
    expect(await rowsNaming(a.memberNumber)).toEqual({});
    expect((await callWorker(path(a.userId), { headers: await adminHeaders() })).status).toBe(404);
    // LINE shows the default menu again.
    expect((await menuShownTo(a.userId)).source).not.toBe("user");

    // Kept for the shop, without the person: coupon copies and clicks still count; the unused copy is expired.
    expect(await all("SELECT id FROM coupon_grants WHERE coupon_id = ?", a.couponId)).toHaveLength(grantsBefore.length);
    expect(await all("SELECT id FROM link_clicks WHERE link_id = ?", a.linkId)).toHaveLength(clicksBefore.length);
    const [grant] = await all<{ line_user_id: string; expires_at: number }>(
      "SELECT line_user_id, expires_at FROM coupon_grants WHERE id = ?",
      a.grantId,
    );
    expect(grant?.line_user_id).toBe(p);
    expect(grant?.expires_at).toBeLessThanOrEqual(Date.now());
    expect(await all("SELECT 1 FROM coupon_draws WHERE line_user_id = ?", p)).toHaveLength(1);
    // Points: the ledger moved to an anonymous member stub, its balance forfeited by one adjustment.
    const ledger = await all<{ member_id: string; kind: string; points: number; source: string }>(
      "SELECT l.member_id, l.kind, l.points, l.source FROM point_ledger l WHERE l.source_ref = ? OR l.member_id IN (SELECT member_id FROM point_ledger WHERE source_ref = ?) ORDER BY l.id",
      p,
      p,
    );
    expect(ledger.map((r) => [r.kind, r.points])).toEqual([
      ["adjust", 500],
      ["adjust", -500],
    ]);
    const [stub] = await all<{ name: string; birthday: string | null; line_user_id: string | null; line_only_user_id: string | null }>(
      "SELECT name, birthday, line_user_id, line_only_user_id FROM members WHERE id = ?",
      ledger[0]?.member_id,
    );
    expect(stub).toEqual({ name: "（削除済み / erased）", birthday: null, line_user_id: null, line_only_user_id: null });
    // The approved FAQ phrasing (shop content) stays without the id; the pending suggestion is gone.
    expect(await all("SELECT question FROM faq_alternates WHERE question LIKE '消す人%'")).toEqual([{ question: "消す人の承認済み" }]);
    // The broadcast batch still holds the other friend.
    const [batch] = await all<{ recipients: string; last_recipient: string }>(
      "SELECT recipients, last_recipient FROM broadcast_batches WHERE broadcast_id = ? AND seq = 0",
      fixtures.broadcastId,
    );
    expect(JSON.parse(batch?.recipients ?? "[]")).toEqual([b.userId]);
    expect(batch?.last_recipient).toBe(b.userId);

    // The erase is audited by pseudonym, with counts only.
    const [entry] = await all<{ staff_user_id: string; target_user_id: string | null; subject_ref: string; details: string }>(
      "SELECT staff_user_id, target_user_id, subject_ref, details FROM audit_log WHERE action = 'personal_data.erase' AND subject_ref = ?",
      p,
    );
    expect(entry).toMatchObject({ staff_user_id: ADMIN_ID, target_user_id: null });
    expect(JSON.parse(entry?.details ?? "{}").rows).toMatchObject({ messages: expect.any(Number), point_ledger: 1 });
    // The earlier export's entry and the points adjustment now name the pseudonym.
    const pseudonymous = await all<{ action: string }>("SELECT action FROM audit_log WHERE target_user_id = ? ORDER BY id", p);
    expect(pseudonymous.map((r) => r.action)).toEqual(expect.arrayContaining(["points.adjust", "personal_data.export"]));

    // The other friend's data is as it was.
    const otherAfter = await exportOf(b.userId);
    const { audit_log: _a, ...otherSections } = otherAfter.sections;
    const { audit_log: _b, ...otherSectionsBefore } = otherBefore.sections;
    expect(otherSections).toEqual(otherSectionsBefore);
    expect((await menuShownTo(b.userId)).source).toBe("user");

    // A customer who writes again is a new friend, with nothing of the old one.
    await postWebhook([await makeEvent(a.userId, { type: "message", text: "こんにちは" })]);
    await waitFor(async () => (await all("SELECT 1 FROM friends WHERE line_user_id = ?", a.userId)).length === 1, "friend again");
    const again = await exportOf(a.userId);
    expect(again.sections.point_ledger?.rows ?? []).toEqual([]);
    expect(again.sections.friend_tags?.rows ?? []).toEqual([]);
  });

  it("erases all or nothing: a failing statement leaves every row as it was", async () => {
    const a = await seedFriend("失敗する削除");
    const before = await tableCounts();
    const namingBefore = await rowsNaming(a.userId);
    expect(Object.keys(namingBefore).length).toBeGreaterThan(15);
    await run(
      `CREATE TRIGGER refuse_friend_erase BEFORE DELETE ON friends WHEN OLD.line_user_id = '${a.userId}'
       BEGIN SELECT RAISE(ABORT, 'test: erase refused'); END`,
    );
    try {
      expect((await erase(a.userId, a.userId)).status).toBe(500);
    } finally {
      await run("DROP TRIGGER refuse_friend_erase");
    }
    expect(await tableCounts()).toEqual(before);
    expect(await rowsNaming(a.userId)).toEqual(namingBefore);
    expect(
      await all("SELECT 1 FROM audit_log WHERE action = 'personal_data.erase' AND details LIKE '%' || ? || '%'", a.memberNumber),
    ).toEqual([]);
    // LINE was not touched either: the menu is still linked.
    expect((await menuShownTo(a.userId)).source).toBe("user");
  });

  it("keeps the erase when LINE fails to unlink the menu, and says so", async () => {
    const a = await seedFriend("LINE障害");
    await sandbox("/__sandbox/faults", { body: { endpoint: "richMenuUnlink", mode: "5xx", times: 20 } });
    const erased = await erase(a.userId, a.userId);
    expect(erased.status).toBe(200);
    expect(erased.body.richMenu).toBe("failed");
    expect(await rowsNaming(a.userId)).toEqual({});
  });

  it("refuses a wrong confirmation (400), a non-admin (403) and an unknown user (404), erasing nothing", async () => {
    const a = await seedFriend("確認違い");
    const before = await rowsNaming(a.userId);
    const wrong = await erase(a.userId, "12345678");
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain("Nothing was erased");
    const empty = await erase(a.userId, "   ");
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("validation_failed");
    expect(await rowsNaming(a.userId)).toEqual(before);

    const staff = await newStaff("一般スタッフ");
    expect((await call(path(a.userId), staff.headers)).status).toBe(403);
    expect((await call(path(a.userId), staff.headers, { method: "DELETE", body: { confirm: a.userId } })).status).toBe(403);
    expect(await rowsNaming(a.userId)).toEqual(before);

    const unknown = newUserId();
    expect((await call(path(unknown), await adminHeaders())).status).toBe(404);
    expect((await erase(unknown, unknown)).status).toBe(404);
    expect((await call("/api/admin/friends/not-a-user/personal-data", await adminHeaders())).status).toBe(400);
  });
});
