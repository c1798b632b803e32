/**
 * Term-at-a-time scoring: one pass over the postings of the message's terms fills per-phrasing and
 * per-entry accumulators. Only entries sharing a term with the message are touched, which keeps a
 * message well under 1 ms with 500 entries (issue 4 §4).
 */
import { BM25_K1, type FaqIndex } from "./build.ts";
import type { TermBag } from "./tokenize.ts";

export interface Accumulators {
  /** per phrasing: Σ weight·idf of the message terms it contains (message side) */
  covered: Float64Array;
  /** per phrasing: Σ weight·idf of those terms, phrasing side */
  matched: Float64Array;
  /** per phrasing: the part of `covered` whose terms the entry's answer also has */
  alsoInAnswer: Float64Array;
  /** per entry: Σ weight·idf of the message terms its answer contains */
  answerCovered: Float64Array;
  /** per entry: BM25 of the message against the whole entry */
  bm25: Float64Array;
  touchedPhrasings: number[];
  touchedEntries: number[];
  /** Σ weight·idf over the message, off-topic words at the unknown-term idf */
  mass: number;
  /** the part of `mass` in terms no entry contains */
  unknownMass: number;
  /** BM25 of a message matching every known term at saturation: the scale of a full match */
  idealBm25: number;
}

export function accumulate(index: FaqIndex, bag: TermBag): Accumulators {
  const acc: Accumulators = {
    covered: new Float64Array(index.phrasingEntry.length),
    matched: new Float64Array(index.phrasingEntry.length),
    alsoInAnswer: new Float64Array(index.phrasingEntry.length),
    answerCovered: new Float64Array(index.entries.length),
    bm25: new Float64Array(index.entries.length),
    touchedPhrasings: [],
    touchedEntries: [],
    mass: 0,
    unknownMass: 0,
    idealBm25: 0,
  };
  const { covered, matched, alsoInAnswer, answerCovered, bm25 } = acc;
  for (const [term, wq] of bag) {
    const id = index.termIds.get(term);
    if (id === undefined) {
      acc.mass += wq * index.unknownIdf;
      acc.unknownMass += wq * index.unknownIdf;
      continue;
    }
    const idf = index.idfByDf[index.df[id] as number] as number;
    const wi = wq * idf;
    acc.mass += wi;
    acc.idealBm25 += wi * (BM25_K1 + 1);

    // Each walk ends within `item` even if an offset says otherwise: a stored index's offsets are not
    // checked one by one on load (serialize.ts), and a damaged one must not run a loop on for ever.
    const phr = index.phrasingPostings;
    for (let k = phr.start[id] as number, end = Math.min(phr.start[id + 1] as number, phr.item.length); k < end; k++) {
      const p = phr.item[k] as number;
      const wp = phr.palette[phr.code[k] as number] as number; // negative: the entry's answer has the term too
      if (covered[p] === 0) acc.touchedPhrasings.push(p);
      covered[p] = (covered[p] as number) + wi;
      matched[p] = (matched[p] as number) + Math.abs(wp) * idf;
      if (wp < 0) alsoInAnswer[p] = (alsoInAnswer[p] as number) + wi;
    }
    const ent = index.entryPostings;
    for (let k = ent.start[id] as number, end = Math.min(ent.start[id + 1] as number, ent.item.length); k < end; k++) {
      const e = ent.item[k] as number;
      let tf = ent.palette[ent.code[k] as number] as number;
      if (tf < 0) {
        // the entry's answer has the term
        answerCovered[e] = (answerCovered[e] as number) + wi;
        tf = -tf;
      }
      if (bm25[e] === 0) acc.touchedEntries.push(e);
      bm25[e] = (bm25[e] as number) + (wi * tf * (BM25_K1 + 1)) / (tf + (index.entryNorm[e] as number));
    }
  }
  return acc;
}
