/**
 * The four figures of issue 4 §4, computed the same way by `pnpm faq:eval`, the benchmark and the
 * regression test. Scoring sees only answer / suggest / escalate: small talk, requests for a person and
 * complaints are not FAQ answers, so they count as handed over (see `scoredAction`).
 */
import type { FaqDecisionAction } from "./decide.ts";

export type ScoredAction = "answer" | "suggest" | "escalate";

export function scoredAction(action: FaqDecisionAction): ScoredAction {
  return action === "answer" || action === "suggest" ? action : "escalate";
}

export interface ScoredDecision {
  expected: string | null;
  action: ScoredAction;
  ids: readonly string[];
}

export interface FaqFigures {
  queries: number;
  answerable: number;
  outOfScope: number;
  /** answered with the expected entry */
  rightAnswers: number;
  /** answered, but the expected entry was another one or none */
  wrongAnswers: number;
  /** answerable queries whose entry was the answer or among the choices */
  rightInAnswerOrChoices: number;
  /** out-of-scope queries escalated */
  outOfScopeHandedOver: number;
  /** rightAnswers / answerable */
  automation: number;
  /** wrongAnswers / queries */
  wrongAnswerRate: number;
  /** rightInAnswerOrChoices / answerable */
  rightEntryOffered: number;
  /** outOfScopeHandedOver / outOfScope */
  outOfScopeHandedOverRate: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function computeFigures(decisions: readonly ScoredDecision[]): FaqFigures {
  let answerable = 0;
  let rightAnswers = 0;
  let wrongAnswers = 0;
  let rightInAnswerOrChoices = 0;
  let outOfScopeHandedOver = 0;
  for (const { expected, action, ids } of decisions) {
    if (expected !== null) answerable++;
    if (action === "answer") {
      if (expected !== null && ids[0] === expected) rightAnswers++;
      else wrongAnswers++;
    }
    if (expected !== null && action !== "escalate" && ids.includes(expected)) rightInAnswerOrChoices++;
    if (expected === null && action === "escalate") outOfScopeHandedOver++;
  }
  const queries = decisions.length;
  const outOfScope = queries - answerable;
  return {
    queries,
    answerable,
    outOfScope,
    rightAnswers,
    wrongAnswers,
    rightInAnswerOrChoices,
    outOfScopeHandedOver,
    automation: ratio(rightAnswers, answerable),
    wrongAnswerRate: ratio(wrongAnswers, queries),
    rightEntryOffered: ratio(rightInAnswerOrChoices, answerable),
    outOfScopeHandedOverRate: ratio(outOfScopeHandedOver, outOfScope),
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Human-readable summary, the same lines in the CLI and the benchmark. */
export function formatFigures(f: FaqFigures): string[] {
  return [
    `automation                 ${pct(f.automation)}  (${f.rightAnswers} right answers / ${f.answerable} answerable)`,
    `right entry offered        ${pct(f.rightEntryOffered)}  (${f.rightInAnswerOrChoices} in answer or choices / ${f.answerable} answerable)`,
    `wrong-answer rate          ${pct(f.wrongAnswerRate)}  (${f.wrongAnswers} wrong answers / ${f.queries} queries)`,
    `out-of-scope handed over   ${pct(f.outOfScopeHandedOverRate)}  (${f.outOfScopeHandedOver} escalated / ${f.outOfScope} out of scope)`,
  ];
}
