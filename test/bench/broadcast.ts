// A broadcast to 1,000,000 friends through wrangler dev (local D1 + local Queues) to the LINE sandbox, with
// 5% of multicast requests failing with 5xx (half before LINE accepted them, half after: the answer lost).
// Checks: exactly 2,000 accepted multicasts, nobody twice, ≤ 2 D1 rows written per batch (counted by
// triggers on every table, installed for the run), and reports the wall time.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { cpus } from "node:os";
import { DatabaseSync } from "node:sqlite";
import { DEMO_ADMIN_ID, DEMO_CHANNEL, DEMO_OPERATORS } from "../dev/demo-users.ts";
import { addSandboxUsers, prepareIsolatedWorker, REPO_ROOT, stackUrls, startWorker, waitForHttp } from "../dev/stack.ts";
import { startSandbox } from "../line-sandbox/src/server.ts";
import { executeLocal, generateFriendsSql, localD1File } from "./segments.ts";

const PORTS = { worker: 8809, sandbox: 8810 };
const FRIENDS = Number(process.env.BENCH_FRIENDS ?? 1_000_000);
const FAULT_RATE = 0.05;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 3600) * 1000;

/** Deterministic pseudo-random numbers (mulberry32): the same 5% of requests fail on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Stands between the Worker and the sandbox: forwards everything, and fails 5% of multicasts with a 500 —
 * half without forwarding (nothing delivered), half after the sandbox accepted (delivered, answer lost).
 */
function faultProxy(target: string, port: number) {
  const next = random(20261123);
  const stats = { multicasts: 0, failedBefore: 0, failedAfter: 0 };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const multicast = req.method === "POST" && req.url === "/v2/bot/message/multicast";
    let fault: "before" | "after" | null = null;
    if (multicast) {
      stats.multicasts++;
      if (next() < FAULT_RATE) fault = next() < 0.5 ? "before" : "after";
    }
    if (fault === "before") {
      stats.failedBefore++;
      res.writeHead(500, { "content-type": "application/json" }).end('{"message":"injected 5xx"}');
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === "string" && k !== "host" && k !== "content-length") headers.set(k, v);
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (fault === "after") {
      stats.failedAfter++;
      res.writeHead(500, { "content-type": "application/json" }).end('{"message":"injected 5xx after accept"}');
      return;
    }
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== "content-length" && k !== "content-encoding" && k !== "transfer-encoding") out[k] = v;
    });
    res.writeHead(upstream.status, out).end(answer);
  });
  return {
    stats,
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A trigger per table and operation counting rows written, so "rows per batch" is measured, not assumed.
 * (D1's `changes` then includes the trigger's own row: the repositories test `> 0`, not `=== 1`, for it.)
 */
function writeCountingTriggers(tables: readonly string[]): string {
  const lines = ["CREATE TABLE bench_writes (tbl TEXT NOT NULL, op TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tbl, op));"];
  for (const t of tables) {
    for (const op of ["INSERT", "UPDATE", "DELETE"]) {
      lines.push(
        `CREATE TRIGGER bench_${t}_${op.toLowerCase()} AFTER ${op} ON ${t} BEGIN INSERT INTO bench_writes (tbl, op, n) VALUES ('${t}', '${op}', 1) ON CONFLICT (tbl, op) DO UPDATE SET n = n + 1; END;`,
      );
    }
  }
  return lines.join("\n");
}

function userTables(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  const rows = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
    )
    .all() as {
    name: string;
  }[];
  db.close();
  return rows.map((r) => r.name);
}

interface BroadcastView {
  status: string;
  pausedReason: string | null;
  progress: { sent: number; failed: number; batches: { total: number; sent: number; queued: number; failed: number } };
}

async function main(): Promise<void> {
  const log = (source: string, line: string) => {
    if (process.env.BENCH_VERBOSE) console.log(`[${source}] ${line}`);
  };
  const urls = stackUrls(PORTS);
  const storage = await prepareIsolatedWorker(REPO_ROOT, "bench-broadcast", PORTS, log);
  const persistTo = storage.persistTo ?? "";
  // Only the generated friends follow: the demo shop's customers step aside, so "everyone" is exactly N.
  const generating = performance.now();
  // The generator blocks 4% of its friends (as segments.ts wants); here all of them follow: N recipients.
  await executeLocal(
    persistTo,
    `UPDATE friends SET status = 'blocked';${generateFriendsSql(FRIENDS, Date.now())}\nUPDATE friends SET status = 'following' WHERE display_name LIKE 'bench %';`,
    log,
  );
  const file = localD1File(persistTo);
  const following = Number(
    (
      new DatabaseSync(file, { readOnly: true }).prepare("SELECT COUNT(*) AS n FROM friends WHERE status = 'following'").get() as {
        n: number;
      }
    ).n,
  );
  await executeLocal(persistTo, writeCountingTriggers(userTables(file)), log);
  console.log(
    `generated ${FRIENDS.toLocaleString()} friends (${following.toLocaleString()} following) in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );

  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", ...DEMO_CHANNEL, webhookUrl: urls.webhook, publicUrl: urls.sandbox });
  const proxy = faultProxy(sandbox.url, PORTS.sandbox);
  await proxy.listen();
  const worker = startWorker(REPO_ROOT, PORTS.worker, storage, log);
  let wallMs = 0;
  let final: BroadcastView | null = null;
  try {
    await waitForHttp(`${urls.worker}/api/health`, { timeoutMs: 90_000, process: worker });
    await addSandboxUsers(sandbox.url, DEMO_OPERATORS);
    const token = (await (
      await fetch(`${sandbox.url}/__sandbox/login/id-token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: DEMO_ADMIN_ID, expiresInSeconds: 7200 }),
      })
    ).json()) as { idToken: string };
    const admin = { "content-type": "application/json", authorization: `Bearer ${token.idToken}` };
    const started = performance.now();
    const created = await fetch(`${urls.worker}/api/admin/broadcasts`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        name: "100万人ベンチ",
        audience: { type: "everyone" },
        messages: [{ type: "text", text: "ベンチマーク配信" }],
        schedule: { type: "now" },
      }),
    });
    const { id } = (await created.json()) as { id: string };
    if (!created.ok) throw new Error(`create failed: ${created.status}`);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      final = (await (await fetch(`${urls.worker}/api/admin/broadcasts/${id}`, { headers: admin })).json()) as BroadcastView;
      const elapsed = performance.now() - started;
      if (process.env.BENCH_VERBOSE || Math.round(elapsed / 2000) % 15 === 0) {
        console.log(
          `  ${(elapsed / 1000).toFixed(0)} s: ${final.status}, ${final.progress.sent.toLocaleString()} sent, ${final.progress.batches.sent}/${final.progress.batches.total} batches`,
        );
      }
      if (!["scheduled", "sending", "paused"].includes(final.status) || elapsed > TIMEOUT_MS) break;
    }
    wallMs = performance.now() - started;
  } finally {
    await worker.stop();
    await proxy.close();
  }

  // What LINE (the sandbox) accepted: each accepted multicast delivered to every ID in its `to`.
  const multicasts = sandbox.state.calls.filter((c) => c.endpoint === "multicast");
  const accepted = multicasts.filter((c) => c.status === 200);
  const seen = new Map<string, number>();
  for (const call of accepted) for (const to of (call.body as { to: string[] }).to) seen.set(to, (seen.get(to) ?? 0) + 1);
  const twice = [...seen.values()].filter((n) => n > 1).length;
  await sandbox.close();

  const db = new DatabaseSync(file, { readOnly: true });
  const writes = db.prepare("SELECT tbl, op, n FROM bench_writes ORDER BY tbl, op").all() as { tbl: string; op: string; n: number }[];
  const batches = Number((db.prepare("SELECT COUNT(*) AS n FROM broadcast_batches").get() as { n: number }).n);
  db.close();
  const batchWrites = writes.filter((w) => w.tbl === "broadcast_batches").reduce((n, w) => n + w.n, 0);
  const allWrites = writes.reduce((n, w) => n + w.n, 0);

  console.log(`\nBroadcast benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
  console.log(`wrangler dev (local D1 + Queues) → fault proxy (${FAULT_RATE * 100}% of multicasts answer 500) → LINE sandbox\n`);
  console.log("| figure | value |");
  console.log("|---|---|");
  console.log(`| recipients (following friends) | ${following.toLocaleString()} |`);
  console.log(
    `| final status | ${final?.status ?? "?"} (${final?.progress.sent.toLocaleString() ?? 0} sent, ${final?.progress.failed ?? 0} failed) |`,
  );
  console.log(`| wall time, create → completed | ${(wallMs / 1000).toFixed(1)} s |`);
  console.log(`| batches | ${batches.toLocaleString()} |`);
  console.log(`| multicast requests sent by the Worker | ${proxy.stats.multicasts.toLocaleString()} |`);
  console.log(`| injected 5xx: before accept / after accept | ${proxy.stats.failedBefore} / ${proxy.stats.failedAfter} |`);
  console.log(`| multicasts LINE accepted (delivered) | ${accepted.length.toLocaleString()} |`);
  console.log(`| retries answered 409 (already accepted) | ${multicasts.filter((c) => c.status === 409).length} |`);
  console.log(`| distinct recipients delivered / delivered twice | ${seen.size.toLocaleString()} / ${twice} |`);
  console.log(
    `| D1 rows written, broadcast_batches (per batch) | ${batchWrites.toLocaleString()} (${(batchWrites / Math.max(1, batches)).toFixed(2)}) |`,
  );
  console.log(
    `| D1 rows written, all tables (per batch) | ${allWrites.toLocaleString()} (${(allWrites / Math.max(1, batches)).toFixed(2)}) |`,
  );
  console.log(`\nrows written by table: ${writes.map((w) => `${w.tbl} ${w.op.toLowerCase()} ${w.n}`).join(", ")}`);
  const expected = Math.ceil(following / 500);
  // Per batch: its own row, inserted once and updated once. Per broadcast, whatever its size: its row (insert,
  // start, end of planning, completion) — a constant, not a per-recipient or per-batch cost.
  const perBroadcast = allWrites - batchWrites;
  const ok =
    accepted.length === expected && twice === 0 && seen.size === following && batchWrites / Math.max(1, batches) <= 2 && perBroadcast <= 10;
  console.log(`rows written once per broadcast (not per batch): ${perBroadcast}`);
  console.log(
    `\nexactly ${expected.toLocaleString()} accepted multicasts, nobody twice, everyone once, ≤ 2 rows per batch: ${ok ? "met" : "NOT met"}`,
  );
  if (!ok) process.exitCode = 1;
}

await main();
