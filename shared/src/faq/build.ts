/**
 * Index construction. Every phrasing of an entry (question, alternates, learned questions) is kept on its
 * own, because a customer's message usually resembles one phrasing rather than their union; the entry as
 * a whole (authored phrasings + answer) is also one BM25 document. Per-entry bookkeeping uses arrays
 * indexed by term id with an "entry stamp" instead of Maps: the build of 500 entries stays in budget.
 */
import { classifyMessage } from "./intent.ts";
import { type Postings, TermIds, TermTable, TripleList } from "./postings.ts";
import type { FaqEntry } from "./schema.ts";
import { analyze, compileLexicon, emitTerms, type Lexicon, type TermBag } from "./tokenize.ts";

export interface FaqIndexOptions {
  /** Extra synonym groups for this shop: concept → forms (same shape as the built-in lexicon). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Questions staff attached or customers confirmed, by entry id (issue 4 §3). */
  learned?: ReadonlyArray<{ id: string; question: string }>;
  /** Messages staff handled without an FAQ entry: a message much like one of them is handed over. */
  outOfScope?: readonly string[];
}

export interface FaqIndex {
  entries: FaqEntry[];
  lexicon: Lexicon;
  /** term → id (ids index idf and the postings) */
  termIds: TermTable;
  /**
   * per term: the number of entries containing it; its idf is idfByDf[df]. idf depends on df alone, so
   * a few hundred floats serve every term, and a stored index keeps df as small integers.
   */
  df: Int32Array;
  idfByDf: Float64Array;
  /** idf of a term no entry contains: what an off-topic word in a message weighs */
  unknownIdf: number;
  /** per phrasing: owning entry, Σ weight·idf of its terms, 1 if learned (staff/customers) */
  phrasingEntry: Int32Array;
  phrasingMass: Float64Array;
  phrasingLearned: Uint8Array;
  /** lexicon concepts of each phrasing and of each entry's answer: what kind of question it is */
  phrasingConcepts: string[][];
  answerConcepts: string[][];
  /** term → phrasings; value: weight, negated when the entry's answer has the term too */
  phrasingPostings: Postings;
  /** term → entries; value: term frequency in the whole entry (BM25), negated when the answer has the term */
  entryPostings: Postings;
  /** per entry: BM25 length normalisation k1·(1 − b + b·len/avgLen) */
  entryNorm: Float64Array;
  /** term bags of known out-of-scope messages (FaqIndexOptions.outOfScope) */
  outOfScope: TermBag[];
}

/** BM25 constants of the README's baseline, also best here. */
export const BM25_K1 = 0.9;
const BM25_B = 0.9;
/** a phrasing occurrence counts this many times an answer occurrence in the whole-entry document */
const QUESTION_FIELD_WEIGHT = 3;
/**
 * Only the start of an answer is indexed: it states what the entry is about, the rest is detail that
 * adds noise and build time (localgovfaq: P@1 .451 / SR@5 .666 at 300 characters, .449 / .676 at 400,
 * .432 / .679 whole; building 500 such entries is ~20% faster than at 400).
 */
export const ANSWER_CHARS = 300;

function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const isConcept = (term: string | number): term is string => typeof term === "string" && term.startsWith("c:");

export function buildFaqIndex(entries: readonly FaqEntry[], options: FaqIndexOptions = {}): FaqIndex {
  const lexicon = compileLexicon(options.synonyms);
  const learnedById = new Map<string, string[]>();
  for (const { id, question } of options.learned ?? []) learnedById.set(id, [...(learnedById.get(id) ?? []), question]);

  // Per term id: document frequency, and what the current entry `e` holds (valid when stamp === e).
  const termIds = new TermIds();
  const df: number[] = [];
  const stamp: number[] = [];
  const inAnswer: number[] = [];
  const answerTf: number[] = [];
  const phrasingMax: number[] = [];
  // Per term id, for the phrasing being analysed: its weight there (valid when phrasingStamp === p).
  const phrasingStamp: number[] = [];
  const phrasingWeight: number[] = [];
  const idOf = (term: string | number): number => {
    const id = termIds.intern(term);
    if (id === df.length) {
      df.push(0);
      stamp.push(-1);
      inAnswer.push(0);
      answerTf.push(0);
      phrasingMax.push(0);
      phrasingStamp.push(-1);
      phrasingWeight.push(0);
    }
    return id;
  };

  const phr = new TripleList();
  const ent = new TripleList();
  const phrasingEntry: number[] = [];
  const phrasingLearned: number[] = [];
  const phrasingConcepts: string[][] = [];
  const answerConcepts: string[][] = [];
  const entryLength: number[] = [];

  entries.forEach((entry, e) => {
    const entryTerms: number[] = [];
    const touch = (id: number): void => {
      if (stamp[id] === e) return;
      stamp[id] = e;
      inAnswer[id] = 0;
      answerTf[id] = 0;
      phrasingMax[id] = 0;
      entryTerms.push(id);
    };
    const concepts: string[] = [];
    emitTerms(entry.answer.slice(0, ANSWER_CHARS), lexicon, false, (term, w) => {
      const id = idOf(term);
      touch(id);
      if (inAnswer[id] === 0) {
        inAnswer[id] = 1;
        if (isConcept(term)) concepts.push(term);
      }
      answerTf[id] = (answerTf[id] as number) + w; // answers keep term frequency, for BM25
    });
    answerConcepts.push(concepts);

    const authored = [entry.question, ...entry.alternates];
    // Learned questions are customers' messages: pleasantries stripped as for any message.
    const learned = (learnedById.get(entry.id) ?? []).map((text) => classifyMessage(text).core);
    [...authored, ...learned].forEach((text, k) => {
      const p = phrasingEntry.length;
      const isLearned = k >= authored.length;
      const concepts: string[] = [];
      const terms: number[] = [];
      phrasingEntry.push(e);
      phrasingLearned.push(isLearned ? 1 : 0);
      phrasingConcepts.push(concepts);
      emitTerms(text, lexicon, true, (term, w) => {
        const id = idOf(term);
        if (phrasingStamp[id] !== p) {
          phrasingStamp[id] = p;
          phrasingWeight[id] = w;
          terms.push(id);
          if (isConcept(term)) concepts.push(term);
        } else phrasingWeight[id] = Math.max(phrasingWeight[id] as number, w);
      });
      for (const id of terms) {
        const w = phrasingWeight[id] as number;
        touch(id);
        phr.push(id, p, inAnswer[id] === 1 ? -w : w);
        // Learned questions stay out of the BM25 document: customers' messages carry incidental words
        // (「明日」「子ども」) that would pull unrelated messages to this entry; they count through
        // similarity only (and in df, so that a word they share with many entries is common).
        if (!isLearned) phrasingMax[id] = Math.max(phrasingMax[id] as number, w);
      }
    });

    // Whole-entry term frequency: answer tf + QUESTION_FIELD_WEIGHT × the best phrasing weight (max,
    // not sum: ten alternates repeating a word must not make it dominate). df counts entries.
    let length = 0;
    for (const id of entryTerms) {
      df[id] = (df[id] as number) + 1;
      const tf = (answerTf[id] as number) + QUESTION_FIELD_WEIGHT * (phrasingMax[id] as number);
      if (tf === 0) continue; // only in learned questions
      ent.push(id, e, inAnswer[id] === 1 ? -tf : tf);
      length += tf;
    }
    entryLength.push(length);
  });

  const n = Math.max(entries.length, 1);
  const idfByDf = Float64Array.from({ length: entries.length + 1 }, (_, count) => bm25Idf(n, count));
  const phrasingMass = new Float64Array(phrasingEntry.length);
  for (let k = 0; k < phr.length; k++) {
    const p = phr.items[k] as number;
    const idf = idfByDf[df[phr.terms[k] as number] as number] as number;
    phrasingMass[p] = (phrasingMass[p] as number) + Math.abs(phr.values[k] as number) * idf;
  }
  const avgLength = entryLength.reduce((a, b) => a + b, 0) / n || 1;

  return {
    entries: [...entries],
    lexicon,
    termIds: TermTable.from(termIds),
    df: Int32Array.from(df),
    idfByDf,
    unknownIdf: bm25Idf(n, 0),
    phrasingEntry: Int32Array.from(phrasingEntry),
    phrasingMass,
    phrasingLearned: Uint8Array.from(phrasingLearned),
    phrasingConcepts,
    answerConcepts,
    phrasingPostings: phr.toPostings(df.length),
    entryPostings: ent.toPostings(df.length),
    entryNorm: Float64Array.from(entryLength, (len) => BM25_K1 * (1 - BM25_B + (BM25_B * len) / avgLength)),
    outOfScope: (options.outOfScope ?? []).map((text) => analyze(classifyMessage(text).core, lexicon)),
  };
}
