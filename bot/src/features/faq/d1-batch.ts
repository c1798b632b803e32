import type { CompiledQuery } from "kysely";
import type { Deps } from "../../deps.ts";

/** Compiled queries as one D1 batch: one transaction, so a FAQ change and its version bump land together. */
export function runBatch(deps: Deps, queries: readonly CompiledQuery[]): Promise<D1Result[]> {
  return deps.env.DB.batch(queries.map((q) => deps.env.DB.prepare(q.sql).bind(...q.parameters)));
}
