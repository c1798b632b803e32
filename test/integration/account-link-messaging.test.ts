import { describe, expect, it } from "vitest";
import { asRedelivery, buildEvent } from "../line-sandbox/src/events.ts";
import { hasLinkedTag, insertMember, insertShopAccount, linkEvents, linkedUserOf } from "./account-link.fixtures.ts";
import {
  callWorker,
  chatOf,
  createLineUser,
  issueReplyToken,
  makeEvent,
  postWebhook,
  sandbox,
  testEnv,
  waitFor,
  waitForBotMessages,
} from "./helpers.ts";

/** LINE link-token calls for this user (the user id is in the path, not the body). */
async function linkTokenCalls(userId: string): Promise<number> {
  const { calls } = await sandbox<{ calls: { path: string; status: number }[] }>("/__sandbox/calls?endpoint=linkToken");
  return calls.filter((c) => c.path.includes(userId) && c.status === 200).length;
}

/** What the LINE app shows: a template's button URI (the login link). */
async function loginLinkSentTo(userId: string): Promise<string> {
  return waitFor(async () => {
    const items = (await chatOf(userId)) as { from: string; message: { type: string; template?: { actions?: { uri?: string }[] } } }[];
    return items.find((i) => i.from === "bot" && i.message.type === "template")?.message.template?.actions?.[0]?.uri;
  }, "login link");
}

/** Taps "ログインして連携" (the rich menu's link-account postback) and returns the login page URL. */
async function startLinking(userId: string): Promise<URL> {
  await postWebhook([await makeEvent(userId, { type: "postback", data: "action=link-account" })]);
  return new URL(await loginLinkSentTo(userId));
}

/** Opens the login page as a browser would and submits the form; returns the Worker's answer. */
async function logIn(loginUrl: URL, loginId: string, password: string, options: { origin?: string; dropCookie?: boolean } = {}) {
  const page = await callWorker(`${loginUrl.pathname}${loginUrl.search}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const form = new URLSearchParams({ linkToken: loginUrl.searchParams.get("linkToken") ?? "", csrf, loginId, password });
  return callWorker("/link/login", {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: options.origin ?? "http://enishi.test",
      ...(options.dropCookie ? {} : { cookie }),
    },
    body: form.toString(),
  });
}

/** LINE's side after the dialog: the accountLink event for this user and nonce, signed like LINE. */
async function accountLinkEvent(userId: string, result: "ok" | "failed", nonce: string) {
  return makeEvent(userId, { type: "accountLink", result, nonce }, result === "ok" ? {} : { replyToken: "" });
}

async function completeLogin(userId: string, memberId: string, loginId: string): Promise<string> {
  await insertShopAccount(memberId, loginId, "correct horse");
  const redirect = await logIn(await startLinking(userId), loginId, "correct horse");
  expect(redirect.status).toBe(303);
  const dialog = new URL(redirect.headers.get("location") ?? "");
  return dialog.searchParams.get("nonce") ?? "";
}

async function botMessageCount(userId: string): Promise<number> {
  return (await chatOf(userId)).filter((i) => i.from === "bot").length;
}

describe("LINE's account-link flow (linkToken → shop login → nonce → accountLink event)", () => {
  it("links end to end: login link in the chat, login, LINE's dialog, the accountLink event, a confirmation", async () => {
    const userId = await createLineUser("ウェブ 会員");
    const member = await insertMember({ name: "ウェブ 会員" });
    await insertShopAccount(member.id, "web@example.com", "correct horse");

    const loginUrl = await startLinking(userId);
    expect(loginUrl.origin + loginUrl.pathname).toBe("http://app.test/link/login");
    // The same message offers the LIFF way (member number + birthday) for customers without a web account.
    const offered = (await chatOf(userId)) as { message: { template?: { actions?: { label: string; uri?: string }[] } } }[];
    expect(offered.at(-1)?.message.template?.actions?.map((a) => [a.label, a.uri?.split("?")[0]])).toEqual([
      ["ログインして連携", "http://app.test/link/login"],
      ["会員番号で連携", "http://app.test/account-link"],
    ]);
    expect(await linkTokenCalls(userId)).toBe(1);

    const redirect = await logIn(loginUrl, "Web@Example.com", "correct horse");
    expect(redirect.status).toBe(303);
    const dialog = new URL(redirect.headers.get("location") ?? "");
    expect(`${dialog.origin}${dialog.pathname}`).toBe(`${testEnv.SANDBOX_URL}/dialog/bot/accountLink`);
    expect(dialog.searchParams.get("linkToken")).toBe(loginUrl.searchParams.get("linkToken"));
    const nonce = dialog.searchParams.get("nonce") ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // LINE's dialog accepts the link token (the sandbox consumes it as LINE does) …
    const dialogPage = await fetch(dialog);
    expect(await dialogPage.text()).toContain("Accounts linked");
    // … and LINE sends the accountLink event to the bot.
    await postWebhook([await accountLinkEvent(userId, "ok", nonce)]);

    const texts = await waitForBotMessages(userId, 3);
    expect(texts[1]).toContain(`会員番号 ${member.memberNumber} と LINE アカウントを連携しました`);
    expect(texts[1]).toContain("いつでも解除できます");
    expect(texts[2]).toContain("連携の確認・解除");
    expect(await linkedUserOf(member.id)).toBe(userId);
    expect(await hasLinkedTag(userId)).toBe(true);
    expect(await linkEvents(userId)).toEqual([{ action: "link", method: "account_link" }]);
  });

  it("uses a nonce once: a second accountLink event with it links nothing and says to start again", async () => {
    const userId = await createLineUser("一回きり");
    const member = await insertMember();
    const nonce = await completeLogin(userId, member.id, "once@example.com");
    await postWebhook([await accountLinkEvent(userId, "ok", nonce)]);
    await waitForBotMessages(userId, 3);
    // Unlink, then replay the same nonce: it must not link again.
    await testEnv.DB.prepare("UPDATE members SET line_user_id = NULL WHERE id = ?").bind(member.id).run();

    await postWebhook([await accountLinkEvent(userId, "ok", nonce)]);

    const texts = await waitForBotMessages(userId, 4);
    expect(texts[3]).toContain("有効期限が切れたか、すでに使われています");
    expect(await linkedUserOf(member.id)).toBeNull();
  });

  it("lets two events race for one nonce: exactly one links", async () => {
    const member = await insertMember();
    const first = await createLineUser("競争A");
    const nonce = await completeLogin(first, member.id, "race@example.com");
    const second = await createLineUser("競争B");

    await postWebhook([await accountLinkEvent(first, "ok", nonce), await accountLinkEvent(second, "ok", nonce)]);

    const owner = await waitFor(() => linkedUserOf(member.id).then((u) => u ?? undefined), "member linked");
    await waitForBotMessages(first, 2);
    await waitForBotMessages(second, 1);
    expect([first, second]).toContain(owner);
    const used = await testEnv.DB.prepare("SELECT used_by_user_id FROM link_nonces WHERE nonce = ?").bind(nonce).first();
    expect(used).toEqual({ used_by_user_id: owner });
  });

  it("does nothing with an expired nonce (10 minutes)", async () => {
    const userId = await createLineUser("期限切れ");
    const member = await insertMember();
    const nonce = await completeLogin(userId, member.id, "late@example.com");
    const row = await testEnv.DB.prepare("SELECT created_at, expires_at FROM link_nonces WHERE nonce = ?")
      .bind(nonce)
      .first<{ created_at: number; expires_at: number }>();
    expect((row?.expires_at ?? 0) - (row?.created_at ?? 0)).toBe(10 * 60 * 1000);
    await testEnv.DB.prepare("UPDATE link_nonces SET expires_at = ? WHERE nonce = ?")
      .bind(Date.now() - 1, nonce)
      .run();

    await postWebhook([await accountLinkEvent(userId, "ok", nonce)]);

    const texts = await waitForBotMessages(userId, 2);
    expect(texts[1]).toContain("有効期限が切れた");
    expect(await linkedUserOf(member.id)).toBeNull();
  });

  it("does nothing when LINE reports the link failed: no link, nonce unused, no message", async () => {
    const userId = await createLineUser("失敗");
    const member = await insertMember();
    const nonce = await completeLogin(userId, member.id, "failed@example.com");
    const before = await botMessageCount(userId);

    const event = buildEvent({ type: "accountLink", result: "failed", nonce }, { userId });
    await postWebhook([event]);
    await waitFor(
      () =>
        testEnv.DB.prepare("SELECT processed_at FROM webhook_events WHERE webhook_event_id = ?")
          .bind(event.webhookEventId)
          .first<{ processed_at: number | null }>()
          .then((r) => r?.processed_at ?? undefined),
      "event processed",
    );

    expect(await linkedUserOf(member.id)).toBeNull();
    expect(await botMessageCount(userId)).toBe(before);
    const row = await testEnv.DB.prepare("SELECT used_at FROM link_nonces WHERE nonce = ?").bind(nonce).first();
    expect(row).toEqual({ used_at: null });
  });

  it("acts once on a redelivered accountLink event: one link, one history row, one confirmation", async () => {
    const userId = await createLineUser("再送");
    const member = await insertMember();
    const nonce = await completeLogin(userId, member.id, "redeliver@example.com");
    const event = await accountLinkEvent(userId, "ok", nonce);
    await postWebhook([event]);
    await waitForBotMessages(userId, 3);

    const again = await postWebhook([asRedelivery(event)]);

    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ queued: 0 });
    expect(await linkEvents(userId)).toEqual([{ action: "link", method: "account_link" }]);
    // The login link, the confirmation and its button: nothing more.
    expect(await botMessageCount(userId)).toBe(3);
  });

  it("finishes its own half-done work when the queue retries the event that consumed the nonce", async () => {
    const userId = await createLineUser("途中");
    const member = await insertMember();
    const nonce = await completeLogin(userId, member.id, "resume@example.com");
    const event = buildEvent({ type: "accountLink", result: "ok", nonce }, { userId, replyToken: await issueReplyToken(userId) });
    // A first run consumed the nonce for this very event and then crashed before linking.
    await testEnv.DB.prepare("UPDATE link_nonces SET used_at = ?, used_by_user_id = ?, used_by_event_id = ? WHERE nonce = ?")
      .bind(Date.now(), userId, event.webhookEventId, nonce)
      .run();

    await postWebhook([event]);

    const texts = await waitForBotMessages(userId, 2);
    expect(texts[1]).toContain("連携しました");
    expect(await linkedUserOf(member.id)).toBe(userId);
  });

  it("links the event's own source.userId, not whoever started the flow", async () => {
    const starter = await createLineUser("開始した人");
    const member = await insertMember();
    const nonce = await completeLogin(starter, member.id, "source@example.com");
    const other = await createLineUser("イベントの主");

    await postWebhook([await accountLinkEvent(other, "ok", nonce)]);

    await waitForBotMessages(other, 1);
    expect(await linkedUserOf(member.id)).toBe(other);
  });
});

describe("the demo shop login page", () => {
  it("explains itself in Japanese first, and asks to open it from LINE without a link token", async () => {
    const response = await callWorker("/link/login");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("LINE から開いてください");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a form posted from another site or without its CSRF cookie", async () => {
    const userId = await createLineUser("CSRF");
    const member = await insertMember();
    await insertShopAccount(member.id, "csrf@example.com", "correct horse");
    const loginUrl = await startLinking(userId);

    const foreign = await logIn(loginUrl, "csrf@example.com", "correct horse", { origin: "https://evil.example" });
    const noCookie = await logIn(loginUrl, "csrf@example.com", "correct horse", { dropCookie: true });

    expect(foreign.status).toBe(403);
    expect(noCookie.status).toBe(403);
    expect(await foreign.text()).toContain("安全のため");
    const nonces = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM link_nonces WHERE member_id = ?").bind(member.id).first();
    expect(nonces).toEqual({ n: 0 });
  });

  it("refuses a wrong password with the tries left, and locks the login after 5 failures", async () => {
    const userId = await createLineUser("パスワード");
    const member = await insertMember();
    await insertShopAccount(member.id, "guess@example.com", "correct horse");
    const loginUrl = await startLinking(userId);

    const first = await logIn(loginUrl, "guess@example.com", "wrong");
    expect(first.status).toBe(401);
    expect(await first.text()).toContain("パスワードが違います（あと4回）");
    for (let i = 0; i < 4; i++) await logIn(loginUrl, "guess@example.com", `wrong${i}`);
    const locked = await logIn(loginUrl, "guess@example.com", "correct horse");

    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("以降にもう一度お試しください");
  });

  it("tells the customer when the membership is already linked to a LINE account", async () => {
    const owner = await createLineUser("連携済み");
    const member = await insertMember({ lineUserId: owner });
    await insertShopAccount(member.id, "taken@example.com", "correct horse");
    const other = await createLineUser("別の人");

    const response = await logIn(await startLinking(other), "taken@example.com", "correct horse");

    expect(response.status).toBe(409);
    expect(await response.text()).toContain("すでに LINE アカウントと連携されています");
  });

  it("answers an already linked friend's link-account tap with their membership instead of a login link", async () => {
    const userId = await createLineUser("もう連携済み");
    const member = await insertMember({ lineUserId: userId });

    await postWebhook([await makeEvent(userId, { type: "postback", data: "action=link-account" })]);

    const [text] = await waitForBotMessages(userId, 1);
    expect(text).toContain(`すでに会員番号 ${member.memberNumber} と連携しています`);
    expect(await linkTokenCalls(userId)).toBe(0);
  });
});
