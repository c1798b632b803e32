/**
 * FAQ matcher benchmark (issue 4 §4), part of `pnpm bench`; alone:
 *   node --experimental-strip-types test/bench/faq.ts
 * Reads the data from ../shared/faq next to the repository (never copied into it) and prints:
 * - salon (development set): the four figures, and automation with --learn on half the messages;
 * - localgovfaq: P@1 / SR@5 / MRR on the README's test split, next to its BM25 and the paper's figures;
 * - cost: ms per message, index build time and load time of the serialized index (what a fresh Worker
 *   isolate reads from D1 instead of building) with 500 entries, on Node, and the serialized size.
 * `--cold`: the first build of 500 entries in a fresh process only; `--cold-load`: the first load of them
 * plus the first decide() (a fresh isolate's first FAQ message), medians of 9 fresh processes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildFaqIndex,
  decide,
  deserializeFaqIndex,
  evaluateLabelled,
  evaluateWithLearning,
  type FaqEntry,
  FaqFileSchema,
  formatFigures,
  LabelledQuerySchema,
  rankMessage,
  retrievalFigures,
  serializeFaqIndex,
} from "../../shared/src/faq/index.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = join(repoRoot, "..", "shared", "faq");
if (!existsSync(join(dataDir, "salon", "faq.json")) || !existsSync(join(dataDir, "localgovfaq", "corpus.json"))) {
  console.log(`FAQ data not found in ${dataDir} (expected salon/ and localgovfaq/ there): skipping the FAQ benchmark.`);
  process.exit(0);
}
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(dataDir, ...path), "utf8"));

// --cold-load FILE: only the first load of a serialized index in this process (the fresh isolate's path:
// nothing of the matcher has run yet), then its first decision; prints them as JSON. Without FILE: write one
// for 500 shop-sized entries and run that in COLD_RUNS fresh processes, printing the medians.
const COLD_RUNS = 9;
if (process.argv.includes("--cold-load")) {
  const file = process.argv[process.argv.indexOf("--cold-load") + 1];
  if (file && !file.startsWith("--")) {
    const bytes = new Uint8Array(readFileSync(file));
    const t0 = performance.now();
    const index = deserializeFaqIndex(bytes);
    const load = performance.now() - t0;
    const t1 = performance.now();
    decide(index, "駐車場はありますか");
    const decided = performance.now() - t1;
    const t2 = performance.now();
    deserializeFaqIndex(bytes);
    console.log(JSON.stringify({ kB: bytes.length / 1024, load, decide: decided, second: performance.now() - t2 }));
    process.exit(0);
  }
}
// --cold: only the first build of 500 shop-sized entries in this process (JIT and ICU cold, as in a
// fresh Worker isolate), then exit.
if (process.argv.includes("--cold") || process.argv.includes("--cold-load")) {
  const corpus = readJson("localgovfaq", "corpus.json") as Record<string, string>;
  const entries: FaqEntry[] = Object.entries(corpus)
    .slice(0, 500)
    .map(([id, text]) => {
      const match = /^Question:\s*([\s\S]*?)\nAnswer:\s*([\s\S]*)$/.exec(text);
      return { id, question: (match?.[1] ?? text).trim(), answer: (match?.[2] ?? "").trim().slice(0, 130), alternates: [] };
    });
  if (process.argv.includes("--cold-load")) {
    const path = join(mkdtempSync(join(tmpdir(), "faq-bench-")), "index.bin");
    writeFileSync(path, serializeFaqIndex(buildFaqIndex(entries)));
    const args = [...process.execArgv, fileURLToPath(import.meta.url), "--cold-load", path];
    const runs = Array.from(
      { length: COLD_RUNS },
      () =>
        JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" })) as {
          kB: number;
          load: number;
          decide: number;
          second: number;
        },
    );
    const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] as number;
    const figure = (values: number[]): string =>
      `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
    console.log(
      `500 shop-sized entries (${runs[0]?.kB.toFixed(0)} kB), median of ${COLD_RUNS} fresh processes (range): first load ${figure(runs.map((r) => r.load))}, then its first decide() ${figure(runs.map((r) => r.decide))}; together ${figure(runs.map((r) => r.load + r.decide))} (goal ≤ 10 ms); a second load ${figure(runs.map((r) => r.second))}`,
    );
    process.exit(0);
  }
  const t0 = performance.now();
  buildFaqIndex(entries);
  const first = performance.now() - t0;
  const t1 = performance.now();
  buildFaqIndex(entries);
  console.log(
    `first build of 500 shop-sized entries in a fresh process: ${first.toFixed(1)} ms (second: ${(performance.now() - t1).toFixed(1)} ms)`,
  );
  process.exit(0);
}
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

// --- salon ---
const salon = FaqFileSchema.parse(readJson("salon", "faq.json"));
const salonQueries = readFileSync(join(dataDir, "salon", "queries.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => LabelledQuerySchema.parse(JSON.parse(line)));
console.log(
  `salon: ${salon.entries.length} entries, ${salonQueries.length} messages (development set: tuned on, expect less on unseen shops)`,
);
for (const line of formatFigures(evaluateLabelled(buildFaqIndex(salon.entries), salonQueries).figures)) console.log(`  ${line}`);
const learning = ([0, 1] as const).map((part) => evaluateWithLearning(salon.entries, salonQueries, part));
const learnedAutomation = learning.map((f) => `${pct(f.automation)} (${f.rightAnswers}/${f.answerable}, ${f.wrongAnswers} wrong)`);
console.log(`  with --learn on half the messages, automation on the other half: ${learnedAutomation.join(" / ")}  (even→odd / odd→even)`);

// --- localgovfaq ---
const corpus = readJson("localgovfaq", "corpus.json") as Record<string, string>;
const queries = readJson("localgovfaq", "queries.json") as Record<string, string>;
const qrels = readJson("localgovfaq", "qrels.json") as Record<string, Record<string, number>>;
const localgovEntries: FaqEntry[] = Object.entries(corpus).map(([id, text]) => {
  const match = /^Question:\s*([\s\S]*?)\nAnswer:\s*([\s\S]*)$/.exec(text);
  return { id, question: (match?.[1] ?? text).trim(), answer: (match?.[2] ?? "").trim(), alternates: [] };
});
const localgovIndex = buildFaqIndex(localgovEntries);
// The README's protocol: grade ≥ 1 relevant, queries whose id % 5 != 0 are the test set.
const ranks = Object.entries(queries)
  .filter(([id]) => Number(id) % 5 !== 0)
  .map(([id, text]) => {
    const relevant = qrels[id] ?? {};
    return rankMessage(localgovIndex, text).ranking.candidates.findIndex((c) => (relevant[c.id] ?? 0) >= 1);
  });
const lg = retrievalFigures(ranks);
const f3 = (x: number): string => x.toFixed(3).replace(/^0/, "");
console.log(`\nlocalgovfaq: ${localgovEntries.length} FAQs, ${lg.queries} test queries (grade ≥ 1, id % 5 != 0)`);
console.log("                                   P@1   SR@5  MRR");
console.log(`  this matcher                     ${f3(lg.precisionAt1)}  ${f3(lg.successAt5)}  ${f3(lg.meanReciprocalRank)}`);
console.log("  plain BM25 in workerd (README)   .419  .661  .525");
console.log("  paper, 627 q, grades A–C (looser protocol):");
console.log("    TSUBAKI (BM25-based)           .504  .734  .598");
console.log("    BERT                           .509  .810  .631");
console.log("    TSUBAKI+BERT                   .612  .841  .705");

// The same FAQ as a decision task, to see whether thresholds fitted on a 36-entry salon FAQ behave on a
// 900-entry municipal one: index the FAQs with an even id only; a query whose relevant FAQs were all
// left out must be handed over. (Its qrels are incomplete, so some "wrong" answers are right.)
const half = localgovEntries.filter((e) => Number(e.id) % 2 === 0);
const halfIds = new Set(half.map((e) => e.id));
const halfIndex = buildFaqIndex(half);
let inScope = 0;
let right = 0;
let wrong = 0;
let handedOver = 0;
const testQueries = Object.entries(queries).filter(([id]) => Number(id) % 5 !== 0);
for (const [id, text] of testQueries) {
  const relevant = Object.entries(qrels[id] ?? {}).filter(([doc, grade]) => grade >= 1 && halfIds.has(doc));
  const result = decide(halfIndex, text);
  if (relevant.length > 0) inScope++;
  if (result.action === "answer") {
    if (relevant.some(([doc]) => doc === result.ids[0])) right++;
    else wrong++;
  } else if (relevant.length === 0 && result.action !== "suggest") handedOver++;
}
console.log(`  as a decision task (${half.length} FAQs indexed, ${inScope} of ${testQueries.length} test queries answerable):`);
console.log(
  `    automation ${pct(right / inScope)}, wrong answers ${pct(wrong / testQueries.length)}, out of scope handed over ${pct(handedOver / (testQueries.length - inScope))}`,
);

// --- cost ---
// 500 real FAQ entries: localgovfaq's first 500 as they are (answers ~360 characters on average, longer
// than a shop's), and the same cut to 130 characters, a shop FAQ's size (salon's answers average 124).
// Builds are timed many times after two warm-up builds (p50, p99): a single timing on a shared machine
// says little. The first build of a fresh process (JIT cold) is slower: `node … test/bench/faq.ts --cold`;
// the first load of a stored index in a fresh process: `--cold-load`.
const BUILDS = 100;
function timings(run: () => void): { p50: number; p99: number; best: number } {
  run();
  run();
  const times: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99), best: times[0] as number };
}
const entries500 = localgovEntries.slice(0, 500);
const shopSized500 = entries500.map((e) => ({ ...e, answer: e.answer.slice(0, 130) }));
const index500 = buildFaqIndex(entries500);
const messages = [...Object.values(queries), ...salonQueries.map((q) => q.q)];
for (const m of messages.slice(0, 200)) decide(index500, m); // warm-up: JIT and ICU segmenter
const t0 = performance.now();
for (const m of messages) decide(index500, m);
const perMessage = (performance.now() - t0) / messages.length;
console.log(`\ncost on Node ${process.version}, 500 entries (wall clock; a busy machine inflates the figures):`);
console.log(`  decide(): ${perMessage.toFixed(3)} ms per message (mean over ${messages.length} messages; goal ≤ 1 ms)`);
for (const [label, entries] of [
  ["shop-sized answers (≤ 130 chars)", shopSized500],
  ["localgovfaq answers (~360 chars)", entries500],
] as const) {
  const { p50, p99, best } = timings(() => buildFaqIndex(entries));
  console.log(
    `  buildFaqIndex(), ${label}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, best ${best.toFixed(1)} ms of ${BUILDS} (goal ≤ 50 ms)`,
  );
  // What a fresh Worker isolate does instead when D1 holds the index (decision 018; stored as base64,
  // decoded natively in workerd, not timed here).
  const bytes = serializeFaqIndex(buildFaqIndex(entries));
  const load = timings(() => deserializeFaqIndex(bytes));
  console.log(
    `  deserializeFaqIndex(), same entries (${(bytes.length / 1024).toFixed(0)} kB serialized, ${((bytes.length * 4) / 3 / 1024).toFixed(0)} kB as stored in base64): p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms, best ${load.best.toFixed(2)} ms of ${BUILDS}`,
  );
}
