import { z } from "zod";

/** Runs one due step of one enrolment. Stale jobs (the enrolment moved on, or ended) do nothing. */
export const ScenarioStepJobSchema = z.object({
  type: z.literal("scenario-step"),
  enrolmentId: z.int().positive(),
  round: z.int().positive(),
  stepIndex: z.int().min(0),
  /** The cron tick that found it due: the step's clock is the later of this and now. */
  at: z.number().optional(),
});
export type ScenarioStepJob = z.infer<typeof ScenarioStepJobSchema>;
