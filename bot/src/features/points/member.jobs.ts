import { z } from "zod";

/** Queue jobs of the member card, points and ranks (see bot/src/jobs/job.ts). Schemas only: no imports of services. */
export const RankUpJobSchema = z.object({
  type: z.literal("rank-up"),
  userId: z.string(),
  memberId: z.string(),
  rankId: z.string(),
  /** Send key: one message per rank change, however often the job runs. */
  key: z.string(),
});

export const PointsExpiryNoticeJobSchema = z.object({
  type: z.literal("points-expiry-notice"),
  memberId: z.string(),
  points: z.number().int().positive(),
  expiresAt: z.number(),
  key: z.string(),
});

/** One page of the all-members rank recompute; enqueues the next page itself. */
export const RanksRecomputeJobSchema = z.object({
  type: z.literal("ranks-recompute"),
  afterId: z.string(),
  /** Names of ranks the rule change removed or renamed: their tags come off. */
  staleTags: z.array(z.string()).max(20).default([]),
});

export type MemberJob =
  | z.infer<typeof RankUpJobSchema>
  | z.infer<typeof PointsExpiryNoticeJobSchema>
  | z.infer<typeof RanksRecomputeJobSchema>;
