import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { NewSurveyRow, SurveyRow } from "./surveys.table.ts";

export function findSurvey(db: Kysely<Database>, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertSurvey(db: Kysely<Database>, row: NewSurveyRow): Promise<void> {
  await db.insertInto("surveys").values(row).execute();
}

/** Replaces the editable columns; returns whether the survey existed. */
export async function updateSurvey(
  db: Kysely<Database>,
  id: string,
  patch: Pick<SurveyRow, "title" | "description" | "definition" | "allow_multiple" | "status" | "updated_at">,
): Promise<boolean> {
  const result = await db.updateTable("surveys").set(patch).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SurveyWithCounts extends SurveyRow {
  submitted: number;
  in_progress: number;
}

/** The admin list (or one survey) with how many responses are submitted and in progress. */
export function findSurveysWithCounts(db: Kysely<Database>, filter: { limit: number; id?: string }): Promise<SurveyWithCounts[]> {
  let q = db.selectFrom("surveys as s");
  if (filter.id !== undefined) q = q.where("s.id", "=", filter.id);
  return q
    .selectAll("s")
    .select((eb) => [
      eb
        .selectFrom("survey_responses as r")
        .whereRef("r.survey_id", "=", "s.id")
        .where("r.status", "=", "submitted")
        .select(eb.fn.countAll<number>().as("n"))
        .as("submitted"),
      eb
        .selectFrom("survey_responses as r")
        .whereRef("r.survey_id", "=", "s.id")
        .where("r.status", "=", "in_progress")
        .select(eb.fn.countAll<number>().as("n"))
        .as("in_progress"),
    ])
    .orderBy("s.created_at", "desc")
    .limit(filter.limit)
    .execute() as Promise<SurveyWithCounts[]>;
}

export function findOpenSurveys(db: Kysely<Database>, limit: number): Promise<SurveyRow[]> {
  return db.selectFrom("surveys").selectAll().where("status", "=", "open").orderBy("created_at", "desc").limit(limit).execute();
}
