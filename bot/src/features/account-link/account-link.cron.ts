import { deleteLinkAttemptsBefore, deleteStaleLinkNonces } from "@enishi/db";
import { LINK_FAILURE_WINDOW_MS } from "@enishi/shared";
import type { Deps } from "../../deps.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Cron: forget what can no longer matter. Attempts older than the lockout window count for nothing; nonces
 * expired a day ago can never be used (the day keeps them for support questions about a failed link).
 */
export async function pruneAccountLinkState(deps: Deps, now: number): Promise<void> {
  await deleteLinkAttemptsBefore(deps.db, now - LINK_FAILURE_WINDOW_MS);
  await deleteStaleLinkNonces(deps.db, now - DAY_MS);
}
