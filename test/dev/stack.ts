// The local stack — LINE sandbox + `wrangler dev` with a migrated, seeded local D1 — as reusable steps,
// so `pnpm dev`, the end-to-end tests and the benchmark start the very same thing on their own ports.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "../line-sandbox/src/server.ts";
import { DEMO_CHANNEL, DEMO_CUSTOMERS, DEMO_OPERATORS, type DemoUser } from "./demo-users.ts";
import { type LogLine, type ManagedProcess, runToEnd, spawnManaged } from "./process.ts";

export interface StackPorts {
  worker: number;
  sandbox: number;
}

export interface StackUrls {
  worker: string;
  sandbox: string;
  webhook: string;
  /** The page to open: the simulator, told where the LIFF app lives. */
  simulator: string;
}

export interface WorkerStorage {
  /** wrangler `--persist-to`; undefined = wrangler's default (.wrangler/state), the `pnpm dev` database. */
  persistTo?: string;
  /** wrangler `--env-file`; undefined = `.dev.vars`. */
  envFile?: string;
}

export const DEV_PORTS: StackPorts = { worker: 8787, sandbox: 8790 };
/** E2E_WORKER_PORT / E2E_SANDBOX_PORT let several people run the e2e tests side by side on one machine. */
export const E2E_PORTS: StackPorts = {
  worker: Number(process.env.E2E_WORKER_PORT) || 8797,
  sandbox: Number(process.env.E2E_SANDBOX_PORT) || 8792,
};

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEED_FILE = "db/seed/demo.sql";

export function stackUrls(ports: StackPorts): StackUrls {
  const worker = `http://127.0.0.1:${ports.worker}`;
  const sandbox = `http://127.0.0.1:${ports.sandbox}`;
  return { worker, sandbox, webhook: `${worker}/webhook`, simulator: `${sandbox}/?app=${worker}` };
}

/** Wrangler runs on the same Node as we do (≥ 22.12), whatever `wrangler` is first on PATH. */
function wrangler(root: string): { command: string; prefix: string[] } {
  const pkg = createRequire(join(root, "package.json")).resolve("wrangler/package.json");
  return { command: process.execPath, prefix: [join(dirname(pkg), "bin", "wrangler.js")] };
}

/** Offline: no metrics, and no 3 s wait fetching `Request.cf` (STACK-NOTES.md). */
function wranglerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
}

function persistArgs(storage: WorkerStorage): string[] {
  return storage.persistTo ? ["--persist-to", storage.persistTo] : [];
}

/** Applies db/migrations to the local D1, then the demo seed (INSERT OR IGNORE, so every start may run it). */
export async function migrateAndSeed(root: string, storage: WorkerStorage, log: LogLine): Promise<void> {
  const { command, prefix } = wrangler(root);
  const options = { cwd: root, env: wranglerEnv(), log };
  await runToEnd("migrate", command, [...prefix, "d1", "migrations", "apply", "DB", "--local", ...persistArgs(storage)], options);
  await runToEnd("seed", command, [...prefix, "d1", "execute", "DB", "--local", ...persistArgs(storage), "--file", SEED_FILE], options);
}

/**
 * Worker settings for a stack on other ports: `.dev.vars.example` with the LINE base URLs pointed at
 * this stack's sandbox. Written to a file for `--env-file`, which makes wrangler skip `.dev.vars`.
 */
export function writeWorkerEnv(root: string, file: string, urls: StackUrls): void {
  const overrides: Record<string, string> = {
    LINE_API_BASE_URL: urls.sandbox,
    LINE_API_DATA_BASE_URL: urls.sandbox,
    LINE_ACCESS_BASE_URL: urls.sandbox,
    APP_BASE_URL: urls.worker,
  };
  const lines = readFileSync(join(root, ".dev.vars.example"), "utf8")
    .split("\n")
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => {
      const key = line.slice(0, line.indexOf("="));
      return key in overrides ? `${key}=${overrides[key]}` : line;
    });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/**
 * A throwaway database and settings under `.wrangler/<name>/` (e2e, bench): wiped, migrated and seeded,
 * so a run never touches the `pnpm dev` database and never sees a previous run's data.
 */
export async function prepareIsolatedWorker(root: string, name: string, ports: StackPorts, log: LogLine): Promise<WorkerStorage> {
  // Per worker port: two stacks on other ports never wipe each other's database.
  const dir = join(root, ".wrangler", `${name}-${ports.worker}`);
  rmSync(dir, { recursive: true, force: true });
  const storage = { persistTo: join(dir, "state"), envFile: join(dir, "worker.env") };
  writeWorkerEnv(root, storage.envFile, stackUrls(ports));
  await migrateAndSeed(root, storage, log);
  return storage;
}

export function startWorker(root: string, port: number, storage: WorkerStorage, log: LogLine): ManagedProcess {
  const { command, prefix } = wrangler(root);
  const args = [
    ...prefix,
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--local",
    // Cron can then be triggered locally: GET /__scheduled (or /cdn-cgi/handler/scheduled).
    "--test-scheduled",
    "--show-interactive-dev-session=false",
    ...persistArgs(storage),
    ...(storage.envFile ? ["--env-file", storage.envFile] : []),
  ];
  return spawnManaged("worker", command, args, { cwd: root, env: wranglerEnv(), log });
}

export function startLineSandbox(ports: StackPorts): Promise<RunningSandbox> {
  return startSandbox({ port: ports.sandbox, host: "127.0.0.1", ...DEMO_CHANNEL, webhookUrl: stackUrls(ports).webhook });
}

/** Polls until `url` answers 2xx; fails early if the process that should serve it has died. */
export async function waitForHttp(url: string, options: { timeoutMs: number; process?: ManagedProcess }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const proc = options.process;
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`${proc.name} exited (code ${proc.child.exitCode ?? proc.child.signalCode}) before ${url} answered`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs} ms (${last})`);
}

/** A clear message instead of wrangler's or Node's EADDRINUSE halfway through the start. */
export async function assertPortsFree(ports: StackPorts): Promise<void> {
  for (const [what, port] of Object.entries(ports)) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (!free) throw new Error(`Port ${port} (${what}) is already in use: is another \`pnpm dev\` or test run still going?`);
  }
}

export async function addSandboxUsers(sandboxUrl: string, users: readonly DemoUser[]): Promise<void> {
  for (const user of users) {
    const res = await fetch(`${sandboxUrl}/__sandbox/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(user),
    });
    if (!res.ok) throw new Error(`Creating sandbox user ${user.userId} failed: HTTP ${res.status} ${await res.text()}`);
  }
}

export interface Stack {
  urls: StackUrls;
  sandbox: RunningSandbox;
  worker: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Sandbox (in this process) + wrangler dev (a child process group), ready to use: the Worker answers
 * `/api/health` and the demo customers and operators exist in the sandbox.
 */
export async function startStack(options: {
  root: string;
  ports: StackPorts;
  storage: WorkerStorage;
  log: LogLine;
  workerTimeoutMs?: number;
}): Promise<Stack> {
  const urls = stackUrls(options.ports);
  await assertPortsFree(options.ports);
  const sandbox = await startLineSandbox(options.ports);
  let worker: ManagedProcess | undefined;
  const stop = async () => {
    await worker?.stop();
    await sandbox.close();
  };
  try {
    worker = startWorker(options.root, options.ports.worker, options.storage, options.log);
    await waitForHttp(`${urls.worker}/api/health`, { timeoutMs: options.workerTimeoutMs ?? 60_000, process: worker });
    await addSandboxUsers(urls.sandbox, [...DEMO_CUSTOMERS, ...DEMO_OPERATORS]);
    return { urls, sandbox, worker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `.dev.vars` from the example on first run: the demo needs no secrets of anyone's. */
export function ensureDevVars(root: string): boolean {
  const file = join(root, ".dev.vars");
  if (existsSync(file)) return false;
  writeFileSync(file, readFileSync(join(root, ".dev.vars.example"), "utf8"));
  return true;
}
