import type { FaqEntryRow } from "@enishi/db";
import type { FaqEntry } from "@enishi/shared/faq/index";
import { z } from "zod";

const AlternatesColumn = z.array(z.string()).catch([]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

/** A stored row as the matcher (and the export file) sees it; a broken alternates column reads as none. */
export function toFaqEntry(row: FaqEntryRow): FaqEntry {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    alternates: AlternatesColumn.parse(parseJson(row.alternates)).filter((a) => a.trim().length > 0),
  };
}

export interface FaqEntryView extends FaqEntry {
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export function toFaqEntryView(row: FaqEntryRow): FaqEntryView {
  return { ...toFaqEntry(row), enabled: row.enabled === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}
