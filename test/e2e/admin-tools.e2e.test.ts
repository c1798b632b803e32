import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { DEMO_ADMIN_ID } from "../dev/demo-users.ts";
import { DESKTOP, useBrowser } from "./browser.ts";
import { createCustomer, liffAppUrl, sendAs, waitForBotMessages } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

describe("admin tools", () => {
  it("exports a customer's personal data as a file, then erases it after a typed confirmation", async ({ task, onTestFailed }) => {
    const customer = await createCustomer(urls.sandbox, `E2E 削除 ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    await sendAs(urls.sandbox, customer.userId, { type: "message", text: "駐車場はありますか？" });
    await waitForBotMessages(urls.sandbox, customer.userId, 2);

    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(liffAppUrl(urls, "/admin/personal-data", DEMO_ADMIN_ID));
    await page.getByRole("searchbox").fill(customer.displayName);
    await page
      .getByRole("list", { name: /Friends/ })
      .getByRole("button", { name: new RegExp(customer.userId) })
      .click();

    // Export: a JSON file with what the customer said.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /個人データを書き出す/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^personal-data-${customer.userId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = await readFile((await download.path()) ?? "", "utf8");
    expect(exported).toContain("駐車場はありますか？");

    // A confirmation that is not this person's ID is refused and nothing is erased.
    const confirmation = page.getByLabel(/確認のため/);
    await confirmation.fill("U0000");
    await page.getByRole("button", { name: /個人データを削除/ }).click();
    await page.getByRole("alert").waitFor();
    await confirmation.fill(customer.userId);
    await page.getByRole("button", { name: /個人データを削除/ }).click();
    await page.getByRole("status").filter({ hasText: "個人データを削除しました" }).waitFor({ timeout: 20_000 });

    // The friend is gone from the search.
    await page.getByRole("searchbox").fill(customer.userId);
    await page.getByText("見つかりません。").waitFor({ timeout: 20_000 });
    await context.close();
  }, 60_000);

  it("shows the KPI dashboard with its figures, charts and the CSV download", async ({ task, onTestFailed }) => {
    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(liffAppUrl(urls, "/admin/kpis", DEMO_ADMIN_ID));
    await page.getByRole("heading", { level: 1, name: /KPI/ }).waitFor({ timeout: 20_000 });
    await page.getByText("友だち数").first().waitFor({ timeout: 20_000 });
    // The seeded follows and blocks draw a chart (Chartist's SVG), not the empty-period note.
    await page.locator(".kpi-chart svg").first().waitFor({ timeout: 20_000 });

    await page.getByRole("button", { name: /過去7日/ }).click();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /CSV/ }).click()]);
    const text = await readFile((await csv.path()) ?? "", "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM, so Excel reads the Japanese headers
    expect(text.split("\n").filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))).toHaveLength(7);
    await context.close();
  }, 60_000);
});
