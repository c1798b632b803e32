import { type CompiledQuery, type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";
import type { NewRankRow, RankRow } from "./ranks.table.ts";

export function findRanks(db: Kysely<Database>): Promise<RankRow[]> {
  return db.selectFrom("ranks").selectAll().orderBy("min_points").execute();
}

/**
 * The statements that make the rank table exactly `ranks` (for one D1 batch, so readers never see half a
 * rule set): delete the ranks not kept, then upsert the rest. Thresholds are UNIQUE, so upserts first move
 * every kept rank out of the way (negative placeholders) and then set the real values.
 */
export function replaceRanksQueries(db: Kysely<Database>, ranks: readonly NewRankRow[]): CompiledQuery[] {
  const ids = ranks.map((r) => r.id);
  const queries: CompiledQuery[] = [
    ids.length > 0 ? db.deleteFrom("ranks").where("id", "not in", ids).compile() : db.deleteFrom("ranks").compile(),
  ];
  // The CHECK (min_points >= 0) forbids negative placeholders: park kept ranks far above any real threshold.
  ranks.forEach((r, i) => {
    queries.push(
      db
        .updateTable("ranks")
        .set({ min_points: sql`${2_000_000_000 + i}` })
        .where("id", "=", r.id)
        .compile(),
    );
  });
  for (const r of ranks) {
    queries.push(
      db
        .insertInto("ranks")
        .values(r)
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({
            name: r.name,
            name_en: r.name_en,
            min_points: r.min_points,
            multiplier_pct: r.multiplier_pct,
            color: r.color,
            updated_at: r.updated_at,
          }),
        )
        .compile(),
    );
  }
  return queries;
}

export interface RankCandidate {
  id: string;
  member_number: string;
  line_user_id: string | null;
  rank_id: string | null;
  target_rank_id: string | null;
  earned: number;
}

/**
 * Members after `afterId` with the rank their points earned since `since` give them now, a page at a time.
 * The caller keeps those whose rank differs.
 */
export async function findRankCandidates(
  db: Kysely<Database>,
  input: { since: number; afterId: string; limit: number; memberId?: string },
): Promise<RankCandidate[]> {
  const earned = sql<number>`coalesce((select sum(l.points) from point_ledger l where l.member_id = m.id and l.kind in ('grant', 'adjust') and l.created_at >= ${input.since}), 0)`;
  let q = db
    .selectFrom("members as m")
    .select(["m.id", "m.member_number", "m.line_user_id", "m.rank_id", earned.as("earned")])
    .select(
      sql<string | null>`(select r.id from ranks r where r.min_points <= ${earned} order by r.min_points desc limit 1)`.as(
        "target_rank_id",
      ),
    )
    .where("m.merged_into_id", "is", null);
  if (input.memberId) q = q.where("m.id", "=", input.memberId);
  const rows = await q.where("m.id", ">", input.afterId).orderBy("m.id").limit(input.limit).execute();
  return rows.map((r) => ({ ...r, earned: Number(r.earned) }));
}
