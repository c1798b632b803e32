import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { NewScenarioRow, ScenarioRow, ScenarioStatus } from "./scenarios.table.ts";

export async function insertScenario(db: Kysely<Database>, row: NewScenarioRow): Promise<void> {
  await db.insertInto("scenarios").values(row).execute();
}

export function findScenario(db: Kysely<Database>, id: string): Promise<ScenarioRow | undefined> {
  return db.selectFrom("scenarios").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findScenarios(db: Kysely<Database>): Promise<ScenarioRow[]> {
  return db.selectFrom("scenarios").selectAll().orderBy("created_at", "desc").limit(200).execute();
}

/** Active scenarios a trigger type can enrol into; the trigger's own narrowing (which tag…) is checked by the caller. */
export function findActiveScenariosByTrigger(db: Kysely<Database>, triggerType: string): Promise<ScenarioRow[]> {
  return db.selectFrom("scenarios").selectAll().where("status", "=", "active").where("trigger_type", "=", triggerType).execute();
}

export async function updateScenario(
  db: Kysely<Database>,
  id: string,
  values: Pick<
    ScenarioRow,
    "name" | "description" | "trigger_type" | "trigger" | "steps" | "exit_on" | "quiet_hours" | "allow_reentry" | "updated_at"
  >,
): Promise<boolean> {
  const result = await db.updateTable("scenarios").set(values).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateScenarioStatus(db: Kysely<Database>, id: string, status: ScenarioStatus, at: number): Promise<boolean> {
  const result = await db.updateTable("scenarios").set({ status, updated_at: at }).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Only a scenario nobody was ever enrolled in can be deleted; others are paused, keeping their history. */
export async function deleteUnusedScenario(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("scenarios")
    .where("id", "=", id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("scenario_enrolments").select("id").where("scenario_id", "=", id))))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface EnrolmentCounts {
  scenario_id: string;
  status: string;
  count: number;
}

export async function countEnrolmentsByScenario(db: Kysely<Database>): Promise<EnrolmentCounts[]> {
  const rows = await db
    .selectFrom("scenario_enrolments")
    .select((eb) => ["scenario_id", "status", eb.fn.countAll<number>().as("count")])
    .groupBy(["scenario_id", "status"])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
