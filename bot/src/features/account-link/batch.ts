import type { CompiledQuery } from "kysely";

/**
 * Runs compiled Kysely queries as one D1 batch: D1 has no interactive transactions, but a batch is atomic
 * (all statements or none). Returns each statement's number of changed rows.
 */
export async function runBatch(d1: D1Database, queries: readonly CompiledQuery[]): Promise<number[]> {
  const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...q.parameters)));
  return results.map((r) => r.meta.changes ?? 0);
}
