import { createScheduledController } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../bot/src/index.ts";
import {
  botTexts,
  callAsAdmin,
  chatOf,
  createLineUser,
  expectJson,
  followedFriend,
  makeEvent,
  postWebhook,
  registerAdmin,
  sandbox,
  testEnv,
  waitFor,
} from "./helpers.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const jst = (s: string) => Date.parse(`${s}+09:00`);
const jstText = (at: number) => new Date(at + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
/** 10:00 JST, `days` Japanese calendar days after the day containing `at`. */
const dayAt = (at: number, days: number, hhmm = "10:00") =>
  jst(`${new Date(at + 9 * 3_600_000).toISOString().slice(0, 10)}T${hhmm}`) + days * DAY;

const admin = callAsAdmin;

/** One cron tick at a chosen time, then the queue jobs it enqueued have run. */
async function runCron(at: number): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), testEnv);
  await new Promise((resolve) => setTimeout(resolve, 400));
}

interface Enrolment {
  id: number;
  status: string;
  step_index: number;
  next_run_at: number | null;
  exit_reason: string | null;
}

async function enrolmentOf(userId: string, scenarioId: string): Promise<Enrolment | null> {
  return testEnv.DB.prepare(
    "SELECT id, status, step_index, next_run_at, exit_reason FROM scenario_enrolments WHERE line_user_id = ? AND scenario_id = ?",
  )
    .bind(userId, scenarioId)
    .first<Enrolment>();
}

async function scenarioFrom(templateId: string): Promise<string> {
  const { id } = await expectJson<{ id: string }>(await admin("/api/admin/scenarios/from-template", { body: { templateId } }), 201);
  await expectJson(await admin(`/api/admin/scenarios/${id}/status`, { body: { status: "active" } }), 200);
  return id;
}

async function activeScenario(input: object): Promise<string> {
  const { id } = await expectJson<{ id: string }>(await admin("/api/admin/scenarios", { body: input }), 201);
  await expectJson(await admin(`/api/admin/scenarios/${id}/status`, { body: { status: "active" } }), 200);
  return id;
}

/** A friend known to D1 and the sandbox, without a follow event (no follow-triggered scenario). */
async function knownFriend(name: string): Promise<string> {
  const userId = await createLineUser(name);
  await testEnv.DB.prepare(
    "INSERT INTO friends (line_user_id, display_name, status, created_at, updated_at) VALUES (?, ?, 'following', 0, 0)",
  )
    .bind(userId, name)
    .run();
  return userId;
}

const event = (body: object) => admin("/api/admin/events", { body });

/** A cron tick, then waits until every one of these friends' enrolments has moved on from where it was. */
async function tick(at: number, userIds: readonly string[], scenarioId: string): Promise<void> {
  const where = async (userId: string) => {
    const e = await enrolmentOf(userId, scenarioId);
    return `${e?.status}:${e?.step_index}`;
  };
  const before = await Promise.all(userIds.map(where));
  await runCron(at);
  await waitFor(
    async () => {
      const now = await Promise.all(userIds.map(where));
      return now.every((state, i) => state !== before[i]) ? true : undefined;
    },
    `enrolments to move at ${jstText(at)}`,
  );
}

describe("step scenarios", () => {
  beforeAll(async () => {
    await registerAdmin();
  });

  it("nurtures a new friend on days 5, 7 and 10 at 10:00 Japan time, driven by cron with a controlled clock", async () => {
    const scenarioId = await scenarioFrom("new-friend-nurture");
    const followedAt = Date.now();
    const userId = await followedFriend("育成");
    const enrolled = await waitFor(() => enrolmentOf(userId, scenarioId).then((e) => e ?? undefined), "enrolment");
    expect(enrolled.next_run_at).toBeGreaterThanOrEqual(dayAt(followedAt, 5) - DAY);
    const day5 = enrolled.next_run_at ?? 0;
    expect(jstText(day5).slice(11)).toBe("10:00");

    await runCron(day5 - MINUTE);
    expect(botTexts(await chatOf(userId))).toHaveLength(1); // only the welcome
    await runCron(day5);
    await waitFor(async () => ((await chatOf(userId)).length >= 2 ? true : undefined), "day 5 message");
    expect(botTexts(await chatOf(userId)).at(-1)).toContain("育成さん、こんにちは");

    const day7 = (await enrolmentOf(userId, scenarioId))?.next_run_at ?? 0;
    expect(day7 - day5).toBe(2 * DAY);
    await runCron(day7);
    const day10 = await waitFor(async () => {
      const e = await enrolmentOf(userId, scenarioId);
      return e?.step_index === 2 ? e.next_run_at : undefined;
    }, "day 7 step");
    expect((day10 ?? 0) - day7).toBe(3 * DAY);
    await runCron(day10 ?? 0);
    await waitFor(async () => ((await enrolmentOf(userId, scenarioId))?.status === "completed" ? true : undefined), "completed");
    const texts = botTexts(await chatOf(userId));
    expect(texts).toHaveLength(4);
    expect(texts[1]).toMatch(/^育成さん、こんにちは！\n当店の上手な使い方/);
    expect(texts[2]).toMatch(/^お客様の声をご紹介します/);
    expect(texts[3]).toMatch(/^育成さんへ、期間限定のクーポン/);

    const { scenarios } = await expectJson<{ scenarios: { status: string; runs: { outcome: string }[] }[] }>(
      await admin(`/api/staff/friends/${userId}/scenarios`),
      200,
    );
    expect(scenarios[0]).toMatchObject({ status: "completed" });
    expect(scenarios[0]?.runs.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
  });

  it("exits a friend who unfollows, and sends them nothing more", async () => {
    const scenarioId = await scenarioFrom("new-friend-nurture");
    const userId = await followedFriend("退会");
    const enrolled = await waitFor(() => enrolmentOf(userId, scenarioId).then((e) => e ?? undefined), "enrolment");
    await postWebhook([await makeEvent(userId, { type: "unfollow" })]);
    const exited = await waitFor(async () => {
      const e = await enrolmentOf(userId, scenarioId);
      return e?.status === "exited" ? e : undefined;
    }, "exit");
    expect(exited).toMatchObject({ exit_reason: "unfollow", next_run_at: null });
    await runCron((enrolled.next_run_at ?? 0) + MINUTE);
    const pushes = await sandbox<{ calls: { body: { to?: string } | null }[] }>("/__sandbox/calls?endpoint=push");
    expect(pushes.calls.filter((c) => c.body?.to === userId)).toHaveLength(0);
  });

  it("follows a cancellation by its stated reason: price gets the cheaper plan, moving gets no comeback offer", async () => {
    const scenarioId = await scenarioFrom("cancellation-win-back");
    const at = jst("2031-01-10T15:00");
    const price = await knownFriend("価格");
    const moving = await knownFriend("転居");
    expect(
      (await expectJson<{ enrolled: string[] }>(await event({ type: "cancellation", userId: price, reason: "価格", at }), 200)).enrolled,
    ).toEqual([scenarioId]);
    await expectJson(await event({ type: "cancellation", userId: moving, reason: "引っ越し", at }), 200);

    for (const day of [1, 14, 30]) await tick(dayAt(at, day), [price, moving], scenarioId);
    expect((await enrolmentOf(price, scenarioId))?.status).toBe("completed");
    expect((await enrolmentOf(moving, scenarioId))?.status).toBe("stopped");

    expect(botTexts(await chatOf(price)).map((t) => t.slice(0, 10))).toEqual([
      "価格さん、これまでの",
      "お手頃なライトプラン",
      "【24時間限定】価格",
    ]);
    expect(botTexts(await chatOf(moving)).map((t) => t.slice(0, 10))).toEqual(["転居さん、これまでの"]);
    const { scenarios } = await expectJson<{ scenarios: { runs: { outcome: string }[] }[] }>(
      await admin(`/api/staff/friends/${moving}/scenarios`),
      200,
    );
    expect(scenarios[0]?.runs.map((r) => r.outcome)).toEqual(["done", "skipped", "stopped"]);
  });

  it("keeps steps out of quiet hours: a due time inside them, and a late cron tick inside them, both wait until they end", async () => {
    const scenarioId = await activeScenario({
      name: "夜間テスト",
      trigger: { type: "purchase" },
      quietHours: { start: "21:00", end: "09:00" },
      steps: [
        {
          id: "thanks",
          delay: { type: "after", minutes: 60 },
          actions: [{ type: "message", messages: [{ type: "text", text: "ご購入ありがとうございます" }] }],
        },
        {
          id: "evening",
          delay: { type: "dayAt", day: 1, time: "20:50" },
          actions: [{ type: "message", messages: [{ type: "text", text: "夕方のお知らせ" }] }],
        },
      ],
    });
    const userId = await knownFriend("夜更かし");
    const at = jst("2031-02-03T22:30");
    await expectJson(await event({ type: "purchase", userId, at }), 200);
    expect(jstText((await enrolmentOf(userId, scenarioId))?.next_run_at ?? 0)).toBe("2031-02-04 09:00");

    await runCron(jst("2031-02-04T09:00"));
    await waitFor(async () => ((await enrolmentOf(userId, scenarioId))?.step_index === 1 ? true : undefined), "first step");
    expect(jstText((await enrolmentOf(userId, scenarioId))?.next_run_at ?? 0)).toBe("2031-02-04 20:50");

    // Cron runs late, at 21:10: inside quiet hours the step is postponed, not sent.
    await runCron(jst("2031-02-04T21:10"));
    await waitFor(
      async () => (jstText((await enrolmentOf(userId, scenarioId))?.next_run_at ?? 0) === "2031-02-05 09:00" ? true : undefined),
      "postponed",
    );
    expect(botTexts(await chatOf(userId))).toEqual(["ご購入ありがとうございます"]);
    await runCron(jst("2031-02-05T09:00"));
    await waitFor(async () => ((await enrolmentOf(userId, scenarioId))?.status === "completed" ? true : undefined), "completed");
    expect(botTexts(await chatOf(userId))).toEqual(["ご購入ありがとうございます", "夕方のお知らせ"]);
    // Paused, so later purchases in this file do not enrol anyone into it.
    await expectJson(await admin(`/api/admin/scenarios/${scenarioId}/status`, { body: { status: "paused" } }), 200);
  });

  it("enrols on a tag added by staff, branches on tags, and exits on purchase", async () => {
    const scenarioId = await activeScenario({
      name: "見込み客フォロー",
      trigger: { type: "tagAdded", tag: "見込み客" },
      exitOn: { tags: [], unfollow: true, purchase: true },
      steps: [
        {
          id: "ask",
          delay: { type: "after", minutes: 0 },
          condition: { tag: "VIP", is: "absent", otherwise: { type: "branch", toStepId: "vip" } },
          actions: [
            { type: "message", messages: [{ type: "text", text: "ご検討中ですか？" }] },
            { type: "addTag", tag: "フォロー済み" },
          ],
        },
        {
          id: "later",
          delay: { type: "after", minutes: 1440 },
          actions: [{ type: "message", messages: [{ type: "text", text: "その後いかがですか" }] }],
        },
        {
          id: "vip",
          delay: { type: "after", minutes: 0 },
          actions: [{ type: "message", messages: [{ type: "text", text: "VIPのお客様へ" }] }],
        },
      ],
    });
    const regular = await knownFriend("一般");
    const vip = await knownFriend("特別");
    await expectJson(await admin(`/api/staff/friends/${vip}/tags`, { body: { tag: "VIP" } }), 201);
    for (const userId of [regular, vip])
      await expectJson(await admin(`/api/staff/friends/${userId}/tags`, { body: { tag: "見込み客" } }), 201);

    await runCron(Date.now() + MINUTE);
    await waitFor(async () => ((await enrolmentOf(vip, scenarioId))?.status === "completed" ? true : undefined), "vip done");
    expect(botTexts(await chatOf(vip))).toEqual(["VIPのお客様へ"]);
    const after = await waitFor(async () => {
      const e = await enrolmentOf(regular, scenarioId);
      return e?.step_index === 1 ? e : undefined;
    }, "regular moved on");
    expect(botTexts(await chatOf(regular))).toEqual(["ご検討中ですか？"]);
    const tags = await testEnv.DB.prepare(
      "SELECT t.name, te.source FROM tag_events te JOIN tags t ON t.id = te.tag_id WHERE te.line_user_id = ? AND t.name = 'フォロー済み'",
    )
      .bind(regular)
      .first();
    expect(tags).toEqual({ name: "フォロー済み", source: "scenario" });

    expect((await expectJson<{ exited: number }>(await event({ type: "purchase", userId: regular }), 200)).exited).toBe(1);
    await runCron((after.next_run_at ?? 0) + MINUTE);
    expect(botTexts(await chatOf(regular))).toEqual(["ご検討中ですか？"]);
    expect((await enrolmentOf(regular, scenarioId))?.exit_reason).toBe("purchase");
  });

  it("refuses invalid scenarios and events with the shared error body", async () => {
    const bad = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/scenarios", {
        body: {
          name: "壊れた",
          trigger: { type: "follow" },
          steps: [{ id: "a", delay: { type: "dayAt", day: 1, time: "25:00" }, actions: [{ type: "addTag", tag: "x" }] }],
        },
      }),
      400,
    );
    expect(bad.error.code).toBe("validation_failed");
    const noCoupon = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/scenarios", {
        body: {
          name: "x",
          trigger: { type: "follow" },
          steps: [{ id: "a", delay: { type: "after", minutes: 0 }, actions: [{ type: "grantCoupon", couponId: "nope" }] }],
        },
      }),
      400,
    );
    expect(noCoupon.error.code).toBe("validation_failed");
    await expectJson(await event({ type: "purchase", userId: `U${"0".repeat(32)}` }), 404);
    await expectJson(await event({ type: "refund", userId: `U${"0".repeat(32)}` }), 400);
  });
});
