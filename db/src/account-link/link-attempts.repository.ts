import { type Kysely, sql } from "kysely";
import type { Database } from "../database.ts";
import type { LinkAttemptScope } from "./account-link.table.ts";

export interface AttemptSubject {
  scope: LinkAttemptScope;
  subject: string;
}

/**
 * Claims one attempt for every subject at once, or for none: a single INSERT … SELECT whose WHERE counts
 * each subject's attempts since `windowStart`. SQLite (D1) runs one statement atomically, so twenty
 * concurrent guesses cannot all see "4 so far" and all go ahead. Returns the claimed row ids (empty when
 * any subject is at `max`).
 */
export async function claimLinkAttempts(
  db: Kysely<Database>,
  subjects: readonly AttemptSubject[],
  at: number,
  windowStart: number,
  max: number,
): Promise<number[]> {
  if (subjects.length === 0) return [];
  const rows = sql.join(
    subjects.map((s) => sql`SELECT ${s.scope} AS scope, ${s.subject} AS subject`),
    sql` UNION ALL `,
  );
  const underLimit = sql.join(
    subjects.map(
      (s) =>
        sql`(SELECT COUNT(*) FROM link_attempts WHERE scope = ${s.scope} AND subject = ${s.subject} AND attempted_at > ${windowStart}) < ${max}`,
    ),
    sql` AND `,
  );
  const result = await sql<{ id: number }>`
    INSERT INTO link_attempts (scope, subject, attempted_at)
    SELECT v.scope, v.subject, ${at} FROM (${rows}) AS v
    WHERE ${underLimit}
    RETURNING id`.execute(db);
  return result.rows.map((r) => r.id);
}

/** A success is not a failure: the attempt rows it claimed are given back. */
export async function deleteLinkAttempts(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("link_attempts").where("id", "in", ids).execute();
}

export interface AttemptWindow {
  count: number;
}

export async function findAttemptWindow(db: Kysely<Database>, subject: AttemptSubject, windowStart: number): Promise<AttemptWindow> {
  const row = await db
    .selectFrom("link_attempts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("scope", "=", subject.scope)
    .where("subject", "=", subject.subject)
    .where("attempted_at", ">", windowStart)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0) };
}

/**
 * With `max` (or more) attempts in the window, a new one is allowed when the `max`-th newest leaves it:
 * the time that attempt was made. Null when there is room now (fewer than `max`, so no such attempt).
 */
export async function findAttemptFreedAt(
  db: Kysely<Database>,
  subject: AttemptSubject,
  windowStart: number,
  max: number,
): Promise<number | null> {
  const row = await db
    .selectFrom("link_attempts")
    .select("attempted_at")
    .where("scope", "=", subject.scope)
    .where("subject", "=", subject.subject)
    .where("attempted_at", ">", windowStart)
    .orderBy("attempted_at", "desc")
    .offset(max - 1)
    .limit(1)
    .executeTakeFirst();
  return row?.attempted_at ?? null;
}

/** Cron: attempts older than the window count for nothing any more. */
export async function deleteLinkAttemptsBefore(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom("link_attempts").where("attempted_at", "<=", before).execute();
}
