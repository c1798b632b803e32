import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { PHONE, useBrowser } from "./browser.ts";
import { createCustomer, liffAppUrl } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

const appUrl = (path: string, userId: string) => liffAppUrl(urls, path, userId);

async function onQuestion(page: Page, title: string): Promise<void> {
  await page.getByTestId("question-title").filter({ hasText: title }).waitFor({ timeout: 20_000 });
}

describe("answering a survey in the LIFF app", () => {
  it("follows the branching, resumes after a reload at the same question, and gives the thank-you coupon", async ({
    task,
    onTestFailed,
  }) => {
    const customer = await createCustomer(urls.sandbox, `E2E アンケート ${Date.now().toString(36)}`);
    const context = await browser.newContext({ task, onTestFailed }, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto(appUrl("/surveys/srv-visit", customer.userId));

    await onQuestion(page, "どちらでご利用");
    // Next without an answer: told it is required, and still on the same question.
    await page.getByTestId("survey-next").click();
    await page.getByRole("alert").filter({ hasText: "回答してください" }).waitFor();
    await page.getByLabel("店舗", { exact: true }).check();
    await page.getByTestId("survey-next").click();

    // 店舗 → the branch asks which store.
    await onQuestion(page, "どの店舗");
    await page.getByLabel("渋谷店").check();
    await page.getByTestId("survey-next").click();
    await onQuestion(page, "お好きなもの");

    // Closing LINE (a reload) keeps the progress: back on the same question with the answers so far.
    await page.reload();
    await onQuestion(page, "お好きなもの");
    expect(await page.getByTestId("survey-progress").textContent()).toMatch(/^3 \/ 7/);
    await page.getByLabel("焼き菓子").check();
    await page.getByTestId("survey-next").click();
    await onQuestion(page, "満足度");
    await page.getByLabel(/^5/).check();
    await page.getByTestId("survey-next").click();
    await onQuestion(page, "すすめたい");
    await page.getByLabel(/^9$/).check();
    await page.getByTestId("survey-next").click();
    await onQuestion(page, "お誕生日");
    await page.getByTestId("survey-next").click();
    await onQuestion(page, "ご意見");
    await page.getByLabel(/ご意見/).fill("ラテがおいしかったです");
    await page.getByTestId("survey-next").click();

    const thanks = page.getByTestId("survey-thanks");
    await thanks.waitFor({ timeout: 15_000 });
    expect(await thanks.textContent()).toContain("アンケートお礼 50円引き");

    // The reward is in the coupon list, ready to use; the survey is not offered for a second answer.
    await thanks.getByRole("link", { name: /アンケートお礼/ }).click();
    await page.getByTestId("use-now-link").or(page.getByText("店舗で今すぐ使う")).first().waitFor();
    await page.goto(appUrl("/surveys/srv-visit", customer.userId));
    await page.getByText("ご回答済みです").waitFor();

    await context.close();
  }, 90_000);
});
