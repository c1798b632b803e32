import type { Generated, Insertable, Selectable } from "kysely";

export interface FaqEntriesTable {
  id: string;
  question: string;
  answer: string;
  /** JSON array of strings: the operator's alternate phrasings. */
  alternates: string;
  enabled: number;
  /** display and export order (0010) */
  position: Generated<number>;
  created_at: number;
  updated_at: number;
}
export type FaqEntryRow = Selectable<FaqEntriesTable>;
export type NewFaqEntryRow = Insertable<FaqEntriesTable>;

export type FaqAlternateSource = "confirmed" | "staff";
export type FaqAlternateStatus = "pending" | "approved" | "rejected";

export interface FaqAlternatesTable {
  id: Generated<number>;
  entry_id: string;
  question: string;
  question_key: string;
  source: FaqAlternateSource;
  status: FaqAlternateStatus;
  line_user_id: string | null;
  message_id: number | null;
  suggested_by: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  created_at: number;
}
export type FaqAlternateRow = Selectable<FaqAlternatesTable>;
export type NewFaqAlternateRow = Insertable<FaqAlternatesTable>;

export interface BotSettingsTable {
  id: number;
  faq_version: number;
  faq_shop: string;
  faq_domain: string;
  /** JSON: shared/src/business-hours BusinessHours */
  business_hours: string;
  release_after_hours: number;
  notify_staff_by_line: number;
  updated_at: number;
}
export type BotSettingsRow = Selectable<BotSettingsTable>;

/** A built matcher index per FAQ version and Worker build (0012): a cache the bot may lose at any time. */
export interface FaqIndexCacheTable {
  faq_version: number;
  build: string;
  /** base64 of the serialized index */
  data: string;
  created_at: number;
}
export type FaqIndexCacheRow = Selectable<FaqIndexCacheTable>;
