import { describe, expect, it } from "vitest";
import { couponInput, createCoupon } from "./coupons.fixtures.ts";
import { callAs, callWorker, createLineUser, idTokenFor, registerAdmin, sandbox, testEnv } from "./helpers.ts";

const DAY = 86_400_000;

const as = callAs;

async function staffMember(): Promise<string> {
  const staff = await createLineUser("店員");
  await testEnv.DB.prepare("INSERT INTO staff_roles (line_user_id, role, created_at) VALUES (?, 'staff', 0)").bind(staff).run();
  return staff;
}

interface Issued {
  grant: { id: string; code: string; expiresAt: number };
}

async function claim(userId: string, couponId: string): Promise<Response> {
  return as(userId, `/api/coupons/${couponId}/claim`, { method: "POST" });
}

async function claimed(userId: string, couponId: string): Promise<Issued> {
  const response = await claim(userId, couponId);
  expect(response.status).toBe(201);
  return (await response.json()) as Issued;
}

async function reasonOf(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { details?: { reason?: string } } };
  return body.error?.details?.reason;
}

describe("coupon redemption", () => {
  it("lets exactly one of 20 concurrent staff redemptions of one copy succeed and refuses the other 19 with a reason", async () => {
    const couponId = await createCoupon({ redeemTag: "クーポン利用" });
    const customer = await createLineUser("花子");
    const { grant } = await claimed(customer, couponId);
    const staff = await staffMember();
    const token = await idTokenFor(staff);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        callWorker("/api/staff/coupons/redeem", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ code: grant.code, storeId: "store-shibuya" }),
        }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const refusals = await Promise.all(attempts.filter((r) => r.status === 409).map(reasonOf));
    expect(new Set(refusals)).toEqual(new Set(["already_redeemed"]));

    // One audit row for the one redemption, and the redemption tag added once.
    const audit = await testEnv.DB.prepare(
      "SELECT staff_user_id, store_id, target_user_id FROM audit_log WHERE action = 'coupon.redeem' AND subject_ref = ?",
    )
      .bind(grant.id)
      .all();
    expect(audit.results).toEqual([{ staff_user_id: staff, store_id: "store-shibuya", target_user_id: customer }]);
    const tags = await testEnv.DB.prepare(
      "SELECT e.source FROM tag_events e JOIN tags t ON t.id = e.tag_id WHERE e.line_user_id = ? AND t.name = 'クーポン利用'",
    )
      .bind(customer)
      .all();
    expect(tags.results).toEqual([{ source: "coupon" }]);

    const mine = (await (await as(customer, "/api/coupons")).json()) as { used: { grant: { id: string; channel: string } }[] };
    expect(mine.used.map((i) => [i.grant.id, i.grant.channel])).toEqual([[grant.id, "counter"]]);
  });

  it("accepts a typed code in any case with hyphens, and answers 404 for a code that does not exist", async () => {
    const couponId = await createCoupon();
    const customer = await createLineUser("健太");
    const { grant } = await claimed(customer, couponId);
    const staff = await staffMember();
    const typed = `${grant.code.slice(0, 4)}-${grant.code.slice(4, 8)}-${grant.code.slice(8)}`.toLowerCase();
    const ok = await as(staff, "/api/staff/coupons/redeem", { body: { code: typed, storeId: null, channel: "online" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ userId: customer, grant: { channel: "online" } });

    const unknown = await as(staff, "/api/staff/coupons/redeem", { body: { code: "0000-0000-0000" } });
    expect(unknown.status).toBe(404);
    expect(await reasonOf(unknown)).toBe("unknown_code");
    const neither = await as(staff, "/api/staff/coupons/redeem", { body: { storeId: "store-shibuya" } });
    expect(neither.status).toBe(400);
    expect(await neither.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("lets the customer use their own copy once on the use-now screen, and hides it from anyone else", async () => {
    const couponId = await createCoupon();
    const customer = await createLineUser("みさき");
    const stranger = await createLineUser("他人");
    const { grant } = await claimed(customer, couponId);

    const theirs = await as(stranger, `/api/coupons/grants/${grant.id}/use`, { method: "POST" });
    expect(theirs.status).toBe(404);
    const [first, second] = await Promise.all([
      as(customer, `/api/coupons/grants/${grant.id}/use`, { method: "POST" }),
      as(customer, `/api/coupons/grants/${grant.id}/use`, { method: "POST" }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([200, 409]);
    // The customer's own action is not a staff action: nothing in the audit log.
    const audit = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE subject_ref = ?")
      .bind(grant.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(0);
  });

  it("refuses an expired copy with reason expired and lists it among the expired", async () => {
    const couponId = await createCoupon({ startsAt: Date.now() - 60_000, endsAt: Date.now() + 1_500 });
    const customer = await createLineUser("期限切れ");
    const { grant } = await claimed(customer, couponId);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, grant.expiresAt - Date.now() + 50)));
    const staff = await staffMember();
    const late = await as(staff, "/api/staff/coupons/redeem", { body: { grantId: grant.id } });
    expect(late.status).toBe(409);
    expect(await reasonOf(late)).toBe("expired");
    const mine = (await (await as(customer, "/api/coupons")).json()) as {
      available: { coupon: { id: string } }[];
      expired: { grant: { id: string } }[];
    };
    expect(mine.available.filter((i) => i.coupon.id === couponId)).toEqual([]);
    expect(mine.expired.map((i) => i.grant.id)).toEqual([grant.id]);
  });
});

describe("coupon limits and lottery", () => {
  it("issues no more copies than the total limit when ten friends claim at once", async () => {
    const couponId = await createCoupon({ totalLimit: 4 });
    const friends = await Promise.all(Array.from({ length: 10 }, (_, i) => createLineUser(`先着${i}`)));
    const results = await Promise.all(friends.map((f) => claim(f, couponId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(6);
    expect(new Set(await Promise.all(refused.map(reasonOf)))).toEqual(new Set(["sold_out"]));
  });

  it("gives one friend no more copies than the per-user limit, however fast they tap", async () => {
    const couponId = await createCoupon({ perUserLimit: 2 });
    const customer = await createLineUser("連打");
    const results = await Promise.all(Array.from({ length: 6 }, () => claim(customer, couponId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(new Set(await Promise.all(results.filter((r) => r.status === 409).map(reasonOf)))).toEqual(new Set(["limit_reached"]));
    const detail = (await (await as(customer, `/api/coupons/${couponId}`)).json()) as { grants: unknown[]; claim: { refusal: string } };
    expect(detail.grants).toHaveLength(2);
    expect(detail.claim.refusal).toBe("limit_reached");
  });

  it("draws each friend once and never crowns more winners than the coupon allows", async () => {
    const couponId = await createCoupon({ lottery: { winRatePercent: 100, maxWinners: 2 } });
    const friends = await Promise.all(Array.from({ length: 5 }, (_, i) => createLineUser(`抽選${i}`)));
    const results = await Promise.all(friends.map((f) => claim(f, couponId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const losers = friends.filter((_, i) => results[i]?.status === 409);
    expect(losers).toHaveLength(3);
    // A loser asking again is told the same: the draw was decided once.
    const again = await claim(losers[0] as string, couponId);
    expect(again.status).toBe(409);
    expect(await reasonOf(again)).toBe("lottery_lost");
    const draws = await testEnv.DB.prepare("SELECT SUM(won) AS winners, COUNT(*) AS draws FROM coupon_draws WHERE coupon_id = ?")
      .bind(couponId)
      .first<{ winners: number; draws: number }>();
    expect(draws).toEqual({ winners: 2, draws: 5 });
  });

  it("offers a tag-audience coupon only to friends with the tag", async () => {
    const tagId = crypto.randomUUID();
    await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)")
      .bind(tagId, `渋谷-${tagId.slice(0, 6)}`)
      .run();
    const couponId = await createCoupon({ audience: { kind: "tag", tagId } });
    const tagged = await createLineUser("タグあり");
    const other = await createLineUser("タグなし");
    await testEnv.DB.prepare("INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES (?, ?, 'staff', 0)")
      .bind(tagged, tagId)
      .run();

    const listOf = async (u: string) =>
      ((await (await as(u, "/api/coupons")).json()) as { available: { coupon: { id: string }; state: string }[] }).available.filter(
        (i) => i.coupon.id === couponId,
      );
    expect((await listOf(tagged)).map((i) => i.state)).toEqual(["claimable"]);
    expect(await listOf(other)).toEqual([]);
    const refused = await claim(other, couponId);
    expect(refused.status).toBe(403);
    expect(await reasonOf(refused)).toBe("not_in_audience");
    expect((await claim(tagged, couponId)).status).toBe(201);
  });
  it("offers a segment-audience coupon to friends the segment matches now, and refuses the others", async () => {
    const tagId = crypto.randomUUID();
    await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)")
      .bind(tagId, `常連-${tagId.slice(0, 6)}`)
      .run();
    const segmentId = crypto.randomUUID();
    const filter = { kind: "group", match: "all", conditions: [{ kind: "tags", match: "any", tagIds: [tagId] }] };
    await testEnv.DB.prepare(
      "INSERT INTO segments (id, name, description, filter, created_at, updated_at) VALUES (?, '常連さん', '', ?, 0, 0)",
    )
      .bind(segmentId, JSON.stringify(filter))
      .run();
    const couponId = await createCoupon({ audience: { kind: "segment", segmentId } });
    const regular = await createLineUser("常連");
    const newcomer = await createLineUser("はじめて");
    for (const u of [regular, newcomer]) {
      await testEnv.DB.prepare("INSERT INTO friends (line_user_id, status, created_at, updated_at) VALUES (?, 'following', 0, 0)")
        .bind(u)
        .run();
    }
    await testEnv.DB.prepare("INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES (?, ?, 'staff', 0)")
      .bind(regular, tagId)
      .run();

    const offered = async (u: string) =>
      ((await (await as(u, "/api/coupons")).json()) as { available: { coupon: { id: string } }[] }).available.some(
        (i) => i.coupon.id === couponId,
      );
    expect(await offered(regular)).toBe(true);
    expect(await offered(newcomer)).toBe(false);
    expect(await reasonOf(await claim(newcomer, couponId))).toBe("not_in_audience");
    expect((await claim(regular, couponId)).status).toBe(201);
  });
});

describe("coupon administration", () => {
  it("rejects a coupon whose end is before its start, or a discount over 100%, with field messages", async () => {
    const boss = await registerAdmin();
    const backwards = await as(boss, "/api/admin/coupons", { body: couponInput({ startsAt: Date.now(), endsAt: Date.now() - DAY }) });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "endsAt" }] } });
    const tooMuch = await as(boss, "/api/admin/coupons", { body: couponInput({ discount: { kind: "percent", value: 150 } }) });
    expect(tooMuch.status).toBe(400);
    const unknownTag = await as(boss, "/api/admin/coupons", { body: couponInput({ audience: { kind: "tag", tagId: "nope" } }) });
    expect(unknownTag.status).toBe(400);
    expect(await unknownTag.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "audience.tagId" }] } });
  });

  it("keeps customers and staff out of coupon administration", async () => {
    const customer = await createLineUser("客");
    expect((await as(customer, "/api/admin/coupons")).status).toBe(403);
    expect((await as(await staffMember(), "/api/admin/coupons")).status).toBe(403);
    expect((await as(customer, "/api/staff/coupons/redeem", { body: { code: "0000-0000-0000" } })).status).toBe(403);
  });

  it("sends the coupon as a Flex card to its audience in one multicast, once per client key", async () => {
    const tagId = crypto.randomUUID();
    await testEnv.DB.prepare("INSERT INTO tags (id, name, created_at) VALUES (?, ?, 0)")
      .bind(tagId, `配信-${tagId.slice(0, 6)}`)
      .run();
    const couponId = await createCoupon({ audience: { kind: "tag", tagId } });
    const audience = await Promise.all(Array.from({ length: 3 }, (_, i) => createLineUser(`配信${i}`)));
    const outsider = await createLineUser("対象外");
    for (const u of [...audience, outsider]) {
      await testEnv.DB.prepare("INSERT INTO friends (line_user_id, status, created_at, updated_at) VALUES (?, 'following', 0, 0)")
        .bind(u)
        .run();
    }
    for (const u of audience) {
      await testEnv.DB.prepare("INSERT INTO friend_tags (line_user_id, tag_id, source, created_at) VALUES (?, ?, 'staff', 0)")
        .bind(u, tagId)
        .run();
    }
    const clientKey = crypto.randomUUID();
    const boss = await registerAdmin();
    const first = await as(boss, `/api/admin/coupons/${couponId}/send`, { body: { to: "audience", clientKey } });
    expect(first.status).toBe(202);
    expect((await as(boss, `/api/admin/coupons/${couponId}/send`, { body: { to: "audience", clientKey } })).status).toBe(202);

    const detail = await waitForSend(boss, couponId);
    expect(detail).toMatchObject({ status: "done", sent: 3, failed: 0, batches: 1 });
    const { calls } = await sandbox<{ calls: { body: { to: string[]; messages: { type: string; contents: unknown }[] } }[] }>(
      "/__sandbox/calls?endpoint=multicast",
    );
    const ours = calls.filter((c) => JSON.stringify(c.body).includes(couponId));
    expect(ours).toHaveLength(1);
    expect([...(ours[0]?.body.to ?? [])].sort()).toEqual([...audience].sort());
    expect(ours[0]?.body.messages[0]?.type).toBe("flex");
    expect(JSON.stringify(ours[0]?.body.messages[0]?.contents)).toContain(`/coupons/${couponId}`);
  });
});

async function waitForSend(boss: string, couponId: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const body = (await (await as(boss, `/api/admin/coupons/${couponId}`)).json()) as { sends: { status: string }[] };
    const send = body.sends[0];
    if (send?.status === "done") return send;
    if (Date.now() > deadline) throw new Error("coupon send did not finish");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
