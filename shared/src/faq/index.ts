/**
 * FAQ matcher (issue 4 §2): pure TypeScript, no Worker/DOM/Node globals, so the bot (workerd) and
 * `pnpm faq:eval` (Node) run the same code.
 *
 *   const index = buildFaqIndex(entries, { learned });   // once per FAQ version
 *   const result = decide(index, "駐車場ある？");          // per message, well under 1 ms
 *   result.action  // "answer" | "suggest" | "escalate" | "smalltalk" | "human"
 *   result.trace   // scores and features, for the log
 */
export { ANSWER_CHARS, buildFaqIndex, type FaqIndex, type FaqIndexOptions } from "./build.ts";
export {
  DEFAULT_THRESHOLDS,
  type DecideOptions,
  decide,
  type FaqDecision,
  type FaqDecisionAction,
  type FaqDecisionTrace,
  type FaqResult,
  rankMessage,
} from "./decide.ts";
export { evaluateLabelled, evaluateWithLearning, type RetrievalFigures, retrievalFigures } from "./evaluate.ts";
export type { DecisionFeatures } from "./features.ts";
export { classifyMessage, type MessageIntent, type MessageKind } from "./intent.ts";
export { computeFigures, type FaqFigures, formatFigures, type ScoredAction, type ScoredDecision, scoredAction } from "./metrics.ts";
export { foldKana, normalizeKey, normalizeText } from "./normalize.ts";
export { type Candidate, type Ranking, rankEntries } from "./rank.ts";
export {
  type FaqAction,
  FaqActionSchema,
  type FaqEntry,
  FaqEntrySchema,
  type FaqFile,
  FaqFileSchema,
  type LabelledQuery,
  LabelledQuerySchema,
} from "./schema.ts";
export { deserializeFaqIndex, FAQ_INDEX_FORMAT, FaqIndexFormatError, serializeFaqIndex } from "./serialize.ts";
export { analyze, type TermBag } from "./tokenize.ts";
