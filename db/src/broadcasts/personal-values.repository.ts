import { type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";

export interface PersonalValuesRow {
  line_user_id: string;
  display_name: string | null;
  rank_name: string | null;
  points: number | null;
}

/**
 * Name, rank and point balance of up to 50 friends in one query, for personalised messages. A friend's
 * membership is the one they linked or their LINE-only one (not one merged away); the balance is the sum
 * of its ledger rows, as everywhere else (migration 0003).
 */
export async function findPersonalValues(db: Kysely<Database>, userIds: readonly string[]): Promise<PersonalValuesRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("friends as f")
    .leftJoin("members as m", (join) =>
      join
        .on((eb) => eb.or([eb("m.line_user_id", "=", eb.ref("f.line_user_id")), eb("m.line_only_user_id", "=", eb.ref("f.line_user_id"))]))
        .on("m.merged_into_id", "is", null),
    )
    .leftJoin("ranks as r", "r.id", "m.rank_id")
    .select([
      "f.line_user_id as line_user_id",
      "f.display_name as display_name",
      "r.name as rank_name",
      sql<number | null>`(SELECT SUM(pl.points) FROM point_ledger pl WHERE pl.member_id = m.id)`.as("points"),
    ])
    .where("f.line_user_id", "in", [...userIds])
    // The linked membership first when a friend has both.
    .orderBy(sql`m.line_user_id IS NULL`)
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.line_user_id) && seen.add(r.line_user_id));
}
