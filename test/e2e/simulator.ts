// The customer's side of a test in the chat simulator's page (test/line-sandbox/simulator), for tests
// that click through it as a person in LINE would.
import type { Locator, Page } from "playwright-core";

/** The bot answers through a queue: give it a few seconds, as a person in LINE would. */
export const BOT_TIMEOUT = 15_000;

/** Opens the simulator and creates a customer named `name`, then selected in it (not yet a friend). */
export async function newSimulatorCustomer(page: Page, simulatorUrl: string, name: string): Promise<void> {
  await page.goto(simulatorUrl);
  await page.getByTestId("new-customer-name").fill(name);
  await page.getByTestId("new-customer-submit").click();
  await page.getByTestId("current-customer-name").filter({ hasText: name }).waitFor();
}

/** The bot's messages in the open chat; those containing `text` when given. */
export function botItem(page: Page, text?: string | RegExp): Locator {
  const items = page.locator('[data-testid="chat-item"][data-from="bot"]');
  return text === undefined ? items : items.filter({ hasText: text });
}

/** Types and sends `text` as the customer; returns once the chat shows it. */
export async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId("message-input").fill(text);
  await page.getByTestId("send-button").click();
  await page.locator('[data-testid="chat-item"][data-from="user"]').filter({ hasText: text }).first().waitFor();
}
