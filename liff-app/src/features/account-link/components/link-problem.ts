import type { LinkLockout, LinkMismatch } from "@enishi/shared";
import { ApiError } from "../../../lib/api.ts";

// Hand-written guards rather than the shared zod schemas: zod would triple this screen's download.
function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

function asLockout(details: unknown): LinkLockout | null {
  const d = record(details);
  if (!d || typeof d.retryAt !== "number" || typeof d.retryAfterSeconds !== "number") return null;
  const scope = d.scope === "member" || d.scope === "login" ? d.scope : "friend";
  return { scope, retryAt: d.retryAt, retryAfterSeconds: d.retryAfterSeconds };
}

function asMismatch(details: unknown): LinkMismatch | null {
  const d = record(details);
  return d && typeof d.remainingAttempts === "number" ? { remainingAttempts: d.remainingAttempts } : null;
}

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
    const lockout = asLockout(error.details);
    if (lockout) return { kind: "locked", ...lockout };
  }
  if (error.code === "validation_failed" && error.fieldIssues.length > 0) return { kind: "fields", issues: error.fieldIssues };
  if (error.status === 400) {
    const mismatch = asMismatch(error.details);
    if (mismatch) return { kind: "mismatch", remainingAttempts: mismatch.remainingAttempts };
  }
  const conflict = error.code === "conflict" ? record(error.details) : null;
  if (conflict?.reason === "member_taken") return { kind: "member-taken" };
  if (conflict?.reason === "friend_has_other") return { kind: "friend-has-other", memberNumber: String(conflict.memberNumber ?? "") };
  return { kind: "other", error };
}

const jstTime = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });

/** "14:05" in Japan time, which is what the shop and its customers go by. */
export function retryTime(retryAt: number): string {
  return jstTime.format(retryAt);
}
