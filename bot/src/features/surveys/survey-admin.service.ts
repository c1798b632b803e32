import type { SurveyRow, SurveyWithCounts } from "@enishi/db";
import { findCoupon, findSubmittedResponses, findSurvey, findSurveysWithCounts, insertSurvey, updateSurvey } from "@enishi/db";
import type { SurveyDefinition, SurveyInput } from "@enishi/shared";
import { surveyResponsesCsv, tallySurveyResults } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { answersOf, definitionOf } from "./survey-definition.ts";

/** Results read at most this many responses: enough for a shop's survey; larger ones want SQL tallies. */
const RESULTS_LIMIT = 20_000;

const notFound = () => new AppError(404, "not_found", "アンケートが見つかりません / Survey not found");

export function toAdminSurvey(row: SurveyRow, counts?: Pick<SurveyWithCounts, "submitted" | "in_progress">) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    allowMultiple: row.allow_multiple === 1,
    status: row.status,
    definition: definitionOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts: { submitted: Number(counts?.submitted ?? 0), inProgress: Number(counts?.in_progress ?? 0) },
  };
}
export type AdminSurvey = ReturnType<typeof toAdminSurvey>;

/** Every coupon a reward names must exist: a typo would otherwise surface only when a customer answers. */
async function checkRewards(deps: Deps, definition: SurveyDefinition): Promise<void> {
  const refs: { path: string; couponId: string }[] = [];
  for (const [qi, q] of definition.questions.entries()) {
    for (const [oi, o] of q.options.entries()) {
      if (o.reward?.kind === "coupon")
        refs.push({ path: `definition.questions.${qi}.options.${oi}.reward.couponId`, couponId: o.reward.couponId });
    }
  }
  if (definition.completionReward?.kind === "coupon")
    refs.push({ path: "definition.completionReward.couponId", couponId: definition.completionReward.couponId });
  for (const ref of refs) {
    if (!(await findCoupon(deps.db, ref.couponId))) {
      const message = "そのクーポンはありません / No such coupon";
      throw new AppError(400, "validation_failed", `${ref.path}: ${message}`, [{ path: ref.path, message }]);
    }
  }
}

function columns(input: SurveyInput, now: number) {
  return {
    title: input.title,
    description: input.description,
    definition: JSON.stringify(input.definition),
    allow_multiple: input.allowMultiple ? (1 as const) : (0 as const),
    status: input.status,
    updated_at: now,
  };
}

export async function createSurvey(deps: Deps, input: SurveyInput, adminUserId: string): Promise<AdminSurvey> {
  await checkRewards(deps, input.definition);
  const now = Date.now();
  const id = crypto.randomUUID();
  await insertSurvey(deps.db, { id, ...columns(input, now), created_by: adminUserId, created_at: now });
  return getAdminSurvey(deps, id);
}

/** Replaces the form. Answers already given keep their question ids; results show the current questions. */
export async function editSurvey(deps: Deps, id: string, input: SurveyInput): Promise<AdminSurvey> {
  await checkRewards(deps, input.definition);
  if (!(await updateSurvey(deps.db, id, columns(input, Date.now())))) throw notFound();
  return getAdminSurvey(deps, id);
}

export async function listAdminSurveys(deps: Deps): Promise<AdminSurvey[]> {
  const rows = await findSurveysWithCounts(deps.db, { limit: 200 });
  return rows.map((r) => toAdminSurvey(r, r));
}

export async function getAdminSurvey(deps: Deps, id: string): Promise<AdminSurvey> {
  const [row] = await findSurveysWithCounts(deps.db, { limit: 1, id });
  if (!row) throw notFound();
  return toAdminSurvey(row, row);
}

/** Counts per question over submitted responses, for the charts. */
export async function surveyResults(deps: Deps, id: string) {
  const row = await findSurvey(deps.db, id);
  if (!row) throw notFound();
  const responses = await findSubmittedResponses(deps.db, id, RESULTS_LIMIT);
  return {
    survey: { id: row.id, title: row.title },
    responses: responses.length,
    questions: tallySurveyResults(
      definitionOf(row),
      responses.map((r) => answersOf(r.answers)),
    ),
  };
}

export async function surveyCsv(deps: Deps, id: string): Promise<{ filename: string; body: string }> {
  const row = await findSurvey(deps.db, id);
  if (!row) throw notFound();
  const responses = await findSubmittedResponses(deps.db, id, RESULTS_LIMIT);
  const body = surveyResponsesCsv(
    definitionOf(row),
    responses.map((r) => ({
      responseId: r.id,
      userId: r.line_user_id,
      displayName: r.display_name,
      submittedAt: r.submitted_at ?? r.updated_at,
      answers: answersOf(r.answers),
    })),
  );
  return { filename: `survey-${row.id.slice(0, 8)}.csv`, body };
}
