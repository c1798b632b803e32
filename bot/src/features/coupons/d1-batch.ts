import type { CompiledQuery } from "kysely";
import type { Deps } from "../../deps.ts";

/**
 * Runs compiled queries as one D1 batch: D1 executes a batch as a single transaction, so the statements
 * land together or not at all (D1 has no interactive transactions). Returns each statement's result.
 */
export function runBatch(deps: Deps, queries: readonly CompiledQuery[]): Promise<D1Result[]> {
  return deps.env.DB.batch(queries.map((q) => deps.env.DB.prepare(q.sql).bind(...q.parameters)));
}
