import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_STAFF_ID } from "../dev/demo-users.ts";
import { PHONE, useBrowser } from "./browser.ts";
import { createCustomer, liffAppUrl, sendAs, waitForBotMessages } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

const appUrl = (path: string, userId: string) => liffAppUrl(urls, path, userId);

async function shownCode(page: Page): Promise<string> {
  const code = await page.getByTestId("card-qr").getAttribute("data-code");
  if (!code) throw new Error("the card shows no code");
  return code;
}

describe("member card at the counter", () => {
  it("shows a rotating QR to the customer; staff scan it, award points, and the card shows the new balance", async ({
    task,
    onTestFailed,
  }) => {
    const customer = await createCustomer(urls.sandbox, `E2E カード ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    await waitForBotMessages(urls.sandbox, customer.userId, 1);

    const customerContext = await browser.newContext({ task, onTestFailed }, { viewport: PHONE });
    const staffContext = await browser.newContext({ task, onTestFailed }, { viewport: { width: 1024, height: 900 } });

    // The customer opens the card: a LINE-only membership on first open, 0 points, a QR of a signed code.
    const card = await customerContext.newPage();
    await card.goto(appUrl("/card", customer.userId));
    await card.getByTestId("card-qr").waitFor({ timeout: 20_000 });
    expect(await card.getByTestId("points-balance").textContent()).toContain("0");
    expect(await card.getByTestId("card-rank").textContent()).toContain("レギュラー");
    const firstCode = await shownCode(card);
    expect(firstCode).toMatch(/^EN1\./);
    // While open the code is renewed by itself (not a static picture).
    await expect.poll(() => shownCode(card), { timeout: 15_000, interval: 500 }).not.toBe(firstCode);
    const code = await shownCode(card);

    // Staff at 渋谷店 type the code into the scanner.
    const scanner = await staffContext.newPage();
    await scanner.goto(appUrl("/staff/scan", DEMO_STAFF_ID));
    await scanner.getByTestId("store-picker").selectOption("store-shibuya");
    await scanner.getByTestId("scan-code-input").fill(code);
    await scanner.getByTestId("scan-code-submit").click();
    const member = scanner.getByTestId("scan-member");
    await member.waitFor({ timeout: 15_000 });
    expect(await member.textContent()).toContain(customer.displayName);
    expect(await scanner.getByTestId("scan-balance").textContent()).toBe("0");

    await scanner.getByTestId("award-amount").fill("2,480");
    await scanner.getByTestId("award-submit").click();
    await scanner.getByTestId("award-result").filter({ hasText: "24 pt を付与しました" }).waitFor({ timeout: 15_000 });

    // The same code again (a screenshot, a second clerk): refused, and it says why.
    await scanner.getByTestId("scan-next").click();
    await scanner.getByTestId("scan-code-input").fill(code);
    await scanner.getByTestId("scan-code-submit").click();
    const refusal = scanner.getByTestId("scan-refusal");
    await refusal.waitFor();
    expect(await refusal.getAttribute("data-reason")).toBe("already_used");
    expect(await refusal.textContent()).toContain("すでに読み取り済み");

    // The open card notices the new balance at its next code refresh, without a reload.
    await card.getByTestId("points-balance").filter({ hasText: "24" }).waitFor({ timeout: 20_000 });
    await card.getByTestId("history-item").filter({ hasText: "渋谷店" }).first().waitFor();

    await customerContext.close();
    await staffContext.close();
  }, 90_000);

  it("tells staff when a typed code is not a member card", async ({ task, onTestFailed }) => {
    const staffContext = await browser.newContext({ task, onTestFailed });
    const scanner = await staffContext.newPage();
    await scanner.goto(appUrl("/staff/scan", DEMO_STAFF_ID));
    await scanner.getByTestId("scan-code-input").fill("hello");
    await scanner.getByTestId("scan-code-submit").click();
    const refusal = scanner.getByTestId("scan-refusal");
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.getAttribute("data-reason")).toBe("not_a_card_code");
    await staffContext.close();
  }, 60_000);
});
