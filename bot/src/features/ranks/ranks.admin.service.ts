import type { RankRow } from "@enishi/db";
import { findRanks, replaceRanksQueries } from "@enishi/db";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { auditQuery } from "../audit/audit.service.ts";
import { startRanksRecompute } from "./ranks.service.ts";

export interface RankInput {
  /** Absent for a new rank. */
  id?: string | undefined;
  name: string;
  nameEn: string;
  minPoints: number;
  multiplierPct: number;
  color: string;
}

export function toRankView(r: RankRow) {
  return { id: r.id, name: r.name, nameEn: r.name_en, minPoints: r.min_points, multiplierPct: r.multiplier_pct, color: r.color };
}

function invalid(message: string, path: string): AppError {
  return new AppError(400, "validation_failed", message, [{ path, message }]);
}

/** The rules the rank table must keep: a rank at 0 points, no two at one threshold or with one name. */
function checkRules(ranks: readonly RankInput[]): void {
  if (!ranks.some((r) => r.minPoints === 0)) {
    throw invalid("One rank must start at 0 points / 0ポイントから始まるランクが1つ必要です", "ranks");
  }
  const thresholds = new Set<number>();
  const names = new Set<string>();
  ranks.forEach((r, i) => {
    if (thresholds.has(r.minPoints))
      throw invalid("Two ranks have the same threshold / 同じ基準ポイントのランクがあります", `ranks.${i}.minPoints`);
    if (names.has(r.name)) throw invalid("Two ranks have the same name / 同じ名前のランクがあります", `ranks.${i}.name`);
    thresholds.add(r.minPoints);
    names.add(r.name);
  });
}

/**
 * Replaces the rank rules in one D1 batch (with the audit row), then recomputes every member's rank on the
 * queue. A rank keeps its id when edited (the client sends it back), so its members stay on it.
 */
export async function replaceRanks(deps: Deps, ranks: readonly RankInput[], staffUserId: string) {
  checkRules(ranks);
  const before = await findRanks(deps.db);
  const at = Date.now();
  const rows = ranks.map((r) => ({
    id: r.id ?? `rank-${crypto.randomUUID()}`,
    name: r.name,
    name_en: r.nameEn,
    min_points: r.minPoints,
    multiplier_pct: r.multiplierPct,
    color: r.color,
    created_at: at,
    updated_at: at,
  }));
  await runBatchChanges(deps, [
    ...replaceRanksQueries(deps.db, rows),
    auditQuery(deps, {
      staffUserId,
      storeId: null,
      action: "ranks.update",
      details: { ranks: rows.map((r) => ({ id: r.id, name: r.name, minPoints: r.min_points, multiplierPct: r.multiplier_pct })) },
      at,
    }),
  ]);
  // Tags named after ranks that are gone or renamed come off; the recompute puts on the current ones.
  const kept = new Map(rows.map((r) => [r.id, r.name]));
  await startRanksRecompute(
    deps,
    before.filter((r) => kept.get(r.id) !== r.name).map((r) => r.name),
  );
  return (await findRanks(deps.db)).map(toRankView);
}
