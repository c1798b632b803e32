// `pnpm dev`: the whole demo on this machine with no LINE or Cloudflare account — local D1 migrated and
// seeded, the LIFF app built in mock mode, the LINE sandbox with the chat simulator, and `wrangler dev`.
// Prints one URL to open. Ctrl-C stops everything it started.
import { DEMO_CUSTOMERS } from "./demo-users.ts";
import { type LogLine, runToEnd, stopAll } from "./process.ts";
import { assertPortsFree, DEV_PORTS, ensureDevVars, migrateAndSeed, REPO_ROOT, type Stack, type StackUrls, startStack } from "./stack.ts";

const started = performance.now();
let stack: Stack | undefined;
let stopping = false;
/** Output of the steps is kept, not shown, unless a step fails: the start stays readable. */
const startupLog: string[] = [];
let streaming = false;

/**
 * wrangler reprints its bindings table on every reload (any edit under bot/): after the start it says
 * nothing new, so it is left out of the live log.
 */
const WRANGLER_NOISE =
  /^(Your Worker has access to the following bindings:|Binding\s+Resource.*|env\.[A-Z_]+\b.*|⎔ Connection status updated|\s*)$/;

const log: LogLine = (source, line) => {
  if (streaming) {
    if (!(source === "worker" && WRANGLER_NOISE.test(line))) console.log(`[${source}] ${line}`);
  } else {
    startupLog.push(`[${source}] ${line}`);
    if (startupLog.length > 80) startupLog.shift();
  }
};

function say(text: string): void {
  console.log(`• ${text}`);
}

function seconds(): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function buildLiffApp(): Promise<void> {
  // Mock mode: the LIFF SDK is replaced by @line/liff-mock and the user comes from `?mockUser=`.
  await runToEnd("liff-build", "pnpm", ["--filter", "@enishi/liff-app", "build:mock"], { cwd: REPO_ROOT, log });
}

function banner(urls: StackUrls): string {
  const rule = "─".repeat(72);
  return [
    "",
    rule,
    ` Enishi のデモが起動しました / The Enishi demo is running (${seconds()})`,
    "",
    " ブラウザでこのURLを開いてください / Open this URL in your browser:",
    "",
    `     ${urls.simulator}`,
    "",
    " チャットシミュレーターで LINE のお客さまとしてボットと話し、リッチメニューをタップし、",
    " そのお客さまとして LIFF アプリ（会員証など）を開けます。スタッフ画面・管理画面へのリンクもあります。",
    " The chat simulator lets you talk to the bot as a LINE customer, tap their rich menu and open the",
    " LIFF app (member card…) as them; the staff and admin consoles are linked from it.",
    ` デモのお客さま / Demo customers: ${DEMO_CUSTOMERS.map((c) => c.displayName).join("、")}`,
    "",
    " 止めるには Ctrl-C / Press Ctrl-C to stop. Worker logs follow below.",
    rule,
    "",
  ].join("\n");
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\n• 停止しています… / Stopping…");
    await stack?.stop();
    await stopAll();
    console.log("• 停止しました / Stopped.");
  }
  process.exit(code);
}

async function main(): Promise<void> {
  // Stopping on request is a normal end: exit 0, so pnpm does not report a failure.
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (ensureDevVars(REPO_ROOT)) say(".dev.vars を .dev.vars.example から作成しました / Created .dev.vars from .dev.vars.example");
  await assertPortsFree(DEV_PORTS);

  say("ローカルD1の準備とLIFFアプリのビルド / Migrating + seeding local D1, building the LIFF app (mock mode)…");
  await Promise.all([migrateAndSeed(REPO_ROOT, {}, log), buildLiffApp()]);

  say(`LINE sandbox (:${DEV_PORTS.sandbox}) と wrangler dev (:${DEV_PORTS.worker}) を起動 / Starting the LINE sandbox and the Worker…`);
  stack = await startStack({ root: REPO_ROOT, ports: DEV_PORTS, storage: {}, log });
  streaming = true;
  void stack.worker.exited.then((code) => {
    if (stopping) return;
    console.error(`\n✗ wrangler dev が終了しました (exit ${code}) / wrangler dev exited: stopping the demo.`);
    void shutdown(1);
  });
  console.log(banner(stack.urls));
  startDevCron(stack.urls.worker);
}

/**
 * wrangler dev runs no cron by itself: tick it every minute as Cloudflare would (due work of the features,
 * and the rich-menu repair that publishes the demo's menus to this fresh sandbox — hence one tick at once).
 */
function startDevCron(worker: string): void {
  const tick = () => fetch(`${worker}/__scheduled?cron=*+*+*+*+*`).catch(() => undefined);
  void tick();
  setInterval(tick, 60_000).unref();
}

/** Failed steps carry their output, already printed above from the startup log. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

main().catch((error: unknown) => {
  if (stopping) return;
  console.error(startupLog.slice(-40).join("\n"));
  console.error(`\n✗ 起動できませんでした / The demo could not start: ${firstLine(error)}`);
  void shutdown(1);
});
