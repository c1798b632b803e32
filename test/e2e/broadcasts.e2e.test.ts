import { describe, expect, inject, it } from "vitest";
import { DEMO_ADMIN_ID } from "../dev/demo-users.ts";
import { DESKTOP, useBrowser } from "./browser.ts";
import { botTexts, createCustomer, idTokenFor, liffAppUrl, sendAs, waitForBotMessages } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

const appUrl = (path: string, userId: string) => liffAppUrl(urls, path, userId);

async function adminApi<T>(path: string, body?: unknown): Promise<T> {
  const idToken = await idTokenFor(urls.sandbox, DEMO_ADMIN_ID);
  const res = await fetch(`${urls.worker}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${idToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe("segments, broadcasts and scenarios in the admin console", () => {
  it("builds a segment with a live count, reviews the estimate, sends a personalised broadcast and watches it complete", async ({
    task,
    onTestFailed,
  }) => {
    const stamp = Date.now().toString(36);
    const customer = await createCustomer(urls.sandbox, `E2E配信${stamp}`);
    await sendAs(urls.sandbox, customer.userId, { type: "follow" });
    await waitForBotMessages(urls.sandbox, customer.userId, 1);
    const tag = `E2E配信タグ${stamp}`;
    await adminApi(`/api/staff/friends/${customer.userId}/tags`, { tag });

    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP });
    const page = await context.newPage();

    // Segment: one tag condition; the live count shows the one friend who has it.
    await page.goto(appUrl("/admin/segments/new", DEMO_ADMIN_ID));
    await page.getByLabel(/セグメント名/).fill(`E2E セグメント ${stamp}`);
    await page.getByRole("button", { name: /条件を追加/ }).click();
    await page.getByLabel(tag).check();
    await expect
      .poll(async () => (await page.getByTestId("segment-count").textContent())?.replace(/\D/g, ""), { timeout: 15_000 })
      .toBe("1");
    await page.getByRole("button", { name: /保存/ }).click();
    await page.waitForURL(/\/admin\/segments\/[0-9a-f-]{36}/);

    // Broadcast: to that segment, with {name}; the review shows 1 recipient before anything is sent.
    await page.goto(appUrl("/admin/broadcasts/new", DEMO_ADMIN_ID));
    await page.getByLabel(/配信名/).fill(`E2E 配信 ${stamp}`);
    await page.getByLabel(/^宛先/).selectOption({ label: `セグメント: E2E セグメント ${stamp}` });
    await page.getByLabel(/本文/).fill("{name}さん、新しい豆が入荷しました");
    await page.getByLabel(/21:00〜9:00/).uncheck();
    await page.getByRole("button", { name: /宛先と費用を確認/ }).click();
    const estimate = page.getByTestId("broadcast-estimate");
    await estimate.waitFor();
    expect(await estimate.textContent()).toContain("1 人");
    await page.getByRole("button", { name: /1人に送信/ }).click();
    await page.waitForURL(/\/admin\/broadcasts\/[0-9a-f]{20}/);
    await page
      .getByText(/完了 \/ Completed/)
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("broadcast-progress").textContent()).toContain("送信 1");
    expect(await botTexts(urls.sandbox, customer.userId)).toContain(`E2E配信${stamp}さん、新しい豆が入荷しました`);

    // The seeded nurturing scenario enrolled the new friend on follow; staff can see where they are.
    const { scenarios } = await adminApi<{ scenarios: { scenarioName: string; status: string; stepIndex: number }[] }>(
      `/api/staff/friends/${customer.userId}/scenarios`,
    );
    expect(scenarios.find((s) => s.scenarioName.startsWith("新しい友だちの育成"))).toMatchObject({ status: "active", stepIndex: 0 });
    await context.close();
  }, 90_000);
});
