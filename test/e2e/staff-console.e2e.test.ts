import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF_ID } from "../dev/demo-users.ts";
import { launchChromium, saveScreenshot } from "./browser.ts";
import { createCustomer, sendAs, waitForBotMessages } from "./sandbox.ts";

const { urls, chromiumPath } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium(chromiumPath);
});
afterAll(async () => {
  await browser?.close();
});

describe("staff console", () => {
  it("shows a customer's conversation, opened from the simulator's staff link", async ({ task, onTestFailed }) => {
    // The customer's side is set up through the sandbox API: this test is about what staff see.
    const customer = await createCustomer(urls.sandbox, `E2E ケンジ ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    await sendAs(urls.sandbox, customer.userId, { type: "message", text: "予約の変更はできますか？" });
    await waitForBotMessages(urls.sandbox, customer.userId, 2);

    const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 1280, height: 900 } });
    const simulator = await context.newPage();
    onTestFailed(async () => {
      for (const [i, p] of context.pages().entries()) await saveScreenshot(p, `${task.name}-${i}`);
    });
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
});
