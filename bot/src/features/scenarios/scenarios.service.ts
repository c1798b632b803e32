import type { ScenarioRow } from "@enishi/db";
import {
  countEnrolmentsByScenario,
  findCoupon,
  findEnrolmentsOf,
  findScenario,
  findScenarios,
  findStepRuns,
  insertScenario,
  updateScenario,
} from "@enishi/db";
import type { FriendScenarioDto, ScenarioDto, ScenarioEvent, ScenarioInput } from "@enishi/shared/scenarios/index";
import type { Deps } from "../../deps.ts";
import { AppError, notFound } from "../../errors.ts";
import { assertLinksSendable } from "../broadcasts/broadcast-messages.ts";
import { addTag } from "../tags/tags.service.ts";
import { exitScenarios, triggerScenarios } from "./enrolment.service.ts";
import { parseScenario } from "./scenario-rows.ts";

type Counts = ScenarioDto["enrolments"];
const NO_COUNTS: Counts = { active: 0, completed: 0, exited: 0, stopped: 0 };

export function toScenarioDto(row: ScenarioRow, enrolments: Counts = NO_COUNTS): ScenarioDto {
  const s = parseScenario(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    trigger: s.trigger,
    steps: s.steps,
    exitOn: s.exitOn,
    quietHours: s.quietHours,
    allowReentry: row.allow_reentry === 1,
    templateId: row.template_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    enrolments,
  };
}

export async function listScenarios(deps: Deps): Promise<ScenarioDto[]> {
  const [rows, counts] = await Promise.all([findScenarios(deps.db), countEnrolmentsByScenario(deps.db)]);
  return rows.map((row) => {
    const mine = { ...NO_COUNTS };
    for (const c of counts) if (c.scenario_id === row.id) mine[c.status as keyof Counts] = c.count;
    return toScenarioDto(row, mine);
  });
}

export async function getScenario(deps: Deps, id: string): Promise<ScenarioDto> {
  const row = await findScenario(deps.db, id);
  if (!row) throw notFound("No such scenario / シナリオが見つかりません");
  return toScenarioDto(row);
}

/** Coupons a scenario grants or shows must exist: said when saving, not when a step runs weeks later. */
async function assertCouponsExist(deps: Deps, input: ScenarioInput): Promise<void> {
  const ids = input.steps.flatMap((s) =>
    s.actions.flatMap((a) =>
      a.type === "grantCoupon"
        ? [a.couponId]
        : a.type === "message"
          ? a.messages.flatMap((m) => (m.type === "coupon" ? [m.couponId] : []))
          : [],
    ),
  );
  for (const id of new Set(ids)) {
    if (!(await findCoupon(deps.db, id)))
      throw new AppError(400, "validation_failed", `Unknown coupon ${id} / クーポンが見つかりません`, [
        { path: "steps", message: `Unknown coupon ${id}` },
      ]);
  }
}

/** `{link:CODE}` in step messages must name an existing tracked link (and signing must be configured). */
async function assertLinksExist(deps: Deps, input: ScenarioInput): Promise<void> {
  for (const [s, step] of input.steps.entries())
    for (const [a, action] of step.actions.entries())
      if (action.type === "message") await assertLinksSendable(deps, action.messages, `steps.${s}.actions.${a}.messages`);
}

function columns(input: ScenarioInput, at: number) {
  return {
    name: input.name,
    description: input.description,
    trigger_type: input.trigger.type,
    trigger: JSON.stringify(input.trigger),
    steps: JSON.stringify(input.steps),
    exit_on: JSON.stringify(input.exitOn),
    quiet_hours: input.quietHours ? JSON.stringify(input.quietHours) : null,
    allow_reentry: input.allowReentry ? 1 : 0,
    updated_at: at,
  };
}

/** New scenarios start as drafts: nobody is enrolled until an operator activates it. */
export async function createScenario(
  deps: Deps,
  input: ScenarioInput,
  createdBy: string | null,
  templateId: string | null = null,
): Promise<ScenarioDto> {
  await assertCouponsExist(deps, input);
  await assertLinksExist(deps, input);
  const now = Date.now();
  const id = crypto.randomUUID();
  await insertScenario(deps.db, {
    id,
    status: "draft",
    template_id: templateId,
    created_by: createdBy,
    created_at: now,
    ...columns(input, now),
  });
  return getScenario(deps, id);
}

/**
 * Edits apply to enrolled friends from their next step on: enrolments keep their step number, so editing
 * a running scenario is best limited to wording and later steps (the editor says so).
 */
export async function editScenario(deps: Deps, id: string, input: ScenarioInput): Promise<ScenarioDto> {
  await assertCouponsExist(deps, input);
  await assertLinksExist(deps, input);
  if (!(await updateScenario(deps.db, id, columns(input, Date.now())))) throw notFound("No such scenario / シナリオが見つかりません");
  return getScenario(deps, id);
}

/**
 * An event from outside (POS, cart, staff tool): a cancellation's stated reason becomes a tag the steps
 * can branch on, a purchase ends enrolments that exit on purchase, then scenarios it triggers enrol.
 */
export async function recordScenarioEvent(deps: Deps, event: ScenarioEvent): Promise<{ enrolled: string[]; exited: number }> {
  const at = event.at ?? Date.now();
  if (event.type === "cancellation" && event.reason) {
    await addTag(deps, { userId: event.userId, tag: `解約理由:${event.reason}`, source: "api", sourceRef: "cancellation" });
  }
  const exited = event.type === "purchase" ? await exitScenarios(deps, event.userId, { kind: "purchase" }, at) : 0;
  const enrolled = await triggerScenarios(deps, {
    type: event.type,
    userId: event.userId,
    at,
    ref: event.ref,
    context: event.reason ? { reason: event.reason } : undefined,
  });
  return { enrolled, exited };
}

/** A friend's enrolments with what each step did: shown on the friend's profile. */
export async function friendScenarios(deps: Deps, userId: string): Promise<FriendScenarioDto[]> {
  const enrolments = await findEnrolmentsOf(deps.db, userId);
  const runs = await findStepRuns(
    deps.db,
    enrolments.map((e) => e.id),
  );
  const out: FriendScenarioDto[] = [];
  for (const e of enrolments) {
    const row = await findScenario(deps.db, e.scenario_id);
    if (!row) continue;
    const { steps } = parseScenario(row);
    out.push({
      enrolmentId: e.id,
      scenarioId: row.id,
      scenarioName: row.name,
      status: e.status,
      round: e.round,
      stepIndex: e.step_index,
      stepCount: steps.length,
      nextStepName: e.status === "active" ? (steps[e.step_index]?.name ?? null) : null,
      nextRunAt: e.next_run_at,
      enrolledAt: e.enrolled_at,
      endedAt: e.ended_at,
      exitReason: e.exit_reason,
      runs: runs
        .filter((r) => r.enrolment_id === e.id && r.round === e.round)
        .map((r) => ({
          stepIndex: r.step_index,
          stepId: r.step_id,
          stepName: steps[r.step_index]?.name ?? r.step_id,
          outcome: r.outcome,
          detail: r.detail,
          ranAt: r.ran_at,
        })),
    });
  }
  return out;
}
