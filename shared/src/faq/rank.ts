/**
 * Ranking: two views of a match, blended.
 * - query–question similarity: F-beta of "how much of the message the best phrasing (plus, weaker, the
 *   answer) covers" and "how much of that phrasing the message covers" — strong when the customer
 *   asks what the FAQ asks, and an absolute number in [0, 1] the decision can threshold;
 * - BM25 over the whole entry, answer included — finds the entry whose answer mentions the customer's
 *   specific word (「ヘナ」「ベビーカー」) even when its question does not.
 * During development the blend ranked better than either alone on both salon and localgovfaq.
 */
import { accumulate } from "./accumulate.ts";
import type { FaqIndex } from "./build.ts";
import type { TermBag } from "./tokenize.ts";

/** 2 = coverage of the message counts more than coverage of the phrasing: messages carry extra words. */
const BETA = 2;
/** a message term found only in the answer covers half as much as one found in a phrasing */
const ANSWER_COVERAGE = 0.5;
/** share of BM25 (normalised to the best entry) in the ranking score */
const BM25_SHARE = 0.5;
/** BM25 is normalised by at least this share of a full match's BM25 */
const BM25_FLOOR = 0.2;

export interface Candidate {
  id: string;
  /** ranking score: BM25_SHARE·bm25/best bm25 + (1 − BM25_SHARE)·similarity */
  score: number;
  /** query–question similarity in [0, 1] */
  similarity: number;
  /** share of the message's information (Σ weight·idf) found in the best phrasing or the answer */
  coverage: number;
  /** share of the best phrasing's information found in the message */
  precision: number;
  /** whether the best phrasing was learned from staff or customers rather than written in the FAQ */
  learned: boolean;
  /** index of the best phrasing in FaqIndex (−1: matched through the answer only) */
  phrasing: number;
  /** index of the entry in FaqIndex */
  entry: number;
}

export interface Ranking {
  candidates: Candidate[];
  /** Σ weight·idf over the message, off-topic words at the unknown-term idf */
  mass: number;
  /** the part of `mass` in terms no entry contains (off-topic words) */
  unknownMass: number;
}

export function fBeta(recall: number, precision: number): number {
  if (recall <= 0 || precision <= 0) return 0;
  const b2 = BETA * BETA;
  return ((1 + b2) * recall * precision) / (b2 * precision + recall);
}

/**
 * Similarity of a message to one known out-of-scope message, on the same scale as
 * Candidate.similarity (terms no entry contains weigh the unknown-term idf on both sides).
 */
export function bagSimilarity(index: FaqIndex, message: TermBag, mass: number, other: TermBag): number {
  let covered = 0;
  let matched = 0;
  let otherMass = 0;
  for (const [term, w] of other) {
    const id = index.termIds.get(term);
    const idf = id === undefined ? index.unknownIdf : (index.idfByDf[index.df[id] as number] as number);
    otherMass += w * idf;
    const wq = message.get(term);
    if (wq !== undefined) {
      covered += wq * idf;
      matched += w * idf;
    }
  }
  return mass > 0 && otherMass > 0 ? fBeta(covered / mass, matched / otherMass) : 0;
}

export function rankEntries(index: FaqIndex, bag: TermBag): Ranking {
  const acc = accumulate(index, bag);
  const { mass, unknownMass } = acc;
  if (mass <= 0 || (acc.touchedEntries.length === 0 && acc.touchedPhrasings.length === 0)) return { candidates: [], mass, unknownMass };

  // Best phrasing per entry. Coverage counts message terms in the phrasing, plus (weaker) those only
  // in the entry's answer.
  const best = new Map<number, Omit<Candidate, "id" | "score" | "entry">>();
  for (const p of acc.touchedPhrasings) {
    const e = index.phrasingEntry[p] as number;
    const inPhrasing = acc.covered[p] as number;
    const onlyInAnswer = (acc.answerCovered[e] as number) - (acc.alsoInAnswer[p] as number);
    const coverage = Math.min(1, (inPhrasing + ANSWER_COVERAGE * onlyInAnswer) / mass);
    const precision = Math.min(1, (acc.matched[p] as number) / ((index.phrasingMass[p] as number) || 1));
    const similarity = fBeta(coverage, precision);
    const current = best.get(e);
    if (!current || similarity > current.similarity)
      best.set(e, { similarity, coverage, precision, learned: index.phrasingLearned[p] === 1, phrasing: p });
  }

  // Entries reached only through a learned question have no BM25 postings for it: add them.
  const entries = [...acc.touchedEntries];
  for (const e of best.keys()) if (acc.bm25[e] === 0) entries.push(e);
  // BM25 relative to the best entry, but never to less than a share of what a full match would score:
  // a lone weak answer hit must not count as a perfect one.
  let topBm25 = BM25_FLOOR * acc.idealBm25;
  for (const e of entries) topBm25 = Math.max(topBm25, acc.bm25[e] as number);

  const candidates = entries.map((e): Candidate => {
    const view = best.get(e) ?? {
      similarity: 0,
      coverage: (ANSWER_COVERAGE * (acc.answerCovered[e] as number)) / mass,
      precision: 0,
      learned: false,
      phrasing: -1,
    };
    const bm = topBm25 > 0 ? (acc.bm25[e] as number) / topBm25 : 0;
    const id = (index.entries[e] as { id: string }).id;
    return { id, entry: e, score: BM25_SHARE * bm + (1 - BM25_SHARE) * view.similarity, ...view };
  });
  return { candidates: candidates.sort((a, b) => b.score - a.score), mass, unknownMass };
}
