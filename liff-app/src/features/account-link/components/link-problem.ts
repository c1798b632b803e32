import { LinkLockoutSchema, LinkMismatchSchema } from "@enishi/shared";
import { ApiError } from "../../../lib/api.ts";

/** What went wrong with a link attempt, in the words the form shows (codes and details, never server text). */
export type LinkProblem =
  | { kind: "mismatch"; remainingAttempts: number }
  | { kind: "locked"; scope: "friend" | "member" | "login"; retryAt: number; retryAfterSeconds: number }
  | { kind: "member-taken" }
  | { kind: "friend-has-other"; memberNumber: string }
  | { kind: "fields"; issues: { path: string; message: string }[] }
  | { kind: "other"; error: unknown };

export function toLinkProblem(error: unknown): LinkProblem {
  if (!(error instanceof ApiError)) return { kind: "other", error };
  if (error.code === "rate_limited") {
    const lockout = LinkLockoutSchema.safeParse(error.details);
    if (lockout.success) return { kind: "locked", ...lockout.data };
  }
  if (error.code === "validation_failed" && error.fieldIssues.length > 0) return { kind: "fields", issues: error.fieldIssues };
  if (error.status === 400) {
    const mismatch = LinkMismatchSchema.safeParse(error.details);
    if (mismatch.success) return { kind: "mismatch", remainingAttempts: mismatch.data.remainingAttempts };
  }
  if (error.code === "conflict" && typeof error.details === "object" && error.details !== null && "reason" in error.details) {
    const details = error.details as { reason: unknown; memberNumber?: unknown };
    if (details.reason === "member_taken") return { kind: "member-taken" };
    if (details.reason === "friend_has_other") return { kind: "friend-has-other", memberNumber: String(details.memberNumber ?? "") };
  }
  return { kind: "other", error };
}

const jstTime = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });

/** "14:05" in Japan time, which is what the shop and its customers go by. */
export function retryTime(retryAt: number): string {
  return jstTime.format(retryAt);
}
