import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "../dev/stack.ts";
import { DESKTOP, useBrowser } from "./browser.ts";
import { liffAppUrl } from "./sandbox.ts";
import { botItem, newSimulatorCustomer } from "./simulator.ts";

const { urls } = inject("e2e");
const ADMIN = "U00000000000000000000000000000a01";
const TIMEOUT = 20_000;

const browser = useBrowser();
beforeAll(async () => {
  // wrangler dev runs no cron by itself: one tick publishes the seeded menus (the rich-menu repair).
  const tick = await fetch(`${urls.worker}/__scheduled?cron=*+*+*+*+*`);
  expect(tick.status).toBe(200);
});

const adminUrl = (path: string) => liffAppUrl(urls, path, ADMIN);

/** The simulator's menu board for the selected customer, opened if folded away. */
async function simulatorMenu(page: Page) {
  const board = page.getByTestId("rich-menu");
  await board.waitFor({ state: "attached", timeout: TIMEOUT });
  if (await board.isHidden()) await page.getByTestId("rich-menu-toggle").click();
  return board;
}

describe("rich menus", () => {
  it("shows a new friend the menu the policy picks, and an admin's new menu and rule reach that friend after a tag", async ({
    task,
    onTestFailed,
  }) => {
    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP });
    const name = `E2E メニュー ${Date.now().toString(36)}`;
    const tag = `E2E常連-${Date.now().toString(36)}`;

    // A new customer follows: not linked yet, so the seeded rule gives them the 会員連携 menu; its taps work.
    const sim = await context.newPage();
    await newSimulatorCustomer(sim, urls.simulator, name);
    await sim.getByTestId("follow-button").click();
    const menu = await simulatorMenu(sim);
    await menu.getByTestId("rich-menu-area").nth(3).waitFor({ timeout: TIMEOUT });
    expect(await menu.getByTestId("rich-menu-area").count()).toBe(4);
    const seededMenuId = await menu.getAttribute("data-rich-menu-id");
    await menu.getByTestId("rich-menu-area").filter({ hasText: "お問い合わせ" }).click();
    await botItem(sim, "スタッフにおつなぎします").waitFor({ timeout: TIMEOUT });

    // The admin creates a tag, and a menu: image, one area drawn with the mouse, saved and published.
    const admin = await context.newPage();
    await admin.goto(adminUrl("/admin/tags"));
    await admin.getByLabel("タグを作る").fill(tag);
    await admin.getByRole("button", { name: "作成" }).first().click();
    await admin.getByTestId("tag-row").locator(`input[value="${tag}"]`).waitFor({ timeout: TIMEOUT });

    await admin.goto(adminUrl("/admin/rich-menus"));
    await admin.getByLabel("新しいメニューの名前").fill(`常連メニュー ${name}`);
    await admin.getByRole("button", { name: "作成して編集" }).click();
    await admin.getByTestId("rich-menu-image-input").setInputFiles(join(REPO_ROOT, "db", "seed", "rich-menu-main.png"));
    const board = admin.getByTestId("rich-menu-board");
    await board.waitFor({ timeout: TIMEOUT });
    const box = await board.boundingBox();
    if (!box) throw new Error("the menu board has no size");
    await admin.mouse.move(box.x + 5, box.y + 5);
    await admin.mouse.down();
    await admin.mouse.move(box.x + box.width - 5, box.y + box.height - 5, { steps: 8 });
    await admin.mouse.up();
    await admin.getByTestId("area-form").waitFor();
    await admin.getByLabel("タップしたとき").selectOption("message");
    await admin.getByLabel("送るメッセージ").fill("常連さんメニュー");
    await admin.getByTestId("rich-menu-save").click();
    await admin.getByTestId("rich-menu-publish").click();
    await admin.getByTestId("rich-menu-published").waitFor({ timeout: TIMEOUT });

    // A rule first in line: friends with the tag get the new menu.
    await admin.goto(adminUrl("/admin/rich-menus"));
    await admin.getByRole("button", { name: "ルールを追加" }).click();
    const rule = admin.getByTestId("policy-rule").filter({ has: admin.locator("legend", { hasText: "新しいルール" }) });
    await rule.getByLabel("表示するメニュー").selectOption({ label: `常連メニュー ${name}` });
    await rule.getByLabel("すべてのタグを持つ").selectOption({ label: tag });
    for (let i = 0; i < 5 && (await admin.getByTestId("policy-rule").count()) > 1; i++) {
      const up = rule.getByRole("button", { name: /上へ/ });
      if (await up.isDisabled()) break;
      await up.click();
    }
    await admin.getByTestId("policy-save").click();
    await admin.getByTestId("policy-saved").waitFor({ timeout: TIMEOUT });

    // Tagging the friend (beside their menu explanation) moves them to it; the admin sees which rule chose it.
    await admin.getByLabel("友だちを探す").fill(name);
    await admin.getByRole("button", { name }).click();
    await admin.getByTestId("friend-tags").getByPlaceholder("タグを追加").fill(tag);
    await admin.getByTestId("friend-tags").getByRole("button", { name: "追加" }).click();
    await admin.getByTestId("friend-menu-decision").filter({ hasText: "常連メニュー" }).waitFor({ timeout: TIMEOUT });
    await admin.getByText("LINE と一致").waitFor({ timeout: TIMEOUT });

    await sim.bringToFront();
    await sim.waitForFunction(
      (previous) => document.querySelector('[data-testid="rich-menu"]')?.getAttribute("data-rich-menu-id") !== previous,
      seededMenuId,
      { timeout: TIMEOUT },
    );
    const updated = await simulatorMenu(sim);
    expect(await updated.getByTestId("rich-menu-area").count()).toBe(1);
    await updated.getByTestId("rich-menu-area").click();
    await sim.locator('[data-testid="chat-item"][data-from="user"]').filter({ hasText: "常連さんメニュー" }).waitFor({ timeout: TIMEOUT });

    await context.close();
  }, 120_000);
});
