import type { Generated, Insertable, Selectable } from "kysely";

export interface RichMenusTable {
  id: string;
  name: string;
  chat_bar_text: string;
  selected: number;
  alias_id: string | null;
  /** JSON array of LINE area objects. */
  areas: string;
  revision: number;
  line_rich_menu_id: string | null;
  published_revision: number | null;
  published_at: number | null;
  publish_error: string | null;
  created_at: number;
  updated_at: number;
}
export type RichMenuRow = Selectable<RichMenusTable>;
export type NewRichMenuRow = Insertable<RichMenusTable>;

export interface RichMenuImagesTable {
  menu_id: string;
  content_type: "image/png" | "image/jpeg";
  width: number;
  height: number;
  byte_size: number;
  /** BLOB: D1 takes a Uint8Array and may give back an ArrayBuffer or an array of numbers (see toBytes). */
  bytes: Uint8Array | ArrayBuffer | number[];
  uploaded_at: number;
}
export type RichMenuImageRow = Selectable<RichMenuImagesTable>;

export interface RichMenuPolicyTable {
  id: number;
  /** JSON: PolicyRule[] (shared/src/rich-menus/policy.ts). */
  rules: string;
  default_menu_id: string | null;
  default_line_rich_menu_id: string | null;
  version: number;
  updated_by: string | null;
  updated_at: number;
}
export type RichMenuPolicyRow = Selectable<RichMenuPolicyTable>;

export interface FriendRichMenusTable {
  line_user_id: string;
  menu_id: string | null;
  line_rich_menu_id: string | null;
  rule_id: string | null;
  updated_at: number;
}
export type FriendRichMenuRow = Selectable<FriendRichMenusTable>;

export type ReconcileStatus = "running" | "done" | "failed" | "superseded";

export interface RichMenuReconcileRunsTable {
  id: string;
  reason: string;
  status: ReconcileStatus;
  cursor: string | null;
  friends_seen: Generated<number>;
  linked: Generated<number>;
  unlinked: Generated<number>;
  calls: Generated<number>;
  error: Generated<string | null>;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}
export type ReconcileRunRow = Selectable<RichMenuReconcileRunsTable>;

export interface RichMenuRetiredTable {
  line_rich_menu_id: string;
  menu_id: string;
  retired_at: number;
  deleted_at: number | null;
}
