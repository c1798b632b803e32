// Member card figures on `wrangler dev` (local dev server: compare ratios, not absolutes):
// 1. card API latency (GET /api/card, GET /api/card/code) beside the no-I/O /api/health in the same run;
// 2. time from navigation to the QR visible, in Chromium (mock LIFF build), cold cache, under Chrome
//    DevTools' "Fast 4G" preset applied through CDP (goal ≤ 1.0 s). The customer bundle size is
//    card-bundle.ts. Ports 8801/8802 (the card e2e ports: don't run both at once).
import { spawnSync } from "node:child_process";
import autocannon from "autocannon";
import { DEMO_CUSTOMERS } from "../dev/demo-users.ts";
import { prepareIsolatedWorker, REPO_ROOT, type StackPorts, startStack } from "../dev/stack.ts";
import { findChromium, launchChromium } from "../e2e/browser.ts";

const PORTS: StackPorts = { worker: 8801, sandbox: 8802 };
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 10;
const NAV_RUNS = Number(process.env.BENCH_NAV_RUNS ?? 7);
const GOAL_MS = 1000;
/** Chrome DevTools' Fast 4G (front_end/core/sdk/NetworkManager.ts): 9 / 1.5 Mbps × 0.9, 60 ms × 2.75. */
const FAST_4G = { offline: false, latency: 60 * 2.75, downloadThroughput: (9_000_000 / 8) * 0.9, uploadThroughput: (1_500_000 / 8) * 0.9 };

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}, duration = DURATION_S): Promise<Row> {
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx };
}

/** Both parts of the mock build (the customer mini-app at / and the console), as `pnpm dev` serves them. */
function buildMockApp(): void {
  // Vite's file list is noise in the figures: only warnings and errors (stderr) are shown.
  const result = spawnSync("pnpm", ["--filter", "@enishi/liff-app", "build:mock"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error("pnpm --filter @enishi/liff-app build:mock failed");
}

async function idToken(sandbox: string, userId: string): Promise<string> {
  const res = await fetch(`${sandbox}/__sandbox/login/id-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId, expiresInSeconds: 3600 }),
  });
  return ((await res.json()) as { idToken: string }).idToken;
}

/** Navigation start → the QR in the DOM, from the page's own clock (performance.now() is since navigation). */
async function navigationToQr(chromiumPath: string, url: string): Promise<number[]> {
  const browser = await launchChromium(chromiumPath);
  const times: number[] = [];
  try {
    for (let i = 0; i < NAV_RUNS; i++) {
      const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
      await context.addInitScript(() => {
        const w = window as unknown as { __qrAt?: number };
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="card-qr"]')) {
            w.__qrAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      if (process.env.BENCH_TRACE && i === NAV_RUNS - 1) traceRequests(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", FAST_4G);
      await page.goto(url, { waitUntil: "commit" });
      await page.getByTestId("card-qr").waitFor({ timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __qrAt: number }).__qrAt));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

/** BENCH_TRACE=1: the last run's requests (start → end, ms since navigation), to see the critical path. */
function traceRequests(page: import("playwright-core").Page): void {
  page.on("requestfinished", (request) => {
    const t = request.timing();
    const url = request.url().replace(/^https?:\/\/[^/]+/, "");
    console.log(`  ${t.startTime.toFixed(0)} +${t.responseEnd.toFixed(0)} ms  ${request.method()} ${url.slice(0, 90)}`);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const log = (source: string, line: string) => {
    if (process.env.BENCH_VERBOSE) console.log(`[${source}] ${line}`);
  };
  const chromiumPath = findChromium();
  if (!process.env.BENCH_SKIP_BUILD) buildMockApp();
  const storage = await prepareIsolatedWorker(REPO_ROOT, "bench-card", PORTS, log);
  const stack = await startStack({ root: REPO_ROOT, ports: PORTS, storage, log });
  try {
    const base = stack.urls.worker;
    // 佐藤 花子: a linked member with a points history (seed), the typical card.
    const customer = DEMO_CUSTOMERS[0]?.userId ?? "";
    const auth = { authorization: `Bearer ${await idToken(stack.urls.sandbox, customer)}` };
    await measure("warm-up", `${base}/api/card`, auth, 2);
    const rows = [
      await measure("GET /api/health (no I/O)", `${base}/api/health`),
      await measure("GET /api/card (token check, membership, points, history, signed code)", `${base}/api/card`, auth),
      await measure("GET /api/card/code (token check, signed code, balance)", `${base}/api/card/code`, auth),
    ];
    const cardUrl = `${base}/card?mockUser=${customer}&sandbox=${encodeURIComponent(stack.urls.sandbox)}`;
    const nav = await navigationToQr(chromiumPath, cardUrl);

    console.log(`\nMember card benchmark — ${new Date().toISOString()}`);
    console.log(`wrangler dev, autocannon ${DURATION_S} s × ${CONNECTIONS} connections\n`);
    console.log("| route | req/s | p50 ms | p99 ms | max ms | non-2xx |");
    console.log("|---|---|---|---|---|---|");
    for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} |`);
    const med = median(nav);
    console.log(`\nnavigation → QR visible, Fast 4G (165 ms RTT, 9 Mbps), cold cache, mock LIFF, ${NAV_RUNS} runs:`);
    console.log(
      `median ${med.toFixed(0)} ms, min ${Math.min(...nav).toFixed(0)} ms, max ${Math.max(...nav).toFixed(0)} ms (goal ≤ ${GOAL_MS} ms) ${med <= GOAL_MS ? "OK" : "OVER"}`,
    );
    console.log(`runs: ${nav.map((t) => t.toFixed(0)).join(", ")}`);
  } finally {
    await stack.stop();
  }
}

await main();
