// Chromium for the end-to-end tests: Debian's `chromium` driven by playwright-core, since
// `playwright install` cannot download browsers here (STACK-NOTES.md).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject, type TestContext } from "vitest";
import { REPO_ROOT } from "../dev/stack.ts";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const ARTIFACTS_DIR = join(REPO_ROOT, "test", "e2e", "artifacts");

/** `CHROMIUM_PATH` if set, else `chromium` on PATH; a clear error if there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "Chromium not found: the end-to-end tests need Debian's chromium (`apt-get install -y chromium`, which .ci/run does), or CHROMIUM_PATH=/path/to/chromium.",
    );
  }
}

export function launchChromium(executablePath: string): Promise<Browser> {
  // No --user-data-dir: playwright manages the profile (launchPersistentContext is the way to keep one).
  return chromium.launch({ executablePath, args: ARGS });
}

/** A screenshot for the failing test, named after it, in test/e2e/artifacts/ (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name.replace(/[^\w-]+/g, "_")}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface TestBrowser {
  /**
   * A fresh ja-JP context for this test; if the test fails, a screenshot of each of its pages goes to
   * test/e2e/artifacts/, named after the test (and the context, for a test that opens several).
   */
  newContext(test: Pick<TestContext, "task" | "onTestFailed">, options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Chromium for the tests of the calling file: launched before them, closed after. Call at the file's top level. */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  const contextsOpened = new WeakMap<object, number>();
  beforeAll(async () => {
    browser = await launchChromium(inject("e2e").chromiumPath);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newContext({ task, onTestFailed }, options = {}) {
      if (!browser) throw new Error("useBrowser(): the browser is only there inside tests");
      const context = await browser.newContext({ locale: "ja-JP", ...options });
      const c = contextsOpened.get(task) ?? 0;
      contextsOpened.set(task, c + 1);
      const name = c === 0 ? task.name : `${task.name}-${c}`;
      onTestFailed(async () => {
        for (const [i, p] of context.pages().entries()) await saveScreenshot(p, `${name}-${i}`);
      });
      return context;
    },
  };
}
