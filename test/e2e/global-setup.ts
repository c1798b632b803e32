// Starts the whole stack once for the end-to-end tests — a fresh, migrated and seeded D1 under
// .wrangler/e2e/, the LINE sandbox on 8792 and `wrangler dev` on 8797 — and hands its URLs to the tests.
// The LIFF app is already built in mock mode by the `test:e2e` script.
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { stopAll } from "../dev/process.ts";
import { E2E_PORTS, prepareIsolatedWorker, REPO_ROOT, type StackUrls, startStack } from "../dev/stack.ts";
import { ARTIFACTS_DIR, findChromium } from "./browser.ts";

export interface E2eContext {
  urls: StackUrls;
  chromiumPath: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Checked first: no point starting wrangler for a run that cannot open a browser.
  const chromiumPath = findChromium();
  if (!existsSync(join(REPO_ROOT, "liff-app", "dist", "index.html"))) {
    throw new Error("liff-app/dist is missing: run `pnpm build:liff:mock` (the test:e2e script does) before the e2e tests");
  }
  // Stack output goes to a file: quiet test output, and the Worker's logs at hand when a test fails.
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = join(ARTIFACTS_DIR, "stack.log");
  const out = createWriteStream(logFile);
  const log = (source: string, line: string) => out.write(`[${source}] ${line}\n`);

  const started = performance.now();
  const teardown = async () => {
    await stopAll();
    await new Promise((resolve) => out.end(resolve));
  };
  try {
    const storage = await prepareIsolatedWorker(REPO_ROOT, `e2e-${E2E_PORTS.worker}`, E2E_PORTS, log);
    const stack = await startStack({ root: REPO_ROOT, ports: E2E_PORTS, storage, log });
    console.log(`e2e stack up in ${((performance.now() - started) / 1000).toFixed(1)} s (logs: ${logFile})`);
    project.provide("e2e", { urls: stack.urls, chromiumPath });
    return async () => {
      await stack.stop();
      await teardown();
    };
  } catch (error) {
    await teardown();
    throw new Error(`The e2e stack did not start (see ${logFile}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
