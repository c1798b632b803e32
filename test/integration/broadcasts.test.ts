import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCoupon } from "./coupons.fixtures.ts";
import { botTexts, callAsAdmin, chatOf, expectJson, newUserId, registerAdmin, runCron, sandbox, testEnv, waitFor } from "./helpers.ts";

const MINUTE = 60_000;
const jstClock = (at: number) => new Date(at + 9 * 3_600_000).toISOString().slice(11, 16);

const admin = callAsAdmin;

/**
 * `count` following friends straight into D1 (IDs with a per-test prefix, in ID order), all with a tag
 * unique to the test, plus `real` of them that also exist in the sandbox so their chats can be read.
 */
async function audience(count: number, real: { name: string }[] = []): Promise<{ tagId: string; prefix: string; realIds: string[] }> {
  const prefix = newUserId().slice(1, 9);
  const tagId = `tag-${prefix}`;
  await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)").bind(tagId, `配信テスト${prefix}`).run();
  if (count > 0)
    await testEnv.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO friends (line_user_id, display_name, status, followed_at, last_active_at, created_at, updated_at)
     SELECT printf('U%s%024x', ?, i), 'friend ' || i, 'following', 0, 0, 0, 0 FROM n`,
    )
      .bind(count, prefix)
      .run();
  const realIds: string[] = [];
  for (const [i, user] of real.entries()) {
    const userId = `U${prefix}${"f".repeat(20)}${i.toString(16).padStart(4, "0")}`;
    await sandbox("/__sandbox/users", { body: { userId, displayName: user.name } });
    await testEnv.DB.prepare(
      "INSERT INTO friends (line_user_id, display_name, status, created_at, updated_at) VALUES (?, ?, 'following', 0, 0)",
    )
      .bind(userId, user.name)
      .run();
    realIds.push(userId);
  }
  // A blocked friend with the tag must never be sent to.
  await testEnv.DB.prepare("INSERT INTO friends (line_user_id, status, created_at, updated_at) VALUES (?, 'blocked', 0, 0)")
    .bind(`U${prefix}${"e".repeat(24)}`)
    .run();
  await testEnv.DB.prepare(
    "INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) SELECT line_user_id, ?, 'import', 0 FROM friends WHERE substr(line_user_id, 2, 8) = ?",
  )
    .bind(tagId, prefix)
    .run();
  return { tagId, prefix, realIds };
}

async function segmentOf(tagId: string): Promise<string> {
  const body = await expectJson<{ id: string }>(
    await admin("/api/admin/segments", {
      body: {
        name: `tag ${tagId}`,
        filter: { kind: "group", match: "all", conditions: [{ kind: "tags", match: "any", tagIds: [tagId] }] },
      },
    }),
    201,
  );
  return body.id;
}

interface Broadcast {
  id: string;
  status: string;
  scheduledAt: number;
  pausedReason: string | null;
  aggregationUnit: string;
  progress: { recipientsTotal: number | null; sent: number; failed: number; batches: { total: number; sent: number; queued: number } };
}

async function broadcastOf(id: string): Promise<Broadcast> {
  return expectJson<Broadcast>(await admin(`/api/admin/broadcasts/${id}`), 200);
}

async function until(id: string, status: string, timeoutMs = 15_000): Promise<Broadcast> {
  return waitFor(
    async () => {
      const b = await broadcastOf(id);
      return b.status === status ? b : undefined;
    },
    `broadcast ${id} ${status}`,
    timeoutMs,
  );
}

interface Call {
  status: number;
  fault: string | null;
  retryKey: string | null;
  body: { to?: string | string[]; messages?: { text?: string }[]; customAggregationUnits?: string[] } | null;
}

async function callsFor(endpoint: string, prefix: string): Promise<Call[]> {
  const { calls } = await sandbox<{ calls: Call[] }>(`/__sandbox/calls?endpoint=${endpoint}`);
  return calls.filter((c) => [c.body?.to ?? []].flat().some((to) => to.slice(1, 9) === prefix));
}

/** How many times LINE accepted (and so delivered) the broadcast to each recipient, lost answers included. */
function deliveries(calls: readonly Call[]): Map<string, number> {
  const counts = new Map<string, number>();
  const accepted = (c: Call) => c.status === 200 || (c.status === 500 && c.fault === "5xx-after-accept");
  for (const call of calls.filter(accepted)) for (const to of [call.body?.to ?? []].flat()) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

describe("broadcasts", () => {
  beforeAll(async () => {
    await registerAdmin();
  });

  afterEach(async () => {
    await sandbox("/__sandbox/faults", { method: "DELETE" });
  });

  it("delivers to a segment in batches of 500 multicasts, each recipient exactly once, through 5xx and a lost answer", async () => {
    const { tagId, prefix, realIds } = await audience(1_100, [{ name: "花子" }, { name: "太郎" }]);
    const segmentId = await segmentOf(tagId);
    // The first batch job fails all four attempts (the queue retries the job), then one answer is lost after LINE accepted it.
    await sandbox("/__sandbox/faults", { body: { endpoint: "multicast", mode: "5xx", times: 5 } });
    await sandbox("/__sandbox/faults", { body: { endpoint: "multicast", mode: "5xx-after-accept", times: 1 } });

    const created = await expectJson<Broadcast>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "春のセール",
          audience: { type: "segment", segmentId },
          messages: [{ type: "text", text: "春のセール開催中！" }],
          schedule: { type: "now" },
        },
      }),
      201,
    );
    const done = await until(created.id, "completed", 20_000);

    expect(done.progress).toMatchObject({ recipientsTotal: 1_102, sent: 1_102, failed: 0, batches: { total: 3, sent: 3, queued: 0 } });
    const calls = await callsFor("multicast", prefix);
    const counts = deliveries(calls);
    expect(counts.size).toBe(1_102);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.has(`U${prefix}${"e".repeat(24)}`)).toBe(false);
    // Every attempt of a batch carried that batch's one retry key; the lost answer's retry got 409.
    expect(new Set(calls.map((c) => c.retryKey)).size).toBe(3);
    expect(calls.map((c) => c.status)).toContain(409);
    expect(calls.every((c) => c.body?.customAggregationUnits?.[0] === created.aggregationUnit)).toBe(true);
    for (const userId of realIds) expect(botTexts(await chatOf(userId))).toEqual(["春のセール開催中！"]);
  });

  it("sends a personalised broadcast as one push per recipient with their own name (and the coupon card), once each under 5xx", async () => {
    const { tagId, prefix, realIds } = await audience(0, [{ name: "花子" }, { name: "太郎" }, { name: "次郎" }]);
    const segmentId = await segmentOf(tagId);
    const couponId = await createCoupon({
      title: "お名前入り配信クーポン",
      terms: "",
      discount: { kind: "yen", value: 300 },
      validDays: 14,
    });
    await sandbox("/__sandbox/faults", { body: { endpoint: "push", mode: "5xx", times: 2 } });
    await sandbox("/__sandbox/faults", { body: { endpoint: "push", mode: "5xx-after-accept", times: 1 } });
    const created = await expectJson<Broadcast>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "お名前入り",
          audience: { type: "segment", segmentId },
          messages: [
            { type: "text", text: "{name}さん、いつもありがとうございます" },
            { type: "coupon", couponId },
          ],
          schedule: { type: "now" },
        },
      }),
      201,
    );
    await until(created.id, "completed");
    const card = "クーポン: お名前入り配信クーポン (300円引き)";
    expect(botTexts(await chatOf(realIds[0] ?? ""))).toEqual(["花子さん、いつもありがとうございます", card]);
    expect(botTexts(await chatOf(realIds[2] ?? ""))).toEqual(["次郎さん、いつもありがとうございます", card]);
    expect([...deliveries(await callsFor("push", prefix)).values()]).toEqual([1, 1, 1]);

    // The list shows each broadcast with its own progress, as its own page does.
    const { broadcasts } = await expectJson<{ broadcasts: Broadcast[] }>(await admin("/api/admin/broadcasts"), 200);
    expect(broadcasts.find((b) => b.id === created.id)?.progress).toMatchObject({ sent: 3, batches: { total: 1, sent: 1 } });
    expect(broadcasts.length).toBeGreaterThan(1);
    for (const listed of broadcasts) expect(listed.progress).toEqual((await broadcastOf(listed.id)).progress);
  });

  it("fires a scheduled broadcast from cron when its time comes, not before", async () => {
    const { tagId, realIds } = await audience(0, [{ name: "予約" }]);
    const segmentId = await segmentOf(tagId);
    const at = Date.now() + 30 * MINUTE;
    const created = await expectJson<Broadcast>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "予約配信",
          audience: { type: "segment", segmentId },
          messages: [{ type: "text", text: "予約した配信です" }],
          schedule: { type: "at", at },
        },
      }),
      201,
    );
    expect(created).toMatchObject({ status: "scheduled", scheduledAt: at });
    await runCron(at - MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await broadcastOf(created.id)).status).toBe("scheduled");

    await runCron(at + MINUTE);
    await until(created.id, "completed");
    expect(botTexts(await chatOf(realIds[0] ?? ""))).toEqual(["予約した配信です"]);
  });

  it("holds a broadcast composed during quiet hours until they end (Japan time)", async () => {
    const { tagId, realIds } = await audience(0, [{ name: "夜" }]);
    const segmentId = await segmentOf(tagId);
    const now = Date.now();
    const quietHours = { start: jstClock(now - 60 * MINUTE), end: jstClock(now + 60 * MINUTE) };
    const created = await expectJson<Broadcast>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "深夜",
          audience: { type: "segment", segmentId },
          messages: [{ type: "text", text: "おはようございます" }],
          schedule: { type: "now" },
          quietHours,
        },
      }),
      201,
    );
    expect(created.status).toBe("scheduled");
    expect(jstClock(created.scheduledAt)).toBe(quietHours.end);
    await runCron(now + MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(botTexts(await chatOf(realIds[0] ?? ""))).toEqual([]);

    await runCron(created.scheduledAt + MINUTE);
    await until(created.id, "completed");
    expect(botTexts(await chatOf(realIds[0] ?? ""))).toEqual(["おはようございます"]);
  });

  it("pauses on LINE's 429 and resumes from cron, still sending once", async () => {
    const { tagId, prefix } = await audience(600);
    const segmentId = await segmentOf(tagId);
    await sandbox("/__sandbox/faults", { body: { endpoint: "multicast", mode: "429", times: 1 } });
    const created = await expectJson<Broadcast>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "混雑",
          audience: { type: "segment", segmentId },
          messages: [{ type: "text", text: "混雑時の配信" }],
          schedule: { type: "now" },
        },
      }),
      201,
    );
    const paused = await until(created.id, "paused");
    expect(paused.pausedReason).toBe("rate_limited");
    await runCron(Date.now() + 2 * MINUTE);
    const done = await until(created.id, "completed");
    expect(done.progress.sent).toBe(600);
    expect([...deliveries(await callsFor("multicast", prefix)).values()].every((n) => n === 1)).toBe(true);
  });

  it("cancels a scheduled broadcast so cron never sends it", async () => {
    const { tagId, realIds } = await audience(0, [{ name: "取消" }]);
    const segmentId = await segmentOf(tagId);
    const at = Date.now() + 10 * MINUTE;
    const created = await expectJson<Broadcast>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "取り消し",
          audience: { type: "segment", segmentId },
          messages: [{ type: "text", text: "届かないはず" }],
          schedule: { type: "at", at },
        },
      }),
      201,
    );
    expect((await expectJson<Broadcast>(await admin(`/api/admin/broadcasts/${created.id}/cancel`, { method: "POST" }), 200)).status).toBe(
      "cancelled",
    );
    await expectJson(await admin(`/api/admin/broadcasts/${created.id}/cancel`, { method: "POST" }), 409);
    await runCron(at + MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(botTexts(await chatOf(realIds[0] ?? ""))).toEqual([]);
  });

  it("estimates recipients, requests and quota before sending", async () => {
    const { tagId } = await audience(1_001);
    const segmentId = await segmentOf(tagId);
    await sandbox("/__sandbox/config", { method: "PUT", body: { monthlyQuota: 1_500, quotaUsage: 1_000 } });
    try {
      const estimate = await expectJson<{ recipients: number; requests: number; overQuota: number; quota: { left: number } }>(
        await admin("/api/admin/broadcasts/estimate", {
          body: { audience: { type: "segment", segmentId }, messages: [{ type: "text", text: "見積もり" }] },
        }),
        200,
      );
      expect(estimate).toMatchObject({ recipients: 1_001, requests: 3, quota: { left: 500 }, overQuota: 501 });
    } finally {
      await sandbox("/__sandbox/config", { method: "PUT", body: { monthlyQuota: null, quotaUsage: 0 } });
    }
  });

  it("refuses bad compositions with the shared error body", async () => {
    const six = Array.from({ length: 6 }, () => ({ type: "text", text: "多すぎ" }));
    const tooMany = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/broadcasts", {
        body: { name: "x", audience: { type: "everyone" }, messages: six, schedule: { type: "now" } },
      }),
      400,
    );
    expect(tooMany.error.code).toBe("validation_failed");
    const past = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "x",
          audience: { type: "everyone" },
          messages: [{ type: "text", text: "過去" }],
          schedule: { type: "at", at: Date.now() - 3_600_000 },
        },
      }),
      400,
    );
    expect(past.error.code).toBe("validation_failed");
    const missing = await expectJson<{ error: { code: string } }>(
      await admin("/api/admin/broadcasts", {
        body: {
          name: "x",
          audience: { type: "segment", segmentId: "nope" },
          messages: [{ type: "text", text: "x" }],
          schedule: { type: "now" },
        },
      }),
      404,
    );
    expect(missing.error.code).toBe("not_found");
  });
});
