/**
 * Fits the decision models of shared/src/faq/decide.ts and cross-validates them (issue 4 §4). Not part
 * of `pnpm bench` (underscore); run alone, it prints weights to paste into decide.ts and the CV figures:
 *   node --experimental-strip-types test/bench/_faq-fit.ts [--lambda 1] [--folds 5]
 *
 * Samples (each: the features of one message against one index, and whether the top entry / the top 3
 * hold the expected one):
 * - salon, all messages against the whole FAQ;
 * - salon, half the messages learned (even/odd), the other half decided — issue 4 §4's learning scenario;
 * - salon with a quarter of the entries removed in turn: their messages become near-topic out-of-scope
 *   ones, the kind a shop's unseen FAQ produces;
 * - localgovfaq's tuning queries (id % 5 == 0) against its even-id FAQs (a 900-entry FAQ of another
 *   domain, so the weights are not tied to one FAQ's size).
 * Cross-validation: salon messages are split into folds by line number; every sample of a message (in
 * every scenario) falls in the same fold, the models are fitted on the other folds and decide on it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildFaqIndex } from "../../shared/src/faq/build.ts";
import { ANSWER_MODEL, assessMessage, CHOICE_MODEL, DEFAULT_THRESHOLDS, probability, type Weights } from "../../shared/src/faq/decide.ts";
import type { DecisionFeatures } from "../../shared/src/faq/features.ts";
import { type FaqEntry, FaqFileSchema, LabelledQuerySchema } from "../../shared/src/faq/schema.ts";

const { values: args } = parseArgs({
  options: { lambda: { type: "string", default: "1" }, folds: { type: "string", default: "5" } },
});
const LAMBDA = Number(args.lambda);
const FOLDS = Number(args.folds);

const dataDir = join(fileURLToPath(new URL("../..", import.meta.url)), "..", "shared", "faq");
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(dataDir, ...path), "utf8"));
const salon = FaqFileSchema.parse(readJson("salon", "faq.json"));
const salonQueries = readFileSync(join(dataDir, "salon", "queries.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => LabelledQuerySchema.parse(JSON.parse(line)));

interface Sample {
  scenario: string;
  /** CV fold (−1: always in training, never scored: localgovfaq) */
  fold: number;
  features: DecisionFeatures;
  rule: string | null;
  ids: string[];
  /** the expected entries (empty: out of scope) */
  expected: string[];
}

const samples: Sample[] = [];
function add(scenario: string, fold: number, index: ReturnType<typeof buildFaqIndex>, q: string, expected: string[]): void {
  const a = assessMessage(index, q);
  samples.push({ scenario, fold, features: a.features, rule: a.rule, ids: a.ranking.candidates.slice(0, 3).map((c) => c.id), expected });
}

const full = buildFaqIndex(salon.entries);
salonQueries.forEach((l, i) => {
  add("salon", i % FOLDS, full, l.q, l.expected ? [l.expected] : []);
});
for (const part of [0, 1]) {
  const learn = salonQueries.filter((_, i) => i % 2 === part);
  const index = buildFaqIndex(salon.entries, {
    learned: learn.flatMap((l) => (l.expected === null ? [] : [{ id: l.expected, question: l.q }])),
    outOfScope: learn.flatMap((l) => (l.expected === null ? [l.q] : [])),
  });
  salonQueries.forEach((l, i) => {
    if (i % 2 !== part) add("salon+learn", i % FOLDS, index, l.q, l.expected ? [l.expected] : []);
  });
}
for (let held = 0; held < 4; held++) {
  const kept = salon.entries.filter((_, e) => e % 4 !== held);
  const keptIds = new Set(kept.map((e) => e.id));
  const index = buildFaqIndex(kept);
  salonQueries.forEach((l, i) => {
    if (l.expected && !keptIds.has(l.expected)) add("salon-held-out", i % FOLDS, index, l.q, []);
    else if (l.expected && held === 0) add("salon-3/4", i % FOLDS, index, l.q, [l.expected]);
  });
}

const corpus = readJson("localgovfaq", "corpus.json") as Record<string, string>;
const lgQueries = readJson("localgovfaq", "queries.json") as Record<string, string>;
const qrels = readJson("localgovfaq", "qrels.json") as Record<string, Record<string, number>>;
const lgEntries: FaqEntry[] = Object.entries(corpus)
  .filter(([id]) => Number(id) % 2 === 0)
  .map(([id, text]) => {
    const match = /^Question:\s*([\s\S]*?)\nAnswer:\s*([\s\S]*)$/.exec(text);
    return { id, question: (match?.[1] ?? text).trim(), answer: (match?.[2] ?? "").trim(), alternates: [] };
  });
const lgIds = new Set(lgEntries.map((e) => e.id));
const lgIndex = buildFaqIndex(lgEntries);
for (const [id, text] of Object.entries(lgQueries)) {
  const relevant = Object.entries(qrels[id] ?? {}).flatMap(([doc, grade]) => (grade >= 1 && lgIds.has(doc) ? [doc] : []));
  add(Number(id) % 5 === 0 ? "localgov-tune" : "localgov-test", -1, lgIndex, text, relevant);
}

const KEYS = Object.keys(samples[0]?.features ?? {}) as Array<keyof DecisionFeatures>;

/** L2 logistic regression on standardised features, gradient descent; returns weights on raw features. */
function fit(rows: Sample[], label: (s: Sample) => number): Weights {
  const d = KEYS.length;
  const mean = KEYS.map((k) => rows.reduce((a, s) => a + s.features[k], 0) / rows.length);
  const sd = KEYS.map((k, j) => Math.sqrt(rows.reduce((a, s) => a + (s.features[k] - (mean[j] as number)) ** 2, 0) / rows.length) || 1);
  const x = rows.map((s) => KEYS.map((k, j) => (s.features[k] - (mean[j] as number)) / (sd[j] as number)));
  const y = rows.map(label);
  const w = new Float64Array(d);
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    const g = new Float64Array(d);
    let gb = 0;
    for (let i = 0; i < rows.length; i++) {
      const xi = x[i] as number[];
      let z = b;
      for (let j = 0; j < d; j++) z += (w[j] as number) * (xi[j] as number);
      const err = 1 / (1 + Math.exp(-z)) - (y[i] as number);
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + err * (xi[j] as number);
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] = (w[j] as number) - (0.5 * ((g[j] as number) + LAMBDA * (w[j] as number))) / rows.length;
    b -= (0.5 * gb) / rows.length;
  }
  const out: Record<string, number> = {};
  let bias = b;
  KEYS.forEach((k, j) => {
    out[k] = (w[j] as number) / (sd[j] as number);
    bias -= ((w[j] as number) * (mean[j] as number)) / (sd[j] as number);
  });
  out.bias = bias;
  return out as Weights;
}

const top1 = (s: Sample): number => (s.ids[0] !== undefined && s.expected.includes(s.ids[0]) ? 1 : 0);
const top3 = (s: Sample): number => (s.ids.some((id) => s.expected.includes(id)) ? 1 : 0);

type Action = "answer" | "suggest" | "escalate";
function act(s: Sample, answer: Weights, choice: Weights, tA: number, tS: number): Action {
  if (s.rule !== null) return "escalate";
  if (probability(answer, s.features) >= tA) return "answer";
  if (probability(choice, s.features) >= tS) return "suggest";
  return "escalate";
}

interface Tally {
  n: number;
  answerable: number;
  right: number;
  wrong: number;
  offered: number;
  oos: number;
  handed: number;
}
const tally = (): Tally => ({ n: 0, answerable: 0, right: 0, wrong: 0, offered: 0, oos: 0, handed: 0 });
function count(t: Tally, s: Sample, a: Action): void {
  t.n++;
  if (s.expected.length > 0) t.answerable++;
  else t.oos++;
  if (a === "answer") {
    if (top1(s)) t.right++;
    else t.wrong++;
  }
  if (s.expected.length > 0 && a !== "escalate" && s.ids.slice(0, a === "answer" ? 1 : 3).some((id) => s.expected.includes(id)))
    t.offered++;
  if (s.expected.length === 0 && a === "escalate") t.handed++;
}
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : "  -  ").padStart(6);
const line = (name: string, t: Tally): string =>
  `${name.padEnd(16)} n=${String(t.n).padStart(4)}  automation ${pct(t.right, t.answerable)}  wrong ${pct(t.wrong, t.n)}  offered ${pct(t.offered, t.answerable)}  oos handed ${pct(t.handed, t.oos)}`;

const trainable = (s: Sample): boolean => s.rule === null && s.scenario !== "localgov-test";
const scenarios = [...new Set(samples.map((s) => s.scenario))];

function report(title: string, decideFor: (s: Sample) => Action): void {
  console.log(title);
  for (const sc of scenarios) {
    const t = tally();
    for (const s of samples) if (s.scenario === sc) count(t, s, decideFor(s));
    console.log(`  ${line(sc, t)}`);
  }
}

const fmt = (w: Weights): string =>
  `{ ${Object.entries(w)
    .map(([k, v]) => `${k}: ${v.toFixed(2)}`)
    .join(", ")} }`;
const { answerThreshold: tA, suggestThreshold: tS } = DEFAULT_THRESHOLDS;
report(`current models in decide.ts, thresholds ${tA}/${tS}:`, (s) => act(s, ANSWER_MODEL, CHOICE_MODEL, tA, tS));

const answerAll = fit(samples.filter(trainable), top1);
const choiceAll = fit(samples.filter(trainable), top3);
console.log(`\nfitted on everything (λ ${LAMBDA}):\nANSWER_MODEL ${fmt(answerAll)}\nCHOICE_MODEL ${fmt(choiceAll)}`);
report(`in-sample, thresholds ${tA}/${tS}:`, (s) => act(s, answerAll, choiceAll, tA, tS));

// Cross-validated: the models of the other folds decide each salon sample.
const foldModels = Array.from({ length: FOLDS }, (_, f) => {
  const rows = samples.filter((s) => trainable(s) && s.fold !== f);
  return { answer: fit(rows, top1), choice: fit(rows, top3) };
});
const cvAct = (s: Sample, a: number, c: number): Action => {
  const m = s.fold >= 0 ? (foldModels[s.fold] as (typeof foldModels)[number]) : { answer: answerAll, choice: choiceAll };
  return act(s, m.answer, m.choice, a, c);
};
report(`cross-validated (${FOLDS} folds), thresholds ${tA}/${tS}:`, (s) => cvAct(s, tA, tS));
/** Threshold grid: salon, the learning scenario and the held-out entries, for one way of deciding. */
function grid(title: string, decideAt: (s: Sample, a: number, c: number) => Action): void {
  console.log(title);
  for (const a of [0.5, 0.55, 0.6, 0.62, 0.65, 0.7])
    for (const c of [0.25, 0.3, 0.35, 0.4, 0.45]) {
      const t: Record<string, Tally> = { salon: tally(), "salon+learn": tally(), "salon-held-out": tally() };
      for (const s of samples) {
        const at = t[s.scenario];
        if (at) count(at, s, decideAt(s, a, c));
      }
      const {
        salon: ts,
        "salon+learn": tl,
        "salon-held-out": th,
      } = t as Record<string, Tally> & { salon: Tally; "salon+learn": Tally; "salon-held-out": Tally };
      console.log(
        `  ${a}/${c}: salon auto ${pct(ts.right, ts.answerable)} wrong ${pct(ts.wrong, ts.n)} offered ${pct(ts.offered, ts.answerable)} oos ${pct(ts.handed, ts.oos)} | learn auto ${pct(tl.right, tl.answerable)} wrong ${pct(tl.wrong, tl.n)} | held-out oos ${pct(th.handed, th.oos)}`,
      );
    }
}
grid("thresholds, models of decide.ts (fitted on all of salon: in-sample):", (s, a, c) => act(s, ANSWER_MODEL, CHOICE_MODEL, a, c));
grid(`thresholds, models refitted per fold (cross-validated, λ ${LAMBDA}):`, cvAct);
