// Webhook throughput on `wrangler dev`, beside a no-I/O route measured in the same run (absolute numbers
// of a local dev server mean little; the ratio does). Also: the webhook's answer time while the LINE API
// is slow, which must stay far below LINE's 2 s because the work happens in the queue.
import { createHmac, randomUUID } from "node:crypto";
import { cpus } from "node:os";
import autocannon from "autocannon";
import { DEMO_CHANNEL, DEMO_CUSTOMERS } from "../dev/demo-users.ts";
import { prepareIsolatedWorker, REPO_ROOT, type StackPorts, startStack } from "../dev/stack.ts";
import { ulid } from "../line-sandbox/src/ids.ts";

const PORTS: StackPorts = { worker: 8811, sandbox: 8812 };
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 10;

function webhookBody(): { body: string; signature: string } {
  const user = DEMO_CUSTOMERS[Math.floor(Math.random() * DEMO_CUSTOMERS.length)];
  const now = Date.now();
  const body = JSON.stringify({
    destination: "Ubench",
    events: [
      {
        type: "message",
        mode: "active",
        timestamp: now,
        webhookEventId: ulid(now),
        deliveryContext: { isRedelivery: false },
        replyToken: randomUUID().replaceAll("-", ""),
        source: { type: "user", userId: user?.userId },
        message: { id: String(now), type: "text", text: "営業時間を教えてください", quoteToken: "q", markAsReadToken: "m" },
      },
    ],
  });
  return { body, signature: createHmac("sha256", DEMO_CHANNEL.channelSecret).update(body).digest("base64") };
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

async function measure(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function webhookOptions(url: string): autocannon.Options {
  return {
    url: `${url}/webhook`,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const { body, signature } = webhookBody();
          return { ...request, body, headers: { ...request.headers, "content-type": "application/json", "x-line-signature": signature } };
        },
      },
    ],
  };
}

async function main(): Promise<void> {
  const log = (source: string, line: string) => {
    if (process.env.BENCH_VERBOSE) console.log(`[${source}] ${line}`);
  };
  const storage = await prepareIsolatedWorker(REPO_ROOT, "bench", PORTS, log);
  const stack = await startStack({ root: REPO_ROOT, ports: PORTS, storage, log });
  try {
    const base = stack.urls.worker;
    // Warm up both routes so the first compile is not measured.
    await measure("warm-up", { url: `${base}/api/health`, duration: 2 });
    await measure("warm-up", { ...webhookOptions(base), duration: 2 });
    const rows = [
      await measure("GET /api/health (no I/O)", { url: `${base}/api/health` }),
      await measure("POST /webhook (signature + D1 dedupe + enqueue)", webhookOptions(base)),
    ];
    await fetch(`${stack.urls.sandbox}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "*", mode: "slow", delayMs: 3000 }),
    });
    rows.push(await measure("POST /webhook while every LINE API call takes 3 s", webhookOptions(base)));

    console.log(`\nWebhook benchmark — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
    console.log(`wrangler dev, autocannon ${DURATION_S} s × ${CONNECTIONS} connections\n`);
    console.log("| route | req/s | p50 ms | p99 ms | max ms | non-2xx | errors |");
    console.log("|---|---|---|---|---|---|---|");
    for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} |`);
    const [health, webhook] = rows;
    if (health && webhook) console.log(`\nwebhook / no-I/O throughput ratio: ${(webhook.rps / health.rps).toFixed(2)}`);
  } finally {
    await stack.stop();
  }
}

await main();
