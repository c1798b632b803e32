/**
 * Index construction: every phrasing of an entry (question, alternates, learned questions) is analysed on
 * its own, because a customer's message usually resembles one phrasing, not their union. The answer is
 * a separate, weaker field.
 */
import type { FaqEntry } from "./schema.ts";
import { analyze, compileLexicon, type TermBag } from "./tokenize.ts";

export interface FaqIndexOptions {
  /** Extra synonym groups for this shop: concept → forms (same shape as the built-in lexicon). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Questions staff attached or customers confirmed, by entry id (issue 4 §3). */
  learned?: ReadonlyArray<{ id: string; question: string }>;
}

export interface IndexedPhrasing {
  bag: TermBag;
  /** Σ weight·idf over the phrasing's terms: the denominator of "how much of it the message covers". */
  mass: number;
  learned: boolean;
}

export interface IndexedEntry {
  entry: FaqEntry;
  phrasings: IndexedPhrasing[];
  answer: TermBag;
}

export interface FaqIndex {
  entries: IndexedEntry[];
  idf: Map<string, number>;
  /** idf of a term no entry contains: what an off-topic word in a message weighs */
  unknownIdf: number;
  /** term → indexes of entries whose phrasings contain it, to score only candidates */
  postings: Map<string, number[]>;
  lexicon: ReturnType<typeof compileLexicon>;
}

function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function buildFaqIndex(entries: readonly FaqEntry[], options: FaqIndexOptions = {}): FaqIndex {
  const lexicon = compileLexicon(options.synonyms);
  const learnedById = new Map<string, string[]>();
  for (const { id, question } of options.learned ?? []) learnedById.set(id, [...(learnedById.get(id) ?? []), question]);

  const built = entries.map((entry) => {
    const texts = [entry.question, ...entry.alternates];
    const learned = learnedById.get(entry.id) ?? [];
    return {
      entry,
      bags: [...texts, ...learned].map((t) => analyze(t, lexicon)),
      learnedFrom: texts.length,
      answer: analyze(entry.answer, lexicon, { words: false }),
    };
  });

  // Document frequency counts entries, not phrasings: ten alternates of one entry must not make its
  // own key word look common.
  const df = new Map<string, number>();
  for (const b of built) {
    const seen = new Set<string>();
    for (const bag of [...b.bags, b.answer]) for (const term of bag.keys()) seen.add(term);
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = Math.max(entries.length, 1);
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, bm25Idf(n, count));

  const postings = new Map<string, number[]>();
  const indexed = built.map((b, i): IndexedEntry => {
    const terms = new Set<string>();
    const phrasings = b.bags.map((bag, k) => {
      let mass = 0;
      for (const [term, w] of bag) {
        mass += w * (idf.get(term) ?? 0);
        terms.add(term);
      }
      return { bag, mass, learned: k >= b.learnedFrom };
    });
    for (const term of b.answer.keys()) terms.add(term);
    for (const term of terms) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
    return { entry: b.entry, phrasings, answer: b.answer };
  });

  return { entries: indexed, idf, unknownIdf: bm25Idf(n, 0), postings, lexicon };
}
