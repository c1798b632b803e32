// Segment compile + count over 1,000,000 friends with 3 conditions, in a local D1 (wrangler dev, the
// Worker's own route) — goal ≤ 1 s — and, for comparison, the same compiled SQL on node:sqlite over the
// same database file. The friends are generated with a recursive CTE by `wrangler d1 execute --local`.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { compileSegment, countQuery } from "../../shared/src/segments/compile.ts";
import type { SegmentFilter } from "../../shared/src/segments/segment.schema.ts";
import { DEMO_ADMIN_ID } from "../dev/demo-users.ts";
import { runToEnd } from "../dev/process.ts";
import { prepareIsolatedWorker, REPO_ROOT, type StackPorts, startStack } from "../dev/stack.ts";

const PORTS: StackPorts = { worker: 8809, sandbox: 8810 };
const FRIENDS = Number(process.env.BENCH_FRIENDS ?? 1_000_000);
const RUNS = 5;
const DAY = 86_400_000;
const NOW = Date.now();

/**
 * 1M friends with IDs in an order unrelated to insertion (as LINE's are), 96% following, active within the
 * last year, 20% tagged VIP, 25% tagged dormant. Shared shape with test/bench/broadcast.ts.
 */
export function generateFriendsSql(count: number, now: number): string {
  return `
INSERT OR IGNORE INTO tags (id, name, created_at) VALUES ('bench-vip', 'ベンチVIP', 0), ('bench-dormant', 'ベンチ休眠', 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO friends (line_user_id, display_name, status, followed_at, last_active_at, language, created_at, updated_at)
SELECT printf('U%08x%024x', (i * 2654435761) % 4294967296, i), 'bench ' || i, CASE WHEN i % 25 = 0 THEN 'blocked' ELSE 'following' END,
  ${now} - ((i * 104729) % 730) * ${DAY}, ${now} - ((i * 7919) % 365) * ${DAY}, CASE WHEN i % 10 = 0 THEN 'en' ELSE 'ja' END, 0, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO friend_tags (line_user_id, tag_id, source, created_at)
SELECT printf('U%08x%024x', (i * 2654435761) % 4294967296, i), CASE WHEN i % 5 = 0 THEN 'bench-vip' ELSE 'bench-dormant' END, 'import', 0
FROM n WHERE i % 5 = 0 OR i % 4 = 1;`;
}

export function wranglerCommand(): { command: string; prefix: string[] } {
  const pkg = createRequire(join(REPO_ROOT, "package.json")).resolve("wrangler/package.json");
  return { command: process.execPath, prefix: [join(dirname(pkg), "bin", "wrangler.js")] };
}

export async function executeLocal(persistTo: string, sql: string, log: (s: string, l: string) => void): Promise<void> {
  const { command, prefix } = wranglerCommand();
  await runToEnd("d1", command, [...prefix, "d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command", sql], {
    cwd: REPO_ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    log,
  });
}

/** The SQLite file behind the local D1 binding (miniflare keeps one per database). */
export function localD1File(persistTo: string): string {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite"));
  if (!file) throw new Error(`no local D1 file in ${dir}`);
  return join(dir, file);
}

const FILTER: SegmentFilter = {
  kind: "group",
  match: "all",
  conditions: [
    { kind: "tags", match: "any", tagIds: ["bench-vip"] },
    { kind: "tags", match: "none", tagIds: ["bench-dormant"] },
    { kind: "lastActive", range: { op: "withinDays", days: 90 } },
  ],
};

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const log = (source: string, line: string) => {
    if (process.env.BENCH_VERBOSE) console.log(`[${source}] ${line}`);
  };
  const storage = await prepareIsolatedWorker(REPO_ROOT, "bench-segments", PORTS, log);
  const persistTo = storage.persistTo ?? "";
  const generating = performance.now();
  await executeLocal(persistTo, generateFriendsSql(FRIENDS, NOW), log);
  console.log(`generated ${FRIENDS.toLocaleString()} friends in local D1 in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  const stack = await startStack({ root: REPO_ROOT, ports: PORTS, storage, log });
  const worker: { http: number[]; server: number[]; count: number } = { http: [], server: [], count: 0 };
  try {
    const tokenResponse = await fetch(`${stack.urls.sandbox}/__sandbox/login/id-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: DEMO_ADMIN_ID, expiresInSeconds: 3600 }),
    });
    const { idToken } = (await tokenResponse.json()) as { idToken: string };
    for (let run = 0; run <= RUNS; run++) {
      const started = performance.now();
      const response = await fetch(`${stack.urls.worker}/api/admin/segments/count`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
        body: JSON.stringify({ filter: FILTER }),
      });
      const body = (await response.json()) as { count: number; tookMs: number };
      if (!response.ok) throw new Error(`count failed: ${response.status} ${JSON.stringify(body)}`);
      // Run 0 warms up (JWKS fetch, first compile of the Worker); it is not counted.
      if (run === 0) continue;
      worker.http.push(performance.now() - started);
      worker.server.push(body.tookMs);
      worker.count = body.count;
    }
  } finally {
    await stack.stop();
  }

  const db = new DatabaseSync(localD1File(persistTo), { readOnly: true });
  const node: number[] = [];
  let nodeCount = 0;
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const query = countQuery(compileSegment(FILTER, { now: Date.now() }));
    nodeCount = Number((db.prepare(query.sql).get(...query.params) as { count: number }).count);
    if (run > 0) node.push(performance.now() - started);
  }
  db.close();

  console.log(`\nSegment count benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
  console.log(
    `${FRIENDS.toLocaleString()} friends; filter: tag VIP AND NOT tag dormant AND active within 90 days; ${RUNS} runs after a warm-up\n`,
  );
  console.log("| where | matches | compile + count |");
  console.log("|---|---|---|");
  console.log(`| local D1 via the Worker (server time) | ${worker.count.toLocaleString()} | ${stats(worker.server)} |`);
  console.log(`| local D1 via the Worker (HTTP round trip) | ${worker.count.toLocaleString()} | ${stats(worker.http)} |`);
  console.log(`| same SQL on node:sqlite, same file | ${nodeCount.toLocaleString()} | ${stats(node)} |`);
  const median = [...worker.server].sort((a, b) => a - b)[Math.floor(worker.server.length / 2)] ?? Number.POSITIVE_INFINITY;
  console.log(`\ngoal ≤ 1000 ms (local D1, server time): ${median <= 1000 ? "met" : "NOT met"}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
