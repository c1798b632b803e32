import type { KpiReport } from "@enishi/shared/kpis/report";
import { beforeAll, describe, expect, it } from "vitest";
import { newCustomer } from "./card.fixtures.ts";
import { callAs, callAsAdmin, createLineUser, expectJson, registerAdmin, testEnv, waitFor } from "./helpers.ts";
import { nthBotMessage, say, setUpShop } from "./takeover.fixtures.ts";

/**
 * The KPI dashboard (decision 022) over 2024-03-10..12 JST. Rows are seeded straight into D1 around the
 * JST day boundaries (23:59:59.999 / 00:00 JST); snapshot figures (following now, ID links, RFM) are
 * compared with a report taken before seeding, so rows other files left behind do not matter.
 */
const PERIOD = "/api/admin/kpis?from=2024-03-10&to=2024-03-12";
const jst = (isoLocal: string) => Date.parse(`${isoLocal}+09:00`);
const DAY = 86_400_000;
const suffix = crypto.randomUUID().replace(/-/g, "").slice(0, 27);
// The letter after "Ukpi" orders the friends by user ID (broadcast batches are user-ID ranges).
const uid = (letter: string) => `Ukpi${letter}${suffix}`;
const [A, B, C, D, E, F, G, H, I, J] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map(uid) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

async function run(sql: string, ...params: unknown[]): Promise<void> {
  await testEnv.DB.prepare(sql)
    .bind(...params)
    .run();
}

async function friend(id: string, status: "following" | "blocked", events: [type: "follow" | "unfollow", at: number][]) {
  const follows = events.filter((e) => e[0] === "follow").map((e) => e[1]);
  const blocks = events.filter((e) => e[0] === "unfollow").map((e) => e[1]);
  await run(
    "INSERT INTO friends (line_user_id, display_name, status, followed_at, unfollowed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    id,
    id.slice(0, 5),
    status,
    Math.max(...follows),
    status === "blocked" ? Math.max(...blocks) : null,
    Math.min(...follows),
    0,
  );
  for (const [type, at] of events) await run("INSERT INTO friend_events (line_user_id, type, at) VALUES (?, ?, ?)", id, type, at);
}

let outKey = 0;
async function sent(to: string, sender: "bot" | "staff", at: number, options: { key?: string; delivery?: "sent" | "failed" } = {}) {
  await run(
    `INSERT INTO messages (line_user_id, direction, sender, kind, text, payload, delivery, outbound_key, created_at, sent_at)
     VALUES (?, 'out', ?, 'text', 'x', '{}', ?, ?, ?, ?)`,
    to,
    sender,
    options.delivery ?? "sent",
    options.key ?? `kpi-test:${suffix}:${outKey++}`,
    at,
    at,
  );
}

async function inbound(from: string, at: number, action: string | null) {
  await run(
    `INSERT INTO messages (line_user_id, direction, sender, kind, text, payload, delivery, webhook_event_id, created_at, bot_action)
     VALUES (?, 'in', 'customer', 'text', 'q', '{}', 'received', ?, ?, ?)`,
    from,
    crypto.randomUUID(),
    at,
    action,
  );
}

async function broadcast(id: string, name: string, startedAt: number, batches: { recipients: string[]; status: string; at: number }[]) {
  await run(
    `INSERT INTO broadcasts (id, name, messages, status, scheduled_at, aggregation_unit, created_at, updated_at, started_at)
     VALUES (?, ?, ?, 'completed', ?, ?, ?, ?, ?)`,
    id,
    name,
    JSON.stringify([{ type: "text", text: "新メニューはこちら {link:kpi-spring}" }]),
    startedAt,
    `bc_${id}`,
    startedAt,
    startedAt,
    startedAt,
  );
  for (const [seq, batch] of batches.entries()) {
    const recipients = [...batch.recipients].sort();
    await run(
      `INSERT INTO broadcast_batches (broadcast_id, seq, recipient_count, last_recipient, retry_key, status, sent_count, created_at, completed_at, recipients)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      seq,
      recipients.length,
      recipients.at(-1),
      crypto.randomUUID(),
      batch.status,
      batch.status === "sent" ? recipients.length : 0,
      startedAt,
      batch.at,
      JSON.stringify(recipients),
    );
  }
}

async function report(path = PERIOD): Promise<KpiReport> {
  return expectJson<KpiReport>(await callAsAdmin(path), 200);
}

const bucket = (r: KpiReport, axis: "recency" | "frequency" | "monetary", key: string) =>
  r.rfm[axis].find((b) => b.key === key)?.count ?? -1;

describe("KPI dashboard", () => {
  let before: KpiReport;
  let after: KpiReport;
  const bc1 = `bc1-${suffix}`;
  const bc0 = `bc0-${suffix}`;
  const bcFailed = `bcf-${suffix}`;
  const scenario = `scn-${suffix}`;
  const coupon = `cp-${suffix}`;
  const [s1, s2] = [`s1-${suffix}`, `s2-${suffix}`];
  const [link1, link2] = [`l1-${suffix}`, `l2-${suffix}`];

  beforeAll(async () => {
    await registerAdmin();
    before = await report();
    const early = jst("2024-03-01T10:00:00");
    // Friends: following at 2024-03-10 00:00 JST are A, B, D, G, H, I, J (7).
    await friend(A, "blocked", [
      ["follow", early],
      ["unfollow", jst("2024-03-11T00:00:00")],
    ]);
    await friend(B, "blocked", [
      ["follow", early],
      ["unfollow", jst("2024-03-10T23:59:59.999")],
    ]);
    await friend(C, "blocked", [
      ["follow", jst("2024-03-10T09:00:00")],
      ["unfollow", jst("2024-03-12T15:00:00")],
    ]);
    await friend(D, "following", [["follow", jst("2024-03-09T23:59:00")]]);
    await friend(E, "following", [["follow", jst("2024-03-12T08:00:00")]]);
    await friend(F, "blocked", [
      ["follow", early],
      ["unfollow", jst("2024-03-09T23:00:00")],
    ]);
    await friend(G, "blocked", [
      ["follow", early],
      ["unfollow", jst("2024-03-13T00:00:00")],
    ]);
    // H blocks and comes back the same day: friends keeps only the return, friend_events both.
    await friend(H, "following", [
      ["follow", early],
      ["unfollow", jst("2024-03-12T10:00:00")],
      ["follow", jst("2024-03-12T11:00:00")],
    ]);
    await friend(I, "blocked", [
      ["follow", early],
      ["unfollow", jst("2024-03-11T09:00:00")],
    ]);
    await friend(J, "blocked", [
      ["follow", early],
      ["unfollow", jst("2024-03-11T20:00:00")],
    ]);

    // What each blocker heard last. A: the broadcast (after an older bot message). B: a scenario step
    // (after an older broadcast). C: staff. H: nothing before the block (a bot message after it). I: the
    // welcome, then a failed send and a failed broadcast batch that never reached them. J: the broadcast's
    // second batch, whose user-ID range also covers I without listing them.
    await sent(A, "bot", jst("2024-03-09T12:00:00"));
    await broadcast(bc1, "3月の新メニュー", jst("2024-03-10T11:00:00"), [
      { recipients: [A, D], status: "sent", at: jst("2024-03-10T12:00:00") },
      { recipients: [J], status: "sent", at: jst("2024-03-10T12:01:00") },
    ]);
    await broadcast(bc0, "春の予告", jst("2024-03-05T11:00:00"), [{ recipients: [B], status: "sent", at: jst("2024-03-05T11:00:00") }]);
    await broadcast(bcFailed, "失敗した配信", jst("2024-03-06T11:00:00"), [
      { recipients: [I], status: "failed", at: jst("2024-03-06T11:00:00") },
    ]);
    await run(
      `INSERT INTO scenarios (id, name, status, trigger_type, trigger, steps, exit_on, created_at, updated_at)
       VALUES (?, 'ようこそステップ', 'paused', 'follow', '{"type":"follow"}', '[]', '{}', 0, 0)`,
      scenario,
    );
    const enrolment = await testEnv.DB.prepare(
      `INSERT INTO scenario_enrolments (scenario_id, line_user_id, status, anchor_at, enrolled_at, updated_at)
       VALUES (?, ?, 'active', 0, 0, 0) RETURNING id`,
    )
      .bind(scenario, B)
      .first<{ id: number }>();
    await sent(B, "bot", jst("2024-03-10T10:00:00"), { key: `scn:${enrolment?.id}:1:0:0:0` });
    await sent(C, "staff", jst("2024-03-12T14:00:00"));
    await sent(H, "bot", jst("2024-03-12T10:30:00"));
    await sent(I, "bot", early);
    await sent(I, "bot", jst("2024-03-05T10:00:00"), { delivery: "failed" });

    // Coupons: granted [2, 0, 1] per day; 2 of the 3 redeemed; redemptions in the period [1, 1, 1].
    await run(
      `INSERT INTO coupons (id, title, discount_kind, discount_value, starts_at, ends_at, created_at, updated_at)
       VALUES (?, 'KPI', 'yen', 100, 0, 9999999999999, 0, 0)`,
      coupon,
    );
    const grant = (user: string, seq: number, at: number, redeemedAt: number | null) =>
      run(
        `INSERT INTO coupon_grants (id, coupon_id, line_user_id, seq, code, source, granted_at, expires_at, redeemed_at)
         VALUES (?, ?, ?, ?, ?, 'claim', ?, 9999999999999, ?)`,
        crypto.randomUUID(),
        coupon,
        user,
        seq,
        crypto.randomUUID(),
        at,
        redeemedAt,
      );
    await grant(D, 1, jst("2024-03-10T00:00:00"), jst("2024-03-11T00:00:00"));
    await grant(E, 1, jst("2024-03-10T23:59:59.999"), null);
    await grant(H, 1, jst("2024-03-12T09:00:00"), jst("2024-03-12T18:00:00"));
    await grant(A, 1, jst("2024-03-09T23:59:59.999"), jst("2024-03-10T00:00:01"));

    // Surveys: started [2, 1, 1], of which submitted [1, 1, 0]; one started the day before is outside.
    for (const [id, title] of [
      [s1, "満足度アンケート"],
      [s2, "新メニュー投票"],
    ])
      await run("INSERT INTO surveys (id, title, definition, status, created_at, updated_at) VALUES (?, ?, '{}', 'open', 0, 0)", id, title);
    const response = (survey: string, user: string, status: string, at: number) =>
      run(
        `INSERT INTO survey_responses (id, survey_id, line_user_id, seq, status, started_at, updated_at, submitted_at)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
        crypto.randomUUID(),
        survey,
        user,
        status,
        at,
        at,
        status === "submitted" ? at + 60_000 : null,
      );
    await response(s1, A, "submitted", jst("2024-03-10T08:00:00"));
    await response(s1, B, "in_progress", jst("2024-03-10T23:59:59.999"));
    await response(s1, D, "submitted", jst("2024-03-11T00:00:00"));
    await response(s2, D, "in_progress", jst("2024-03-12T12:00:00"));
    await response(s2, E, "submitted", jst("2024-03-09T12:00:00"));

    // Tracked links: clicks [3, 2, 0], clickers [1, 2, 0]; the broadcast that carried link1 reached 3.
    await run(
      "INSERT INTO tracked_links (id, code, name, destination, created_at) VALUES (?, 'kpi-spring', '春の新作', 'https://x.test', 0)",
      link1,
    );
    await run(
      "INSERT INTO tracked_links (id, code, name, destination, created_at) VALUES (?, ?, '店舗案内', 'https://y.test', 0)",
      link2,
      `kpi-${suffix.slice(0, 8)}`,
    );
    for (const [user, at] of [
      [A, jst("2024-03-10T00:00:00")],
      [A, jst("2024-03-10T20:00:00")],
      [null, jst("2024-03-10T23:59:59.999")],
      [D, jst("2024-03-11T10:00:00")],
      [A, jst("2024-03-11T11:00:00")],
      [D, jst("2024-03-13T00:00:00")],
    ] as const)
      await run("INSERT INTO link_clicks (link_id, line_user_id, clicked_at) VALUES (?, ?, ?)", link1, user, at);

    // Customer messages and the bot's decisions: [3, 2, 1] messages, one without a recorded decision.
    await inbound(D, jst("2024-03-10T09:00:00"), "answered");
    await inbound(D, jst("2024-03-10T09:05:00"), "answered");
    await inbound(A, jst("2024-03-10T23:59:59.999"), "handover");
    await inbound(A, jst("2024-03-11T00:00:00"), "suggested");
    await inbound(A, jst("2024-03-11T00:10:00"), "staff");
    await inbound(E, jst("2024-03-12T09:00:00"), null);

    // ID links [0, 1, 1] (an unlink does not count); D's membership is linked now.
    await run(
      "INSERT INTO members (id, member_number, name, line_user_id, created_at, updated_at) VALUES (?, ?, 'D', ?, 0, 0)",
      `mem-d-${suffix}`,
      `d${suffix.slice(0, 12)}`,
      D,
    );
    await run(
      "INSERT INTO members (id, member_number, name, origin, line_only_user_id, created_at, updated_at) VALUES (?, ?, 'E', 'line', ?, 0, 0)",
      `mem-e-${suffix}`,
      `e${suffix.slice(0, 12)}`,
      E,
    );
    await run(
      "INSERT INTO members (id, member_number, name, line_user_id, created_at, updated_at) VALUES (?, ?, 'C', ?, 0, 0)",
      `mem-c-${suffix}`,
      `c${suffix.slice(0, 12)}`,
      C,
    );
    for (const [action, at] of [
      ["link", jst("2024-03-11T12:00:00")],
      ["unlink", jst("2024-03-11T13:00:00")],
      ["link", jst("2024-03-12T00:00:00")],
    ] as const)
      await run(
        "INSERT INTO member_link_events (member_id, line_user_id, action, method, created_at) VALUES (?, ?, ?, 'liff', ?)",
        `mem-d-${suffix}`,
        D,
        action,
        at,
      );

    // Purchases (RFM, as of now): D bought twice this year for ¥15,000 (last 10 days ago); E once, 400
    // days ago; C (blocked) is not counted; H never bought.
    const now = Date.now();
    const purchase = (member: string, amount: number, at: number) =>
      run(
        `INSERT INTO point_ledger (member_id, kind, points, source, purchase_amount, idempotency_key, expires_at, expiry_state, created_at)
         VALUES (?, 'grant', ?, 'purchase', ?, ?, ?, 'pending', ?)`,
        member,
        Math.max(1, Math.floor(amount / 100)),
        amount,
        crypto.randomUUID(),
        now + 365 * DAY,
        at,
      );
    await purchase(`mem-d-${suffix}`, 12_000, now - 10 * DAY);
    await purchase(`mem-d-${suffix}`, 3_000, now - 40 * DAY);
    await purchase(`mem-e-${suffix}`, 500, now - 400 * DAY);
    await purchase(`mem-c-${suffix}`, 80_000, now - 5 * DAY);

    after = await report();
  });

  it("counts follows and blocks per JST day, and the block rate against the friends following at each day's start", () => {
    // Nothing else happened in this period: the other rows in this database are far from March 2024.
    expect(before.days.map((d) => [d.follows, d.blocks])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const base = before.friends.followingAtStart;
    expect(after.days.map((d) => d.date)).toEqual(["2024-03-10", "2024-03-11", "2024-03-12"]);
    expect(after.days.map((d) => d.followingAtStart - base)).toEqual([7, 7, 4]);
    expect(after.days.map((d) => d.follows)).toEqual([1, 0, 2]);
    expect(after.days.map((d) => d.blocks)).toEqual([1, 3, 2]);
    expect(after.days.map((d) => d.blockRate)).toEqual([1 / (base + 7), 3 / (base + 7), 2 / (base + 4)]);
    expect(after.friends).toMatchObject({
      followingAtStart: base + 7,
      followingAtEnd: base + 4,
      follows: 3,
      blocks: 6,
      blockRate: 6 / (base + 7),
      followingNow: before.friends.followingNow + 3,
    });
  });

  it("names the message that preceded each block, grouped by source, with the broadcast or scenario", () => {
    const rows = after.precededBlocks.map((r) => [r.source, r.refId, r.refName, r.count]);
    expect(rows).toEqual([
      ["broadcast", bc1, "3月の新メニュー", 2],
      ["bot", null, null, 1],
      ["none", null, null, 1],
      ["scenario", scenario, "ようこそステップ", 1],
      ["staff", null, null, 1],
    ]);
  });

  it("reports ID links, coupon, survey, link and bot figures for the period", () => {
    expect(after.days.map((d) => d.idLinks)).toEqual([0, 1, 1]);
    expect(after.idLink.linked - before.idLink.linked).toBe(1);
    expect(after.days.map((d) => [d.couponsGranted, d.couponsRedeemed])).toEqual([
      [2, 1],
      [0, 1],
      [1, 1],
    ]);
    expect(after.coupons).toEqual({ granted: 3, redeemed: 2, rate: 2 / 3, redemptionsInPeriod: 3 });
    expect(after.days.map((d) => [d.surveysStarted, d.surveysCompleted])).toEqual([
      [2, 1],
      [1, 1],
      [1, 0],
    ]);
    expect(after.surveys).toMatchObject({ started: 4, completed: 2, rate: 0.5 });
    expect(after.surveys.perSurvey.filter((s) => s.id === s1 || s.id === s2)).toEqual([
      { id: s1, title: "満足度アンケート", started: 3, completed: 2, rate: 2 / 3 },
      { id: s2, title: "新メニュー投票", started: 1, completed: 0, rate: 0 },
    ]);
    expect(after.days.map((d) => [d.linkClicks, d.linkClickers])).toEqual([
      [3, 1],
      [2, 2],
      [0, 0],
    ]);
    expect(after.links).toMatchObject({ clicks: 5, anonymousClicks: 1, uniqueClickers: 2 });
    expect(after.links.perLink.find((l) => l.id === link1)).toEqual({
      id: link1,
      name: "春の新作",
      code: "kpi-spring",
      clicks: 5,
      anonymousClicks: 1,
      uniqueClickers: 2,
      recipients: 3,
      ctr: 2 / 3,
    });
    expect(after.links.perLink.find((l) => l.id === link2)).toMatchObject({ clicks: 0, recipients: null, ctr: null });
    expect(after.days.map((d) => [d.customerMessages, d.botAutomated, d.botHandovers])).toEqual([
      [3, 2, 1],
      [2, 1, 0],
      [0, 0, 0],
    ]);
    expect(after.bot).toEqual({
      recorded: 5,
      unrecorded: 1,
      answered: 2,
      suggested: 1,
      smalltalk: 0,
      other: 0,
      handover: 1,
      staff: 1,
      automationRate: 3 / 5,
      escalationRate: 1 / 5,
    });
  });

  it("shows the RFM distribution of following friends by the segments' purchase conditions", () => {
    const delta = (axis: "recency" | "frequency" | "monetary", key: string) => bucket(after, axis, key) - bucket(before, axis, key);
    expect(["r30", "r90", "r365", "older", "never"].map((k) => delta("recency", k))).toEqual([1, 0, 0, 1, 1]);
    expect(["f0", "f1", "f2", "f5"].map((k) => delta("frequency", k))).toEqual([2, 0, 1, 0]);
    expect(["m0", "m1", "m10k", "m50k"].map((k) => delta("monetary", k))).toEqual([2, 0, 1, 0]);
    for (const axis of ["recency", "frequency", "monetary"] as const)
      expect(after.rfm[axis].reduce((s, b) => s + b.count, 0)).toBe(after.friends.followingNow);
  });

  it("exports the daily series and the summary as CSV with a BOM for Excel", async () => {
    const response = await callAsAdmin(PERIOD.replace("/kpis?", "/kpis/csv?"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="enishi-kpis-2024-03-10_2024-03-12.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]?.split(",").slice(0, 5)).toEqual([
      "日付 / Date",
      "友だち数(日初) / Following at start",
      "新規友だち / New follows",
      "ブロック / Blocks",
      "ブロック率(%) / Block rate (%)",
    ]);
    const base = before.friends.followingAtStart;
    expect(lines[1]).toBe(`2024-03-10,${base + 7},1,1,${Math.round((1 / (base + 7)) * 10000) / 100},0,2,1,2,1,3,1,3,2,1`);
    expect(lines[3]?.startsWith(`2024-03-12,${base + 4},2,2,`)).toBe(true);
    expect(lines).toContain("ブロック / Blocks,6");
    expect(lines).toContain("クーポン利用率(%) / Coupon redemption rate (%),66.67");
    expect(lines).toContain("一斉配信 / Broadcast,3月の新メニュー,2");
    expect(lines).toContain("ステップ配信 / Scenario step,ようこそステップ,1");
  });

  it("refuses bad periods with a reason, and anyone but an admin", async () => {
    const refused = async (query: string) => {
      const body = await expectJson<{ error: { code: string; message: string } }>(await callAsAdmin(`/api/admin/kpis?${query}`), 400);
      return body.error;
    };
    expect(await refused("from=2024-02-30&to=2024-03-01")).toMatchObject({ code: "bad_request", message: expect.stringContaining("from") });
    expect(await refused("from=2024-03-10&to=2024/03/12")).toMatchObject({ code: "bad_request", message: expect.stringContaining("to") });
    expect((await refused("from=2024-03-12&to=2024-03-10")).message).toContain("after");
    expect((await refused("from=2024-01-01&to=2025-01-01")).message).toContain("366");
    expect(await refused("from=2024-03-10")).toMatchObject({ code: "validation_failed" });
    await report("/api/admin/kpis?from=2024-01-01&to=2024-12-31");

    const customer = await createLineUser("お客様");
    const forbidden = await expectJson<{ error: { code: string } }>(await callAs(customer, PERIOD), 403);
    expect(forbidden.error.code).toBe("forbidden");
    expect((await callAs(customer, PERIOD.replace("/kpis?", "/kpis/csv?"))).status).toBe(403);
  });

  it("records what the bot did with each customer message, through the webhook", async () => {
    await setUpShop({ open: true });
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const path = `/api/admin/kpis?from=${today}&to=${today}`;
    const start = await report(path);
    const { userId } = await newCustomer("KPIの客");
    await say(userId, "駐車場はありますか");
    await nthBotMessage(userId, 2);
    await say(userId, "人と話したいです");
    await nthBotMessage(userId, 3);
    await say(userId, "まだですか？");
    const actions = await waitFor(async () => {
      const { results } = await testEnv.DB.prepare(
        "SELECT bot_action FROM messages WHERE line_user_id = ? AND direction = 'in' ORDER BY id",
      )
        .bind(userId)
        .all<{ bot_action: string | null }>();
      return results.length === 3 && results.every((r) => r.bot_action !== null) ? results.map((r) => r.bot_action) : undefined;
    }, "three recorded decisions");
    expect(actions).toEqual(["answered", "handover", "staff"]);
    const end = await report(path);
    expect(end.bot.answered - start.bot.answered).toBe(1);
    expect(end.bot.handover - start.bot.handover).toBe(1);
    expect(end.bot.staff - start.bot.staff).toBe(1);
    expect(end.bot.recorded - start.bot.recorded).toBe(3);
    expect(end.days[0]?.customerMessages).toBe((start.days[0]?.customerMessages ?? 0) + 3);
    expect(end.friends.follows - start.friends.follows).toBe(1);
  });
});
