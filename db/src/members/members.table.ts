import type { Insertable, Selectable } from "kysely";

/** `members` (0001, extended by 0003): the shop's memberships, imported or created on first card open. */
export interface MembersTable {
  id: string;
  member_number: string;
  name: string;
  name_kana: string | null;
  birthday: string | null;
  phone_last4: string | null;
  store_id: string | null;
  line_user_id: string | null;
  /** `import` = the shop's own record; `line` = a LINE-only membership made on first card open. */
  origin: "import" | "line";
  /** Owner of a LINE-only membership (not "linked": account linking owns line_user_id). */
  line_only_user_id: string | null;
  rank_id: string | null;
  rank_changed_at: number | null;
  /** A LINE-only membership folded into a linked one points at it here (and has no owner any more). */
  merged_into_id: string | null;
  created_at: number;
  updated_at: number;
}
export type MemberRow = Selectable<MembersTable>;
export type NewMemberRow = Insertable<MembersTable>;

export interface CardScansTable {
  id: string;
  code_id: string;
  member_id: string;
  staff_user_id: string;
  store_id: string | null;
  created_at: number;
  expires_at: number;
}
export type CardScanRow = Selectable<CardScansTable>;
