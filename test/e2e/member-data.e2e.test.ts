import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { DEMO_ADMIN_ID } from "../dev/demo-users.ts";
import { DESKTOP, useBrowser } from "./browser.ts";
import { liffAppUrl } from "./sandbox.ts";

const { urls } = inject("e2e");
const browser = useBrowser();

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

describe("member data (CSV)", () => {
  it("previews an import with its bad rows, imports a fixed file after confirmation, and exports the result", async ({
    task,
    onTestFailed,
  }) => {
    const number = `6${Date.now().toString().slice(-7)}`;
    const name = `E2E 取込 ${Date.now().toString(36)}`;
    const context = await browser.newContext({ task, onTestFailed }, { viewport: DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(liffAppUrl(urls, "/admin/member-data", DEMO_ADMIN_ID));
    await page.getByRole("heading", { level: 1, name: /会員データ/ }).waitFor({ timeout: 20_000 });
    const picker = page.getByLabel(/CSV ファイルを選ぶ/);

    // A file with a bad birthday on line 3: the preview lists it and the import cannot be started.
    await picker.setInputFiles(
      csvFile("bad.csv", `member_number,name,birthday\n${number},"${name}",1990-01-01\n${number}9,別の人,1990-02-30\n`),
    );
    const problems = page.getByRole("table", { name: /問題のある行/ });
    await problems.waitFor({ timeout: 20_000 });
    const cells = problems.getByRole("row").nth(1).getByRole("cell");
    expect(await cells.nth(0).textContent()).toBe("3");
    expect(await cells.nth(2).textContent()).toBe("birthday");
    const importButton = page.getByRole("button", { name: /取り込む/ });
    expect(await importButton.isDisabled()).toBe(true);

    // The fixed file: one new member, imported after the confirmation.
    await picker.setInputFiles(csvFile("good.csv", `member_number,name,birthday\n${number},"${name}",1990-01-01\n`));
    await page.getByRole("button", { name: /取り込む（新規 1・更新 0）/ }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: /取り込む/ }).click();
    await page.getByRole("status").filter({ hasText: "取り込みました：新規 1件" }).waitFor({ timeout: 20_000 });

    // The export has them, in a file Excel reads (BOM).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /会員 CSV を書き出す/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^enishi-members-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile((await download.path()) ?? "", "utf8");
    expect(exported.startsWith("\uFEFFmember_number,")).toBe(true);
    expect(exported).toContain(`${number},${name},`);
    await context.close();
  }, 60_000);
});
