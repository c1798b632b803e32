import { describe, expect, inject, it } from "vitest";
import { DESKTOP, useBrowser } from "./browser.ts";
import { BOT_TIMEOUT, botItem, newSimulatorCustomer, send } from "./simulator.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

describe("chat simulator", () => {
  it("follows and talks to the bot as a new customer, then opens the LIFF app as that customer", async ({ task, onTestFailed }) => {
    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP });
    const page = await context.newPage();
    const name = `E2E 花子 ${Date.now().toString(36)}`;

    await newSimulatorCustomer(page, urls.simulator, name);
    await page.getByTestId("chat-empty").waitFor();

    // Follow: the Worker fetches the profile and greets.
    await page.getByTestId("follow-button").click();
    await botItem(page, "友だち追加ありがとうございます").waitFor({ timeout: BOT_TIMEOUT });
    expect(await page.getByTestId("friend-status").getAttribute("data-friend")).toBe("true");

    // A question from the seeded FAQ: acknowledged today, answered once the FAQ bot lands (issue #4).
    await send(page, "営業時間を教えてください");
    const reply = botItem(page, /メッセージありがとうございます|8:00/);
    await reply.waitFor({ timeout: BOT_TIMEOUT });
    expect(await page.getByTestId("webhook-status").getAttribute("data-status")).toBe("200");
    const items = page.getByTestId("chat-item");
    expect(await items.last().getAttribute("data-from")).toBe("bot");

    // The LIFF app as this customer: its identity comes from a sandbox-issued ID token the Worker verified.
    const [liff] = await Promise.all([context.waitForEvent("page"), page.getByTestId("open-liff").click()]);
    await liff.waitForLoadState("domcontentloaded");
    expect(liff.url().startsWith(urls.worker)).toBe(true);
    await liff.getByTestId("customer-display-name").filter({ hasText: name }).waitFor({ timeout: BOT_TIMEOUT });
    expect(await liff.getByTestId("friend-status").getAttribute("data-friend")).toBe("true");

    await context.close();
  }, 60_000);
});
