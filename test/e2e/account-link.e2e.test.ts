import type { Page } from "playwright-core";
import { describe, expect, inject, it, type TestContext } from "vitest";
import { PHONE, useBrowser } from "./browser.ts";
import { botTexts, chatOf, createCustomer, liffAppUrl, sendAs, waitForBotMessages } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

const liffUrl = (path: string, userId: string) => liffAppUrl(urls, path, userId);

async function newPage(test: Pick<TestContext, "task" | "onTestFailed">): Promise<Page> {
  return (await browser.newContext(test, { viewport: PHONE })).newPage();
}

describe("account linking", () => {
  it("links through the shop's website login: menu tap, login page, LINE's dialog, confirmation in the chat, shown in LIFF", async ({
    task,
    onTestFailed,
  }) => {
    const customer = await createCustomer(urls.sandbox, `E2E ショウ ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    await sendAs(urls.sandbox, customer.userId, { type: "postback", data: "action=link-account" });
    await waitForBotMessages(urls.sandbox, customer.userId, 2);
    const loginLink = (await chatOf(urls.sandbox, customer.userId)).find((i) => i.message.type === "template")?.message.template
      ?.actions?.[0]?.uri;
    expect(loginLink).toContain("/link/login?linkToken=");

    const page = await newPage({ task, onTestFailed });
    await page.goto(loginLink ?? "");
    await page.getByText("ショップのアカウントにログインすると").waitFor();
    // The demo shop account of member 100004 (db/seed/demo.sql).
    await page.getByLabel("メールアドレス").fill("sho@example.com");
    await page.getByLabel("パスワード").fill("enishi-demo");
    await page.getByRole("button", { name: /ログインして連携する/ }).click();

    // The Worker redirects to LINE's dialog (here the sandbox's), which sends the accountLink event.
    await page.getByText("Accounts linked").waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("/dialog/bot/accountLink?linkToken=");
    await waitForBotMessages(urls.sandbox, customer.userId, 4);
    const texts = await botTexts(urls.sandbox, customer.userId);
    expect(texts.some((t) => t.includes("会員番号 100004 と LINE アカウントを連携しました"))).toBe(true);

    await page.goto(liffUrl("/account-link", customer.userId));
    const status = page.getByTestId("link-status");
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toContain("100004");
    await page.context().close();
  }, 60_000);

  it("links in LIFF with member number + birthday after a wrong try, then unlinks with a confirmation", async ({ task, onTestFailed }) => {
    const customer = await createCustomer(urls.sandbox, `E2E さくら ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    const page = await newPage({ task, onTestFailed });
    await page.goto(liffUrl("/", customer.userId));
    await page.getByTestId("friend-status").waitFor({ timeout: 15_000 });
    // From the home page through the nav, as a customer would.
    await page.getByRole("link", { name: /会員連携/ }).click();
    await page.getByText("会員連携とは").waitFor({ timeout: 15_000 });

    // Member 100005 (伊藤 さくら, born 2001-03-15) in the demo seed; first a wrong birthday.
    const memberNumber = page.locator('input[name="memberNumber"]');
    const birthday = page.locator('input[name="birthday"]');
    await memberNumber.fill("１０００05");
    await birthday.fill("2001-03-16");
    await page.getByRole("button", { name: /^連携する/ }).click();
    const mismatch = page.getByTestId("link-mismatch");
    await mismatch.waitFor();
    expect(await mismatch.textContent()).toContain("あと4回");

    await birthday.fill("2001-03-15");
    await page.getByRole("button", { name: /^連携する/ }).click();
    const status = page.getByTestId("link-status");
    await status.waitFor();
    expect(await status.textContent()).toContain("伊藤 さくら");

    await page.getByTestId("unlink").click();
    await page.getByText("連携を解除すると").waitFor();
    await page.getByRole("button", { name: /^解除する/ }).click();
    await page.getByTestId("link-form").waitFor();
    await page.context().close();
  }, 60_000);
});
