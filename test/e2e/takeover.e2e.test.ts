import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";
import { BOT_TIMEOUT, botItem, newSimulatorCustomer, send } from "./simulator.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

describe("human takeover", () => {
  it("hands an out-of-scope question to staff, who answer and resolve it; then the bot answers again", async ({ task, onTestFailed }) => {
    const context = await browser.newContext({ task, onTestFailed }, { viewport: { width: 1400, height: 900 } });
    const customer = await context.newPage();
    const name = `E2E 引継ぎ ${Date.now().toString(36)}`;

    // The customer, in the chat simulator: becomes a friend and asks what the FAQ does not cover.
    await newSimulatorCustomer(customer, urls.simulator, name);
    await customer.getByTestId("follow-button").click();
    await botItem(customer, "友だち追加ありがとうございます").waitFor({ timeout: BOT_TIMEOUT });
    await send(customer, "ペットを連れて入れますか");
    await botItem(customer, "スタッフにおつなぎします").waitFor({ timeout: BOT_TIMEOUT });

    // Staff, in the console: the chat is waiting in the inbox.
    const [staff] = await Promise.all([context.waitForEvent("page"), customer.getByTestId("staff-console-link").click()]);
    await staff.getByTestId("live-status").and(staff.locator('[data-status="live"]')).waitFor({ timeout: 20_000 });
    await staff.getByTestId("filter-waiting").click();
    const item = staff.locator('[data-testid="conversation-item"][data-state="waiting"]').filter({ hasText: name });
    await item.waitFor({ timeout: BOT_TIMEOUT });
    await item.click();
    await staff.getByTestId("conversation-name").filter({ hasText: name }).waitFor();
    await staff.getByTestId("timeline-message").filter({ hasText: "ペットを連れて入れますか" }).first().waitFor();
    expect(await staff.getByTestId("takeover-bar").getAttribute("data-state")).toBe("waiting");

    // Staff answer: the customer sees it, and the chat is now theirs.
    const answer = "小型犬でしたらテラス席でご一緒いただけます。";
    await staff.getByTestId("reply-input").fill(answer);
    await staff.getByTestId("reply-send").click();
    await botItem(customer, answer).waitFor({ timeout: BOT_TIMEOUT });
    await staff.locator('[data-testid="takeover-bar"][data-state="staff"]').waitFor({ timeout: BOT_TIMEOUT });

    // While staff have the chat the bot stays silent.
    const botCount = await botItem(customer).count();
    await send(customer, "ありがとうございます");
    await staff.getByTestId("timeline-message").filter({ hasText: "ありがとうございます" }).first().waitFor({ timeout: BOT_TIMEOUT });
    expect(await botItem(customer).count()).toBe(botCount);

    // Resolved: back to the bot, which answers the next FAQ question with 解決した / 解決しない.
    await staff.getByTestId("resolve-chat").click();
    await staff.locator('[data-testid="takeover-bar"][data-state="bot"]').waitFor({ timeout: BOT_TIMEOUT });
    await send(customer, "営業時間を教えてください");
    // The answer itself (a message stamped 08:00 would match "8:00" alone).
    await botItem(customer, "8:00〜21:00").waitFor({ timeout: BOT_TIMEOUT });
    await customer.getByTestId("quick-reply-chip").filter({ hasText: "解決した" }).waitFor();

    await context.close();
  }, 90_000);
});
