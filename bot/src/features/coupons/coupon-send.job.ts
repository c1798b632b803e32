import { z } from "zod";

/** One multicast batch of a coupon's audience send, on the JOBS queue (see coupon-send.service.ts). */
export const CouponSendJobSchema = z.object({
  type: z.literal("coupon-send-batch"),
  sendId: z.string(),
  batchNo: z.int().min(0),
  /** Recipients are the audience's user ids after this one (keyset paging; "" = from the start). */
  afterUserId: z.string(),
});
export type CouponSendJob = z.infer<typeof CouponSendJobSchema>;
