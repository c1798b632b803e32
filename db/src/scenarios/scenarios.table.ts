import type { Generated, Insertable, Selectable } from "kysely";

export type ScenarioStatus = "draft" | "active" | "paused";
export type EnrolmentStatus = "active" | "completed" | "exited" | "stopped";
export type StepOutcome = "done" | "skipped" | "stopped" | "branched" | "exited";

export interface ScenariosTable {
  id: string;
  name: string;
  description: string;
  status: ScenarioStatus;
  trigger_type: string;
  /** JSON: parse with ScenarioTriggerSchema (@enishi/shared). */
  trigger: string;
  /** JSON: parse with ScenarioStepsSchema. */
  steps: string;
  /** JSON: parse with ScenarioExitSchema. */
  exit_on: string;
  quiet_hours: string | null;
  allow_reentry: number;
  template_id: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
export type ScenarioRow = Selectable<ScenariosTable>;
export type NewScenarioRow = Insertable<ScenariosTable>;

export interface ScenarioEnrolmentsTable {
  id: Generated<number>;
  scenario_id: string;
  line_user_id: string;
  status: EnrolmentStatus;
  round: number;
  step_index: number;
  anchor_at: number;
  next_run_at: number | null;
  last_step_at: number | null;
  exit_reason: string | null;
  context: string;
  enrolled_at: number;
  updated_at: number;
  ended_at: number | null;
}
export type EnrolmentRow = Selectable<ScenarioEnrolmentsTable>;

export interface ScenarioStepRunsTable {
  id: Generated<number>;
  enrolment_id: number;
  round: number;
  step_index: number;
  step_id: string;
  outcome: StepOutcome;
  detail: string | null;
  ran_at: number;
}
export type StepRunRow = Selectable<ScenarioStepRunsTable>;
