import type { Generated, Selectable } from "kysely";

export interface TagGroupsTable {
  id: string;
  name: string;
  color: string;
  /** Display order (0007). */
  position: Generated<number>;
}
export type TagGroupRow = Selectable<TagGroupsTable>;

export interface TagsTable {
  id: string;
  name: string;
  group_id: string | null;
  color: string | null;
  created_at: number;
  /** Archived tags keep their history but are offered nowhere (0007). */
  archived_at: Generated<number | null>;
}
export type TagRow = Selectable<TagsTable>;

export interface FriendTagsTable {
  line_user_id: string;
  tag_id: string;
  source: string;
  created_at: number;
}

export type TagSource = "staff" | "survey" | "coupon" | "link" | "scenario" | "purchase" | "api" | "system" | "import";

export interface TagEventsTable {
  id: Generated<number>;
  line_user_id: string;
  tag_id: string;
  action: "add" | "remove";
  source: TagSource;
  source_ref: string | null;
  created_at: number;
}
export type TagEventRow = Selectable<TagEventsTable>;
