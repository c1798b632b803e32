import type { BroadcastEstimate } from "./broadcast.schema.ts";

/** LINE's multicast takes at most 500 recipients per request. */
export const MULTICAST_BATCH_SIZE = 500;
/**
 * A personalised batch is pushed one recipient at a time; 50 keeps one queue job within the Workers free
 * plan's 50 subrequests and well under a second of LINE calls at push's 2,000 requests/s.
 */
export const PERSONALISED_BATCH_SIZE = 50;

/**
 * The Standard plan's additional-message price is tiered, 3 yen per message at most (LINE Official Account
 * pricing in Japan since June 2023); the Communication and Light plans cannot send beyond their quota at all.
 * An upper bound for the estimate only; the bill comes from LINE.
 */
export const ADDITIONAL_MESSAGE_YEN = 3;

export interface QuotaFigures {
  type: "none" | "limited";
  limit: number | null;
  used: number | null;
}

export function batchSizeFor(personalised: boolean): number {
  return personalised ? PERSONALISED_BATCH_SIZE : MULTICAST_BATCH_SIZE;
}

export function estimateBroadcast(recipients: number, personalised: boolean, quota: QuotaFigures | null): BroadcastEstimate {
  const requests = personalised ? recipients : Math.ceil(recipients / MULTICAST_BATCH_SIZE);
  const left = quota?.type === "limited" && quota.limit !== null ? Math.max(0, quota.limit - (quota.used ?? 0)) : null;
  const overQuota = left === null ? 0 : Math.max(0, recipients - left);
  return {
    recipients,
    personalised,
    requests,
    messagesCounted: recipients,
    quota: quota ? { ...quota, left } : null,
    overQuota,
    additionalCostYen: overQuota * ADDITIONAL_MESSAGE_YEN,
  };
}
