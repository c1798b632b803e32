import { describe, expect, inject, it } from "vitest";
import { DEMO_ADMIN_ID, DEMO_STAFF_ID } from "../dev/demo-users.ts";
import { DESKTOP, useBrowser } from "./browser.ts";
import { createCustomer, liffAppUrl, sendAs, waitForBotMessages } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

describe("staff console", () => {
  it("shows a customer's conversation, opened from the simulator's staff link", async ({ task, onTestFailed }) => {
    // The customer's side is set up through the sandbox API: this test is about what staff see.
    const customer = await createCustomer(urls.sandbox, `E2E ケンジ ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    await sendAs(urls.sandbox, customer.userId, { type: "message", text: "予約の変更はできますか？" });
    await waitForBotMessages(urls.sandbox, customer.userId, 2);

    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP });
    const simulator = await context.newPage();
    await simulator.goto(urls.simulator);
    const link = simulator.getByTestId("staff-console-link");
    expect(await link.getAttribute("href")).toContain(`mockUser=${DEMO_STAFF_ID}`);
    const [staff] = await Promise.all([context.waitForEvent("page"), link.click()]);

    const conversation = staff.locator(`[data-testid="conversation-item"][data-user-id="${customer.userId}"]`);
    await conversation.waitFor({ timeout: 20_000 });
    await conversation.click();
    await staff.getByTestId("conversation-name").filter({ hasText: customer.displayName }).waitFor();
    const timeline = staff.getByTestId("timeline-message");
    await timeline.filter({ hasText: "予約の変更はできますか？" }).first().waitFor();
    expect(await staff.locator('[data-testid="timeline-message"][data-sender="bot"]').count()).toBeGreaterThanOrEqual(2);

    await context.close();
  }, 60_000);

  it("opens the console build when staff go from the customer area to their screens", async ({ task, onTestFailed }) => {
    // Customers get the small preact/compat build at /, staff and admin screens the React console build from
    // /console/ (decision 021): a nav link out of the customer area is a full load of the console.
    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP });
    const page = await context.newPage();
    const entry = () => page.locator('script[type="module"]').first().getAttribute("src");
    await page.goto(liffAppUrl(urls, "/coupons", DEMO_STAFF_ID));
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
    expect(await entry()).toMatch(/^\/assets\/index-/);

    await page.getByRole("link", { name: /スキャン/ }).click();
    await page.getByTestId("scan-code-input").waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe("/staff/scan");
    expect(await entry()).toMatch(/^\/console\/assets\/index-/);

    // And back: the console shows customer pages too, with the same identity (kept for the tab).
    await page
      .getByRole("link", { name: /クーポン/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe("/coupons");
    await context.close();
  }, 60_000);

  it("gives admins one entry to the console: its home lists every area, and the area bar marks where they are", async ({
    task,
    onTestFailed,
  }) => {
    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(liffAppUrl(urls, "/admin", DEMO_ADMIN_ID));
    const areas = page.getByRole("navigation", { name: /Admin areas/ });
    await areas.waitFor({ timeout: 20_000 });
    // The header has one admin entry, not one per area.
    const header = page.getByRole("navigation", { name: /Areas$/ });
    expect(await header.getByRole("link", { name: /セグメント/ }).count()).toBe(0);
    expect(await header.getByRole("link", { name: /管理/ }).count()).toBe(1);

    const main = page.getByRole("main");
    await main.getByRole("link", { name: /ステップ配信/ }).click();
    await page.getByRole("heading", { level: 1, name: /ステップ配信/ }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe("/admin/scenarios");
    expect(await areas.getByRole("link", { name: /ステップ配信/ }).getAttribute("aria-current")).toBe("page");
    expect(await areas.getByRole("link", { name: /管理トップ/ }).getAttribute("aria-current")).toBeNull();

    // Every area the bar offers opens a screen of its own, not the not-found page.
    for (const href of await areas.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
      await areas.locator(`a[href="${href}"]`).click();
      await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
      expect(await page.getByText("ページが見つかりません").count(), href).toBe(0);
    }
    await context.close();
  }, 90_000);
});
