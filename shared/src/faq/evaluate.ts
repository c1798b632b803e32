/**
 * Evaluation helpers shared by `pnpm faq:eval`, test/bench/faq.ts and the regression test, so that the
 * figures they print are computed one way.
 */
import { buildFaqIndex, type FaqIndex } from "./build.ts";
import { decide } from "./decide.ts";
import { computeFigures, type FaqFigures, type ScoredDecision, scoredAction } from "./metrics.ts";
import type { FaqEntry, LabelledQuery } from "./schema.ts";

export function evaluateLabelled(index: FaqIndex, queries: readonly LabelledQuery[]): { figures: FaqFigures; decisions: ScoredDecision[] } {
  const decisions = queries.map(({ q, expected }): ScoredDecision => {
    const result = decide(index, q);
    return { expected, action: scoredAction(result.action), ids: result.ids };
  });
  return { figures: computeFigures(decisions), decisions };
}

/**
 * The learning scenario of issue 4 §4: the labelled messages of one half (alternate lines) are given as
 * `--learn` lines — with an entry: a staff-attached question; null: a message staff handled without
 * one — and the other half is evaluated. `part` 0 learns the even lines, 1 the odd ones.
 */
export function evaluateWithLearning(entries: readonly FaqEntry[], queries: readonly LabelledQuery[], part: 0 | 1): FaqFigures {
  const learn = queries.filter((_, i) => i % 2 === part);
  const test = queries.filter((_, i) => i % 2 !== part);
  const index = buildFaqIndex(entries, {
    learned: learn.flatMap((l) => (l.expected === null ? [] : [{ id: l.expected, question: l.q }])),
    outOfScope: learn.flatMap((l) => (l.expected === null ? [l.q] : [])),
  });
  return evaluateLabelled(index, test).figures;
}

export interface RetrievalFigures {
  queries: number;
  /** share of queries whose first result is relevant */
  precisionAt1: number;
  /** share with a relevant result in the first five */
  successAt5: number;
  meanReciprocalRank: number;
}

/** P@1, SR@5 and MRR from the 0-based rank of the first relevant result (−1: none). */
export function retrievalFigures(firstRelevantRanks: readonly number[]): RetrievalFigures {
  const n = firstRelevantRanks.length || 1;
  let p1 = 0;
  let s5 = 0;
  let rr = 0;
  for (const rank of firstRelevantRanks) {
    if (rank === 0) p1++;
    if (rank >= 0 && rank < 5) s5++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return { queries: firstRelevantRanks.length, precisionAt1: p1 / n, successAt5: s5 / n, meanReciprocalRank: rr / n };
}
