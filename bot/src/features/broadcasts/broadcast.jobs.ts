import { z } from "zod";

/** Pages the broadcast's audience into batches (a few per job, then it enqueues itself to go on). */
export const BroadcastPlanJobSchema = z.object({
  type: z.literal("broadcast-plan"),
  broadcastId: z.string(),
  /** The cron tick that found it due (epoch ms): a scheduled broadcast starts when this reaches its time. */
  at: z.number().optional(),
});
/** Sends one planned batch: one multicast, or one push per recipient when personalised. */
export const BroadcastBatchJobSchema = z.object({
  type: z.literal("broadcast-batch"),
  broadcastId: z.string(),
  seq: z.int().min(0),
  /** When the batch was released (the planner's or cron's clock); quiet hours are checked at the later of this and now. */
  at: z.number().optional(),
});
export type BroadcastBatchJob = z.infer<typeof BroadcastBatchJobSchema>;
