import { z } from "zod";
import { BroadcastBatchJobSchema, BroadcastPlanJobSchema } from "../features/broadcasts/broadcast.jobs.ts";
import { CouponSendJobSchema } from "../features/coupons/coupon-send.job.ts";
import { PointsExpiryNoticeJobSchema, RanksRecomputeJobSchema, RankUpJobSchema } from "../features/points/member.jobs.ts";
import { RichMenuApplyJobSchema, RichMenuReconcileJobSchema } from "../features/rich-menus/rich-menu.jobs.ts";
import { ScenarioStepJobSchema } from "../features/scenarios/scenario.jobs.ts";

/** Every message on the JOBS queue. A discriminated union, parsed on the way out like any other input. */
export const JobSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("webhook-event"),
    receivedAt: z.number(),
    /** The raw event as LINE sent it; parsed per type by the handler so unknown fields pass untouched. */
    event: z.record(z.string(), z.unknown()),
  }),
  CouponSendJobSchema,
  RichMenuApplyJobSchema,
  RichMenuReconcileJobSchema,
  RankUpJobSchema,
  PointsExpiryNoticeJobSchema,
  RanksRecomputeJobSchema,
  BroadcastPlanJobSchema,
  BroadcastBatchJobSchema,
  ScenarioStepJobSchema,
]);
export type Job = z.infer<typeof JobSchema>;

/** The binding's type is generated untyped; this pins what may be sent. */
export function jobsQueue(env: Env): Queue<Job> {
  return env.JOBS as Queue<Job>;
}
