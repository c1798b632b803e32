import { describe, expect, it } from "vitest";
import { accountLinkApi, hasLinkedTag, insertMember, linkEvents, linkedUserOf, newMemberNumber } from "./account-link.fixtures.ts";
import { callWorker, createLineUser, idTokenFor, runCron, testEnv } from "./helpers.ts";

interface ErrorJson {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const HOUR = 60 * 60 * 1000;

describe("linking in LIFF with member number + birthday or phone digits", () => {
  it("joins the friend to the member, tags them linked, and shows the link", async () => {
    const userId = await createLineUser("連携 花子");
    const member = await insertMember({ name: "連携 花子", birthday: "1990-04-12" });

    const response = await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990/4/12" });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      linked: true,
      member: { memberNumber: member.memberNumber, name: "連携 花子" },
      method: "liff",
    });
    expect(await linkedUserOf(member.id)).toBe(userId);
    expect(await hasLinkedTag(userId)).toBe(true);
    const tagEvent = await testEnv.DB.prepare(
      "SELECT te.source FROM tag_events te JOIN tags t ON t.id = te.tag_id WHERE te.line_user_id = ? AND t.name = 'linked'",
    )
      .bind(userId)
      .first();
    expect(tagEvent).toEqual({ source: "system" });
    const status = await accountLinkApi(userId, "GET");
    expect(await status.json()).toMatchObject({ linked: true, member: { memberNumber: member.memberNumber } });
  });

  it("links with the phone's last 4 digits typed in full-width, and a second tap changes nothing", async () => {
    const userId = await createLineUser("全角");
    const member = await insertMember({ phoneLast4: "2468" });
    const input = { method: "phone", memberNumber: member.memberNumber, phoneLast4: "２４６８" };

    expect((await accountLinkApi(userId, "POST", input)).status).toBe(200);
    expect((await accountLinkApi(userId, "POST", input)).status).toBe(200);

    expect(await linkedUserOf(member.id)).toBe(userId);
    expect(await linkEvents(userId)).toEqual([{ action: "link", method: "liff" }]);
  });

  it("answers 400 validation_failed for a date that does not exist, and counts no attempt", async () => {
    const userId = await createLineUser("入力ミス");
    const member = await insertMember();

    const response = await accountLinkApi(userId, "POST", {
      method: "birthday",
      memberNumber: member.memberNumber,
      birthday: "1990-02-30",
    });

    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain("生年月日");
    const attempts = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM link_attempts WHERE subject = ?").bind(userId).first();
    expect(attempts).toEqual({ n: 0 });
  });

  it("answers 401 without a verified LINE identity", async () => {
    const response = await callWorker("/api/account-link", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(401);
  });

  it("says how many tries are left after a mismatch, without telling which field was wrong", async () => {
    const userId = await createLineUser("間違い");
    const member = await insertMember({ birthday: "1990-04-12" });

    const wrongBirthday = await accountLinkApi(userId, "POST", {
      method: "birthday",
      memberNumber: member.memberNumber,
      birthday: "1990-04-13",
    });
    const unknownNumber = await accountLinkApi(userId, "POST", {
      method: "birthday",
      memberNumber: newMemberNumber(),
      birthday: "1990-04-12",
    });

    expect(wrongBirthday.status).toBe(400);
    expect(unknownNumber.status).toBe(400);
    const [first, second] = [(await wrongBirthday.json()) as ErrorJson, (await unknownNumber.json()) as ErrorJson];
    expect(first.error.details).toEqual({ remainingAttempts: 4 });
    expect(second.error.details).toEqual({ remainingAttempts: 3 });
    expect(second.error.message.replace(/\d/g, "#")).toBe(first.error.message.replace(/\d/g, "#"));
    expect(await linkedUserOf(member.id)).toBeNull();
  });
});

describe("the link lockout (5 failed checks per hour)", () => {
  it("locks a friend out after 5 failures, even with the right answer, and says when to retry", async () => {
    const userId = await createLineUser("総当たり");
    const member = await insertMember({ birthday: "1990-04-12" });
    for (let i = 0; i < 5; i++) {
      // Different member numbers each time: only the friend's counter fills up.
      const response = await accountLinkApi(userId, "POST", {
        method: "birthday",
        memberNumber: newMemberNumber(),
        birthday: "2000-01-01",
      });
      expect(response.status).toBe(400);
    }
    const before = Date.now();
    const locked = await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" });

    expect(locked.status).toBe(429);
    const body = (await locked.json()) as ErrorJson;
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain("以降にもう一度お試しください");
    const details = body.error.details as { scope: string; retryAt: number; retryAfterSeconds: number };
    expect(details.scope).toBe("friend");
    expect(details.retryAt).toBeGreaterThan(before + HOUR - 60_000);
    expect(details.retryAt).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(details.retryAfterSeconds).toBeGreaterThan(3500);
    expect(await linkedUserOf(member.id)).toBeNull();
  });

  it("locks a member number after 5 failures from different friends, while other numbers still work", async () => {
    const target = await insertMember({ birthday: "1990-04-12" });
    for (let i = 0; i < 5; i++) {
      const attacker = await createLineUser(`攻撃者${i}`);
      const response = await accountLinkApi(attacker, "POST", {
        method: "birthday",
        memberNumber: target.memberNumber,
        birthday: `1990-01-0${i + 1}`,
      });
      expect(response.status).toBe(400);
    }
    const owner = await createLineUser("本人");

    const locked = await accountLinkApi(owner, "POST", { method: "birthday", memberNumber: target.memberNumber, birthday: "1990-04-12" });
    const other = await insertMember({ birthday: "1985-11-03" });
    const elsewhere = await accountLinkApi(owner, "POST", { method: "birthday", memberNumber: other.memberNumber, birthday: "1985-11-03" });

    expect(locked.status).toBe(429);
    expect(((await locked.json()) as ErrorJson).error.details).toMatchObject({ scope: "member" });
    expect(elsewhere.status).toBe(200);
    expect(await linkedUserOf(target.id)).toBeNull();
  });

  it("lets exactly 5 of 12 simultaneous wrong guesses run; the rest are locked out", async () => {
    const userId = await createLineUser("同時");
    const guesses = Array.from({ length: 12 }, () =>
      accountLinkApi(userId, "POST", { method: "phone", memberNumber: newMemberNumber(), phoneLast4: "0000" }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("lets a locked-out friend try again once the hour has passed", async () => {
    const userId = await createLineUser("一時間後");
    const member = await insertMember({ birthday: "1990-04-12" });
    for (let i = 0; i < 5; i++) {
      await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "2000-01-01" });
    }
    expect(
      (await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" })).status,
    ).toBe(429);

    // An hour passes for this friend's and this member's failures.
    await testEnv.DB.prepare("UPDATE link_attempts SET attempted_at = attempted_at - ? WHERE subject IN (?, ?)")
      .bind(HOUR + 1000, userId, member.memberNumber)
      .run();

    expect(
      (await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" })).status,
    ).toBe(200);
  });

  it("forgets failures once they are older than the hour (cron)", async () => {
    const userId = await createLineUser("掃除");
    await accountLinkApi(userId, "POST", { method: "phone", memberNumber: newMemberNumber(), phoneLast4: "0000" });
    const count = () => testEnv.DB.prepare("SELECT COUNT(*) AS n FROM link_attempts WHERE subject = ?").bind(userId).first<{ n: number }>();
    expect(await count()).toEqual({ n: 1 });

    await runCron(Date.now() + 30 * 60 * 1000);
    expect(await count()).toEqual({ n: 1 });
    await runCron(Date.now() + HOUR + 1000);
    expect(await count()).toEqual({ n: 0 });
  });

  it("does not count a successful check as a failure", async () => {
    const userId = await createLineUser("成功");
    const member = await insertMember({ birthday: "1990-04-12" });
    await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" });
    const row = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM link_attempts WHERE subject IN (?, ?)")
      .bind(userId, member.memberNumber)
      .first();
    expect(row).toEqual({ n: 0 });
  });
});

describe("what linking changes on the member card", () => {
  it("shows the linked member's number on the card, with the points earned on the LINE-only card added in", async () => {
    const userId = await createLineUser("カード");
    const card = (token: string) => callWorker("/api/card", { headers: { authorization: `Bearer ${token}` } });
    const token = await idTokenFor(userId);
    const before = (await (await card(token)).json()) as { member: { memberNumber: string; origin: string } };
    expect(before.member.origin).toBe("line");
    const lineOnly = await testEnv.DB.prepare("SELECT id FROM members WHERE line_only_user_id = ?").bind(userId).first<{ id: string }>();
    // 120 points earned on the LINE-only card before linking.
    await testEnv.DB.prepare(
      `INSERT INTO point_ledger (member_id, kind, points, source, idempotency_key, expires_at, expiry_state, created_at)
       VALUES (?, 'grant', 120, 'purchase', ?, ?, 'pending', ?)`,
    )
      .bind(lineOnly?.id, `test:${userId}`, Date.now() + 365 * 24 * HOUR, Date.now())
      .run();
    const member = await insertMember({ birthday: "1990-04-12" });

    await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" });

    const after = (await (await card(token)).json()) as { member: { memberNumber: string; origin: string }; points: { balance: number } };
    expect(after.member).toMatchObject({ memberNumber: member.memberNumber, origin: "import" });
    expect(after.points.balance).toBe(120);
  });
});

describe("refusals and unlinking", () => {
  it("refuses a member already linked to another LINE account, and leaves that link alone", async () => {
    const owner = await createLineUser("先約");
    const member = await insertMember({ lineUserId: owner, birthday: "1990-04-12" });
    const other = await createLineUser("後から");

    const response = await accountLinkApi(other, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" });

    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toContain("別の LINE アカウントと連携済み");
    expect(await linkedUserOf(member.id)).toBe(owner);
    expect(await hasLinkedTag(other)).toBe(false);
  });

  it("refuses to link a second member to a friend who is linked already, and says to unlink first", async () => {
    const userId = await createLineUser("二重");
    const first = await insertMember({ birthday: "1990-04-12" });
    const second = await insertMember({ birthday: "1991-05-13" });
    await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: first.memberNumber, birthday: "1990-04-12" });

    const response = await accountLinkApi(userId, "POST", {
      method: "birthday",
      memberNumber: second.memberNumber,
      birthday: "1991-05-13",
    });

    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.details).toMatchObject({
      reason: "friend_has_other",
      memberNumber: first.memberNumber,
    });
    expect(await linkedUserOf(second.id)).toBeNull();
  });

  it("unlinks: the member is free again, the tag is gone, the history shows both, and unlinking twice is harmless", async () => {
    const userId = await createLineUser("解除");
    const member = await insertMember({ birthday: "1990-04-12" });
    await accountLinkApi(userId, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" });

    const response = await accountLinkApi(userId, "DELETE");
    const again = await accountLinkApi(userId, "DELETE");

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ linked: false, member: null, unlinkedMemberNumber: member.memberNumber });
    expect(again.status).toBe(200);
    expect(await linkedUserOf(member.id)).toBeNull();
    expect(await hasLinkedTag(userId)).toBe(false);
    expect(await linkEvents(userId)).toEqual([
      { action: "link", method: "liff" },
      { action: "unlink", method: "customer" },
    ]);
    // Someone else (or they again) can link the member now.
    const next = await createLineUser("次の人");
    expect(
      (await accountLinkApi(next, "POST", { method: "birthday", memberNumber: member.memberNumber, birthday: "1990-04-12" })).status,
    ).toBe(200);
  });
});
