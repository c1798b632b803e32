import { describe, expect, inject, it } from "vitest";
import { DEMO_STAFF_ID } from "../dev/demo-users.ts";
import { PHONE, useBrowser } from "./browser.ts";
import { createCustomer, liffAppUrl, sendAs } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

const appUrl = (path: string, userId: string) => liffAppUrl(urls, path, userId);

describe("coupons in the LIFF app", () => {
  it("lets a customer take the welcome coupon, show it at the counter and have the clerk confirm its use once", async ({
    task,
    onTestFailed,
  }) => {
    const customer = await createCustomer(urls.sandbox, `E2E クーポン ${Date.now().toString(36)}`);
    const context = await browser.newContext({ task, onTestFailed }, { viewport: PHONE });
    const page = await context.newPage();

    // The list offers the seeded welcome coupon (audience: everyone) to a new customer.
    await page.goto(appUrl("/coupons", customer.userId));
    const offer = page.getByTestId("coupon-card").filter({ hasText: "はじめてクーポン" });
    await offer.waitFor({ timeout: 20_000 });
    expect(await offer.textContent()).toContain("受け取れます");
    await offer.click();

    await page.getByTestId("claim-coupon").click();
    await page.getByTestId("use-now-link").click();

    // The use-now screen: a QR of the copy's code and the code itself, for the scanner or typing.
    const qr = page.getByTestId("coupon-qr");
    await qr.waitFor();
    expect(await qr.getAttribute("data-value")).toMatch(/^ENISHI-COUPON:[0-9A-HJKMNP-TV-Z]{12}$/);

    await page.getByTestId("start-use").click();
    await page.getByTestId("confirm-use").click();
    await page.getByTestId("coupon-used").waitFor();

    // Used: it moved to the used tab, and the offer is not made again (per-user limit 1).
    await page.goto(appUrl("/coupons", customer.userId));
    await page.getByRole("tab", { name: /使用済み/ }).click();
    await page.getByTestId("coupon-card").filter({ hasText: "はじめてクーポン" }).waitFor();
    await page.getByRole("tab", { name: /使える/ }).click();
    expect(await page.getByTestId("coupon-card").filter({ hasText: "はじめてクーポン" }).count()).toBe(0);

    await context.close();
  }, 60_000);

  it("lets the clerk scan the coupon's own QR at the counter and redeem it once", async ({ task, onTestFailed }) => {
    const customer = await createCustomer(urls.sandbox, `E2E クーポンQR ${Date.now().toString(36)}`);
    const context = await browser.newContext({ task, onTestFailed }, { viewport: PHONE });
    const phone = await context.newPage();
    await phone.goto(appUrl("/coupons", customer.userId));
    const offer = phone.getByTestId("coupon-card").filter({ hasText: "はじめてクーポン" });
    await offer.waitFor({ timeout: 20_000 });
    await offer.click();
    await phone.getByTestId("claim-coupon").click();
    await phone.getByTestId("use-now-link").click();
    const payload = await phone.getByTestId("coupon-qr").getAttribute("data-value");
    expect(payload).toMatch(/^ENISHI-COUPON:/);

    // The clerk's scanner reads the QR (typed here: the mock has no camera) and redeems it.
    const scanner = await context.newPage();
    await scanner.goto(appUrl("/staff/scan", DEMO_STAFF_ID));
    await scanner.getByTestId("scan-code-input").fill(payload ?? "");
    await scanner.getByTestId("scan-code-submit").click();
    await scanner.getByTestId("coupon-code-redeem").click();
    expect(await scanner.getByTestId("coupon-code-redeemed").textContent()).toContain("はじめてクーポン");

    // A second scan of the same QR is refused.
    await scanner.getByRole("button", { name: /次のお客様/ }).click();
    await scanner.getByTestId("scan-code-input").fill(payload ?? "");
    await scanner.getByTestId("scan-code-submit").click();
    await scanner.getByTestId("coupon-code-redeem").click();
    await scanner.getByRole("alert").waitFor();

    await context.close();
  }, 60_000);

  it("sums up a friend's coupons on their home page, and asks them to link their membership", async ({ task, onTestFailed }) => {
    const customer = await createCustomer(urls.sandbox, `E2E ホーム ${Date.now().toString(36)}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    const context = await browser.newContext({ task, onTestFailed }, { viewport: PHONE });
    const page = await context.newPage();

    await page.goto(appUrl("/", customer.userId));
    const summary = page.getByTestId("home-coupons-summary");
    await summary.waitFor({ timeout: 20_000 });
    // The seeded welcome coupon can be taken, none is held yet.
    expect(await summary.textContent()).toMatch(/使えるクーポン 0 枚・もらえるクーポン \d+ 枚/);
    expect(await page.getByTestId("home-link").getAttribute("data-linked")).toBe("false");

    await page.goto(appUrl("/coupons", customer.userId));
    await page.getByTestId("coupon-card").filter({ hasText: "はじめてクーポン" }).click();
    await page.getByTestId("claim-coupon").click();
    await page.getByTestId("use-now-link").waitFor();

    await page.getByRole("link", { name: /ホーム/ }).click();
    await summary.filter({ hasText: "使えるクーポン 1 枚" }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("home-coupons").textContent()).toContain("期限が近いもの：はじめてクーポン");
    await context.close();
  }, 60_000);
});
