/**
 * The shop's own website in LINE's account-link flow (decision 014): after its login, it asks
 * `POST /api/shop/link-nonces` (signed with SHOP_API_SECRET) for a nonce → member and sends the browser to
 * LINE's dialog; the accountLink event then links the member like the built-in login page's flow does.
 */
import { describe, expect, it } from "vitest";
import { hasLinkedTag, insertMember, linkEvents, linkedUserOf } from "./account-link.fixtures.ts";
import { callWorker, chatOf, createLineUser, makeEvent, postWebhook, testEnv, waitFor, waitForBotMessages } from "./helpers.ts";
import { type ShopCallOptions, shopPost } from "./shop-api.fixtures.ts";

/** The shop's server calling us, signed as the README tells it to. */
const shopCall = (body: unknown, options?: ShopCallOptions) => shopPost("/api/shop/link-nonces", body, options);

/** A link token as LINE issues it for this user (the sandbox's linkToken endpoint, called by the bot). */
async function linkTokenFor(userId: string): Promise<string> {
  await postWebhook([await makeEvent(userId, { type: "postback", data: "action=link-account" })]);
  const uri = await waitFor(async () => {
    const items = (await chatOf(userId)) as { from: string; message: { type: string; template?: { actions?: { uri?: string }[] } } }[];
    return items.find((i) => i.from === "bot" && i.message.type === "template")?.message.template?.actions?.[0]?.uri;
  }, "login link");
  return new URL(uri).searchParams.get("linkToken") ?? "";
}

async function nonceRows(memberId: string): Promise<number> {
  const row = await testEnv.DB.prepare("SELECT COUNT(*) AS n FROM link_nonces WHERE member_id = ?").bind(memberId).first<{ n: number }>();
  return row?.n ?? 0;
}

describe("shop website API: POST /api/shop/link-nonces", () => {
  it("gives the shop's server a nonce and LINE's dialog URL; the accountLink event then links that member", async () => {
    const userId = await createLineUser("ショップ 会員");
    const member = await insertMember({ name: "ショップ 会員" });
    const linkToken = await linkTokenFor(userId);

    // Member numbers as people type them (full-width digits) are read like the LIFF form reads them.
    const fullWidth = member.memberNumber.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const res = await shopCall({ linkToken, memberNumber: fullWidth });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { nonce: string; dialogUrl: string; expiresAt: number };
    expect(body.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt - Date.now()).toBeGreaterThan(9 * 60 * 1000);
    const dialog = new URL(body.dialogUrl);
    expect(`${dialog.origin}${dialog.pathname}`).toBe(`${testEnv.SANDBOX_URL}/dialog/bot/accountLink`);
    expect(dialog.searchParams.get("linkToken")).toBe(linkToken);
    expect(dialog.searchParams.get("nonce")).toBe(body.nonce);

    // The browser goes to LINE's dialog, LINE sends the accountLink event.
    expect(await (await fetch(dialog)).text()).toContain("Accounts linked");
    await postWebhook([await makeEvent(userId, { type: "accountLink", result: "ok", nonce: body.nonce })]);

    const texts = await waitForBotMessages(userId, 3);
    expect(texts[1]).toContain(`会員番号 ${member.memberNumber} と LINE アカウントを連携しました`);
    expect(await linkedUserOf(member.id)).toBe(userId);
    expect(await hasLinkedTag(userId)).toBe(true);
    expect(await linkEvents(userId)).toEqual([{ action: "link", method: "account_link" }]);
  });

  it("refuses unsigned, wrongly signed, tampered and stale calls with 401, storing nothing", async () => {
    const member = await insertMember();
    const input = { linkToken: "lt-0123456789abcdef", memberNumber: member.memberNumber };

    const unsigned = await callWorker("/api/shop/link-nonces", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({
      error: { code: "unauthorized", message: expect.stringContaining("署名ヘッダーがありません") },
    });

    const wrongSecret = await shopCall(input, { secret: "someone-else-s-secret-0123456789abcdef" });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: { message: expect.stringContaining("署名が一致しません") } });

    // Another member number under the original signature: the body no longer matches.
    const tampered = await shopCall(input, { tamper: (raw) => raw.replace(member.memberNumber, "100003") });
    expect(tampered.status).toBe(401);

    const stale = await shopCall(input, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: { message: expect.stringContaining("古すぎます") } });

    expect(await nonceRows(member.id)).toBe(0);
  });

  it("says what is wrong with a signed but bad request: 400 body, 404 unknown member, 409 already linked", async () => {
    const notJson = await shopCall("linkToken=abc");
    expect(notJson.status).toBe(400);

    const invalid = await shopCall({ linkToken: "短い", memberNumber: "" });
    expect(invalid.status).toBe(400);
    const problem = (await invalid.json()) as { error: { code: string; details: { path: string }[] } };
    expect(problem.error.code).toBe("validation_failed");
    expect([...new Set(problem.error.details.map((d) => d.path))].sort()).toEqual(["linkToken", "memberNumber"]);

    const unknown = await shopCall({ linkToken: "lt-0123456789abcdef", memberNumber: "999999999999" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("会員はいません") } });

    const someone = await createLineUser("連携済み");
    const linked = await insertMember({ lineUserId: someone });
    const taken = await shopCall({ linkToken: "lt-0123456789abcdef", memberNumber: linked.memberNumber });
    expect(taken.status).toBe(409);
    expect(await nonceRows(linked.id)).toBe(0);
  });
});
