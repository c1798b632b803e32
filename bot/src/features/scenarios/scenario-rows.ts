import type { ScenarioRow } from "@enishi/db";
import { type QuietHours, QuietHoursSchema } from "@enishi/shared/broadcasts/index";
import {
  type ScenarioExit,
  ScenarioExitSchema,
  type ScenarioStep,
  ScenarioStepsSchema,
  type ScenarioTrigger,
  ScenarioTriggerSchema,
} from "@enishi/shared/scenarios/index";

/** A scenario row with its JSON columns parsed (and checked) the way the API accepted them. */
export interface ParsedScenario {
  row: ScenarioRow;
  trigger: ScenarioTrigger;
  steps: ScenarioStep[];
  exitOn: ScenarioExit;
  quietHours: QuietHours | null;
}

export function parseScenario(row: ScenarioRow): ParsedScenario {
  return {
    row,
    trigger: ScenarioTriggerSchema.parse(JSON.parse(row.trigger)),
    steps: ScenarioStepsSchema.parse(JSON.parse(row.steps)),
    exitOn: ScenarioExitSchema.parse(JSON.parse(row.exit_on)),
    quietHours: row.quiet_hours === null ? null : QuietHoursSchema.parse(JSON.parse(row.quiet_hours)),
  };
}
