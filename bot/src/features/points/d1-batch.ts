import type { CompiledQuery } from "kysely";
import type { Deps } from "../../deps.ts";

/**
 * Runs compiled Kysely queries as one D1 batch: D1 has no interactive transactions, but a batch is atomic
 * (all statements or none) and runs in order. Returns each statement's number of changed rows.
 */
export async function runBatch(deps: Deps, queries: readonly CompiledQuery[]): Promise<number[]> {
  const d1 = deps.env.DB;
  const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...q.parameters)));
  return results.map((r) => r.meta.changes ?? 0);
}
