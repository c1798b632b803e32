import type { Insertable, Selectable } from "kysely";

export interface SegmentsTable {
  id: string;
  name: string;
  description: string;
  /** The filter as JSON: parse it with SegmentFilterSchema (@enishi/shared) when read. */
  filter: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
export type SegmentRow = Selectable<SegmentsTable>;
export type NewSegmentRow = Insertable<SegmentsTable>;
