import type { AttemptSubject } from "@enishi/db";
import { claimLinkAttempts, deleteLinkAttempts, findAttemptFreedAt, findAttemptWindow } from "@enishi/db";
import type { LinkLockout } from "@enishi/shared";
import { LINK_FAILURE_WINDOW_MS, LINK_MAX_FAILURES } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../errors.ts";

/**
 * At most LINK_MAX_FAILURES failed checks per subject (friend, member number, login id) in any rolling
 * hour. A check claims its attempt before it runs and gives it back on success, so the count covers
 * checks in flight too: parallel requests cannot run a sixth guess. See docs/decisions/014.
 */
export interface ClaimedAttempts {
  ids: number[];
  subjects: readonly AttemptSubject[];
}

const jstTime = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });

/** The 429 a locked-out subject gets: which counter is full and when the next try is allowed. */
function lockedOut(lockout: LinkLockout): AppError {
  const at = jstTime.format(lockout.retryAt);
  const minutes = Math.ceil(lockout.retryAfterSeconds / 60);
  return new AppError(
    429,
    "rate_limited",
    `確認の失敗が続いたため、一時的にロックしています。${at}（約${minutes}分後）以降にもう一度お試しください。 / Too many failed attempts: try again after ${at} JST (in about ${minutes} min).`,
    lockout,
  );
}

export async function claimAttempts(deps: Deps, subjects: readonly AttemptSubject[], now = Date.now()): Promise<ClaimedAttempts> {
  const windowStart = now - LINK_FAILURE_WINDOW_MS;
  const ids = await claimLinkAttempts(deps.db, subjects, now, windowStart, LINK_MAX_FAILURES);
  if (ids.length === subjects.length) return { ids, subjects };
  // Some subject is full. Report the one that stays locked longest.
  let worst: LinkLockout | undefined;
  for (const subject of subjects) {
    const freedAt = await findAttemptFreedAt(deps.db, subject, windowStart, LINK_MAX_FAILURES);
    if (freedAt === null) continue;
    const retryAt = freedAt + LINK_FAILURE_WINDOW_MS;
    if (!worst || retryAt > worst.retryAt) {
      worst = {
        scope: subject.scope,
        retryAt,
        retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)),
      };
    }
  }
  // The attempts that filled the window were given back between the two queries: tell them to retry now.
  throw lockedOut(worst ?? { scope: "friend", retryAt: now + 1000, retryAfterSeconds: 1 });
}

/** A check that succeeded is not a failure. */
export async function releaseAttempts(deps: Deps, claimed: ClaimedAttempts): Promise<void> {
  await deleteLinkAttempts(deps.db, claimed.ids);
}

/** After a failed check: how many more tries the tightest counter allows. */
export async function remainingAttempts(deps: Deps, claimed: ClaimedAttempts, now = Date.now()): Promise<number> {
  let remaining = LINK_MAX_FAILURES;
  for (const subject of claimed.subjects) {
    const { count } = await findAttemptWindow(deps.db, subject, now - LINK_FAILURE_WINDOW_MS);
    remaining = Math.min(remaining, Math.max(0, LINK_MAX_FAILURES - count));
  }
  return remaining;
}
