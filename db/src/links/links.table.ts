import type { Generated, Insertable, Selectable } from "kysely";

export interface TrackedLinksTable {
  id: string;
  code: string;
  name: string;
  destination: string;
  tag_id: string | null;
  created_by: string | null;
  created_at: number;
}
export type TrackedLinkRow = Selectable<TrackedLinksTable>;
export type NewTrackedLinkRow = Insertable<TrackedLinksTable>;

export interface LinkClicksTable {
  id: Generated<number>;
  link_id: string;
  line_user_id: string | null;
  clicked_at: number;
}
export type LinkClickRow = Selectable<LinkClicksTable>;
