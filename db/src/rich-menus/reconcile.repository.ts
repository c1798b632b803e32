import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { ReconcileRunRow } from "./rich-menus.table.ts";

/**
 * Starts a run after retiring the running ones: a new run covers every friend with the newest policy and
 * menus, so an older run still paging through would only do stale work. For one D1 batch: the older runs
 * are retired only together with the new run's row, never left superseded by a run that was not recorded.
 */
export function insertReconcileRunQueries(db: Kysely<Database>, id: string, reason: string, at: number): CompiledQuery[] {
  return [
    db
      .updateTable("rich_menu_reconcile_runs")
      .set({ status: "superseded", updated_at: at, finished_at: at })
      .where("status", "=", "running")
      .compile(),
    db
      .insertInto("rich_menu_reconcile_runs")
      .values({ id, reason, status: "running", cursor: null, created_at: at, updated_at: at, finished_at: null })
      .compile(),
  ];
}

export function findReconcileRun(db: Kysely<Database>, id: string): Promise<ReconcileRunRow | undefined> {
  return db.selectFrom("rich_menu_reconcile_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findRecentReconcileRuns(db: Kysely<Database>, limit: number): Promise<ReconcileRunRow[]> {
  return db.selectFrom("rich_menu_reconcile_runs").selectAll().orderBy("created_at", "desc").limit(limit).execute();
}

/** Runs still marked running whose last page is older than `staleBefore`: their queue message was lost. */
export function findStalledReconcileRuns(db: Kysely<Database>, staleBefore: number): Promise<ReconcileRunRow[]> {
  return db
    .selectFrom("rich_menu_reconcile_runs")
    .selectAll()
    .where("status", "=", "running")
    .where("updated_at", "<", staleBefore)
    .execute();
}

export interface PageProgress {
  cursor: string;
  friendsSeen: number;
  linked: number;
  unlinked: number;
  calls: number;
}

/**
 * Moves the cursor past a finished page, only while the run is still running and still at the cursor this
 * page started from: a duplicate delivery of the same page job cannot count it twice.
 */
export async function advanceReconcileRun(
  db: Kysely<Database>,
  id: string,
  fromCursor: string | null,
  progress: PageProgress,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable("rich_menu_reconcile_runs")
    .set((eb) => ({
      cursor: progress.cursor,
      friends_seen: eb("friends_seen", "+", progress.friendsSeen),
      linked: eb("linked", "+", progress.linked),
      unlinked: eb("unlinked", "+", progress.unlinked),
      calls: eb("calls", "+", progress.calls),
      updated_at: at,
    }))
    .where("id", "=", id)
    .where("status", "=", "running")
    .where((eb) => (fromCursor === null ? eb("cursor", "is", null) : eb("cursor", "=", fromCursor)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishReconcileRun(
  db: Kysely<Database>,
  id: string,
  status: "done" | "failed",
  error: string | null,
  at: number,
): Promise<void> {
  await db
    .updateTable("rich_menu_reconcile_runs")
    .set({ status, error, updated_at: at, finished_at: at })
    .where("id", "=", id)
    .where("status", "=", "running")
    .execute();
}

/** Marks a run alive (the cron's resume check looks at updated_at). */
export async function touchReconcileRun(db: Kysely<Database>, id: string, at: number, error: string | null): Promise<void> {
  await db.updateTable("rich_menu_reconcile_runs").set({ updated_at: at, error }).where("id", "=", id).execute();
}
