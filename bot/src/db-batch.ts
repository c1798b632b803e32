import type { CompiledQuery } from "kysely";
import type { Deps } from "./deps.ts";

/**
 * Runs compiled Kysely queries as one D1 batch. D1 has no interactive transactions, but a batch is one
 * transaction run in order: the statements land together or not at all, which is how one-time actions
 * write their row, their audit entry and their counters. Returns each statement's result.
 */
export function runBatch(deps: Pick<Deps, "env">, queries: readonly CompiledQuery[]): Promise<D1Result[]> {
  const d1 = deps.env.DB;
  return d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...q.parameters)));
}

/** `runBatch`, answering only how many rows each statement changed. */
export async function runBatchChanges(deps: Pick<Deps, "env">, queries: readonly CompiledQuery[]): Promise<number[]> {
  return (await runBatch(deps, queries)).map((r) => r.meta.changes ?? 0);
}
