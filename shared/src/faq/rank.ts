/**
 * Ranking: how well a message and an entry match, as normalised numbers in [0, 1] so that one set of
 * decision thresholds works for any FAQ size and wording (raw BM25 scores grow with message length and
 * corpus, and do not transfer from one shop to another).
 */
import type { FaqIndex, IndexedPhrasing } from "./build.ts";
import type { TermBag } from "./tokenize.ts";

export interface RankParams {
  /** F-beta between "how much of the message is covered" and "how much of the phrasing is covered" */
  beta: number;
  /** weight of the answer text relative to the phrasings when covering the message */
  answerWeight: number;
}

export const DEFAULT_RANK_PARAMS: RankParams = { beta: 1.5, answerWeight: 0.4 };

export interface Candidate {
  id: string;
  /** final ranking score in [0, 1] */
  score: number;
  /** share of the message's information (Σ weight·idf) found in the best phrasing or the answer */
  coverage: number;
  /** share of the best phrasing's information found in the message */
  precision: number;
}

export interface QueryTerms {
  bag: TermBag;
  /** Σ weight·idf over the message's terms, off-topic words counted at the unknown-term idf */
  mass: number;
}

export function weighQuery(index: FaqIndex, bag: TermBag): QueryTerms {
  let mass = 0;
  for (const [term, w] of bag) mass += w * (index.idf.get(term) ?? index.unknownIdf);
  return { bag, mass };
}

function fBeta(recall: number, precision: number, beta: number): number {
  if (recall <= 0 || precision <= 0) return 0;
  const b2 = beta * beta;
  return ((1 + b2) * recall * precision) / (b2 * precision + recall);
}

function scorePhrasing(index: FaqIndex, query: QueryTerms, phrasing: IndexedPhrasing, answer: TermBag, params: RankParams) {
  let covered = 0;
  let matchedInPhrasing = 0;
  for (const [term, wq] of query.bag) {
    const idf = index.idf.get(term);
    if (idf === undefined) continue;
    const wp = phrasing.bag.get(term);
    if (wp !== undefined) {
      covered += wq * idf;
      matchedInPhrasing += wp * idf;
    } else if (answer.has(term)) {
      covered += params.answerWeight * wq * idf;
    }
  }
  const coverage = query.mass > 0 ? covered / query.mass : 0;
  const precision = phrasing.mass > 0 ? matchedInPhrasing / phrasing.mass : 0;
  return { coverage, precision, score: fBeta(coverage, precision, params.beta) };
}

/** All entries sharing a term with the message, best first. */
export function rankEntries(index: FaqIndex, query: QueryTerms, params: RankParams = DEFAULT_RANK_PARAMS): Candidate[] {
  const candidates = new Set<number>();
  for (const term of query.bag.keys()) for (const i of index.postings.get(term) ?? []) candidates.add(i);

  const out: Candidate[] = [];
  for (const i of candidates) {
    const entry = index.entries[i];
    if (!entry) continue;
    let best = { coverage: 0, precision: 0, score: 0 };
    for (const phrasing of entry.phrasings) {
      const s = scorePhrasing(index, query, phrasing, entry.answer, params);
      if (s.score > best.score) best = s;
    }
    out.push({ id: entry.entry.id, ...best });
  }
  return out.sort((a, b) => b.score - a.score);
}
