// Chromium for the end-to-end tests: Debian's `chromium` driven by playwright-core, since
// `playwright install` cannot download browsers here (STACK-NOTES.md).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
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
