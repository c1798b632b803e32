import { type CompiledQuery, type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";
import type { FaqEntryRow, NewFaqEntryRow } from "./faq.table.ts";

export function findFaqEntries(db: Kysely<Database>, options: { enabledOnly: boolean }): Promise<FaqEntryRow[]> {
  let query = db.selectFrom("faq_entries").selectAll();
  if (options.enabledOnly) query = query.where("enabled", "=", 1);
  return query.orderBy("position").orderBy("created_at").orderBy("id").execute();
}

export function findFaqEntry(db: Kysely<Database>, id: string): Promise<FaqEntryRow | undefined> {
  return db.selectFrom("faq_entries").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A new entry goes last. */
export function insertFaqEntryQuery(db: Kysely<Database>, row: NewFaqEntryRow): CompiledQuery {
  return db
    .insertInto("faq_entries")
    .values({ ...row, position: (eb) => eb.selectFrom("faq_entries").select(sql<number>`coalesce(max(position), 0) + 1`.as("p")) })
    .orIgnore()
    .compile();
}

export function updateFaqEntryQuery(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Pick<FaqEntryRow, "question" | "answer" | "alternates" | "enabled">> & { updated_at: number },
): CompiledQuery {
  return db.updateTable("faq_entries").set(patch).where("id", "=", id).compile();
}

export function deleteFaqEntryQuery(db: Kysely<Database>, id: string): CompiledQuery {
  return db.deleteFrom("faq_entries").where("id", "=", id).compile();
}

/**
 * Import with replace: every entry whose id is not in the file goes (its learned phrasings with it). The
 * ids travel as one JSON parameter (json_each): D1 binds at most 100 parameters per statement.
 */
export function deleteFaqEntriesExceptQuery(db: Kysely<Database>, keep: readonly string[]): CompiledQuery {
  return db
    .deleteFrom("faq_entries")
    .where("id", "not in", sql<string>`(select value from json_each(${JSON.stringify(keep)}))`)
    .compile();
}

/**
 * Import: many entries per statement (D1 binds at most 100 parameters, and the free plan allows 50
 * queries per invocation), four parameters a row; timestamps and `enabled` are literals.
 */
export function upsertFaqEntriesQueries(
  db: Kysely<Database>,
  entries: ReadonlyArray<{ id: string; question: string; answer: string; alternates: string }>,
  at: number,
): CompiledQuery[] {
  const perStatement = 24;
  const queries: CompiledQuery[] = [];
  for (let i = 0; i < entries.length; i += perStatement) {
    const rows = entries.slice(i, i + perStatement).map((e, k) => ({
      id: e.id,
      question: e.question,
      answer: e.answer,
      alternates: e.alternates,
      enabled: sql.lit(1),
      position: sql.lit(i + k),
      created_at: sql.lit(at),
      updated_at: sql.lit(at),
    }));
    queries.push(
      db
        .insertInto("faq_entries")
        .values(rows)
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            question: eb.ref("excluded.question"),
            answer: eb.ref("excluded.answer"),
            alternates: eb.ref("excluded.alternates"),
            position: eb.ref("excluded.position"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .compile(),
    );
  }
  return queries;
}
