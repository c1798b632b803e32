import type { Insertable, Selectable } from "kysely";

export interface RanksTable {
  id: string;
  name: string;
  name_en: string;
  min_points: number;
  multiplier_pct: number;
  color: string;
  created_at: number;
  updated_at: number;
}
export type RankRow = Selectable<RanksTable>;
export type NewRankRow = Insertable<RanksTable>;
