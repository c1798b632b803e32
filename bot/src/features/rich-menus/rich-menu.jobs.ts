import { z } from "zod";

/** Recompute one friend's menu (after a tag change and other changes that reach it through the queue). */
export const RichMenuApplyJobSchema = z.object({
  type: z.literal("rich-menu-apply"),
  userId: z.string(),
});

/** The next page of a reconcile run; the cursor lives in D1, so a re-run resumes rather than restarts. */
export const RichMenuReconcileJobSchema = z.object({
  type: z.literal("rich-menu-reconcile"),
  runId: z.string(),
});

export type RichMenuApplyJob = z.infer<typeof RichMenuApplyJobSchema>;
export type RichMenuReconcileJob = z.infer<typeof RichMenuReconcileJobSchema>;
