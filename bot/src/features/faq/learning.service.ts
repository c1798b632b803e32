import { findFaqEntry, insertFaqAlternate } from "@enishi/db";
import { normalizeKey } from "@enishi/shared/faq/index";
import type { Deps } from "../../deps.ts";
import { toFaqEntry } from "./faq-entries.ts";

export interface SuggestedPhrasing {
  entryId: string;
  question: string;
  source: "confirmed" | "staff";
  lineUserId: string | null;
  messageId: number | null;
  suggestedBy: string | null;
  at: number;
}

export type SuggestOutcome = "suggested" | "known" | "no-entry";

/**
 * Learning from customers and staff (issue 4 §3): a question confirmed by 解決した, or one staff attached
 * to an entry, waits for review in the admin; only approved ones reach the matcher, so one customer's
 * mistaken tap cannot teach the bot a wrong answer. A phrasing the entry already has is not suggested.
 */
export async function suggestPhrasing(deps: Deps, phrasing: SuggestedPhrasing): Promise<SuggestOutcome> {
  const row = await findFaqEntry(deps.db, phrasing.entryId);
  if (!row) return "no-entry";
  const entry = toFaqEntry(row);
  const key = normalizeKey(phrasing.question);
  if (!key || [entry.question, ...entry.alternates].some((p) => normalizeKey(p) === key)) return "known";
  const inserted = await insertFaqAlternate(deps.db, {
    entry_id: entry.id,
    question: phrasing.question.trim().slice(0, 500),
    question_key: key,
    source: phrasing.source,
    status: "pending",
    line_user_id: phrasing.lineUserId,
    message_id: phrasing.messageId,
    suggested_by: phrasing.suggestedBy,
    reviewed_by: null,
    reviewed_at: null,
    created_at: phrasing.at,
  });
  return inserted ? "suggested" : "known";
}
