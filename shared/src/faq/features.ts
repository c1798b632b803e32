/**
 * Features of a ranking that say how far to trust it. All are relative or normalised (shares of the
 * message's information, differences of [0, 1] scores, counts of lexicon concepts), never raw BM25
 * scores, whose scale depends on the FAQ's size and wording. (They still read more confident on a
 * 900-entry municipal FAQ full of sibling entries than they should: README.md.)
 */
import type { FaqIndex } from "./build.ts";
import { STAFF_TOPICS } from "./lexicon.ts";
import { bagSimilarity, type Ranking } from "./rank.ts";
import type { TermBag } from "./tokenize.ts";

export interface DecisionFeatures {
  /** blended ranking score of the top entry */
  top: number;
  /** top score minus the runner-up's: how clearly the top entry wins */
  margin: number;
  /** query–question similarity of the top entry */
  similarity: number;
  /** its similarity minus the best similarity among the others */
  similarityMargin: number;
  /** share of the message's information the top entry covers */
  coverage: number;
  /** share of the top entry's phrasing the message covers */
  precision: number;
  /** share of the message's information in words no entry contains (off-topic content) */
  unknownShare: number;
  /** 1 when the top entry's best phrasing was learned (staff-attached or customer-confirmed) */
  learned: number;
  /** lexicon concepts of the message that the top entry (phrasing or answer) lacks: 「なくした」 asked of a gift-card entry */
  conceptsMissingInEntry: number;
  /** concepts of the top phrasing the message lacks: the entry asks 「いくら」, the message does not */
  conceptsMissingInMessage: number;
  /** 1 when a missing concept is one of lexicon.ts STAFF_TOPICS (trouble, jobs, health…) */
  staffTopicMissing: number;
  /**
   * similarity to the closest message staff handled without an entry (FaqIndexOptions.outOfScope),
   * minus the top entry's similarity: positive when the message looks more like a known handover
   */
  outOfScopeLead: number;
}

export function decisionFeatures(index: FaqIndex, message: TermBag, ranking: Ranking): DecisionFeatures {
  const [first, second] = ranking.candidates;
  let outOfScopeSimilarity = 0;
  for (const known of index.outOfScope)
    outOfScopeSimilarity = Math.max(outOfScopeSimilarity, bagSimilarity(index, message, ranking.mass, known));
  if (!first) {
    return {
      top: 0,
      margin: 0,
      similarity: 0,
      similarityMargin: 0,
      coverage: 0,
      precision: 0,
      unknownShare: 1,
      learned: 0,
      conceptsMissingInEntry: 0,
      conceptsMissingInMessage: 0,
      staffTopicMissing: 0,
      outOfScopeLead: outOfScopeSimilarity,
    };
  }
  const phrasingConcepts = index.phrasingConcepts[first.phrasing] ?? [];
  const entryConcepts = new Set([...phrasingConcepts, ...(index.answerConcepts[first.entry] ?? [])]);
  let conceptsMissingInEntry = 0;
  let staffTopicMissing = 0;
  for (const term of message.keys()) {
    if (typeof term !== "string" || !term.startsWith("c:") || entryConcepts.has(term)) continue;
    conceptsMissingInEntry++;
    if (STAFF_TOPICS.has(term)) staffTopicMissing = 1;
  }
  const conceptsMissingInMessage = phrasingConcepts.filter((c) => !message.has(c)).length;
  let otherSimilarity = 0;
  for (const c of ranking.candidates.slice(1)) otherSimilarity = Math.max(otherSimilarity, c.similarity);
  return {
    top: first.score,
    margin: first.score - (second?.score ?? 0),
    similarity: first.similarity,
    similarityMargin: first.similarity - otherSimilarity,
    coverage: first.coverage,
    precision: first.precision,
    unknownShare: ranking.mass > 0 ? ranking.unknownMass / ranking.mass : 1,
    learned: first.learned ? 1 : 0,
    conceptsMissingInEntry,
    conceptsMissingInMessage,
    staffTopicMissing,
    outOfScopeLead: index.outOfScope.length > 0 ? outOfScopeSimilarity - first.similarity : 0,
  };
}
