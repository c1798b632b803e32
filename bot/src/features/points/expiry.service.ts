import {
  findCreditsExpiringBy,
  findFriend,
  findMembershipById,
  findMembersWithCreditsDue,
  findPointSettings,
  findPointTotals,
  insertExpiryQuery,
  updateExpiryStateQuery,
} from "@enishi/db";
import { runBatchChanges } from "../../db-batch.ts";
import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";
import { sendToUser } from "../../line/send.ts";
import { liffUrl } from "../conversations/bot-copy.ts";
import { expiringBy } from "./summary.service.ts";

const DAY_MS = 86_400_000;
/** Members handled per cron tick for each step: bounded work per minute, the rest next minute. */
const PER_TICK = 50;

/**
 * Point expiry, from the cron (every minute):
 * 1. members with credits expiring within the notice period that were not noticed yet: mark them noticed
 *    (the mark decides who sends, so two ticks never notify twice) and queue the notice;
 * 2. members with credits past expiry: one batch inserts the expiry entry (computed in SQL, a no-op when
 *    nothing is due) and marks those credits done.
 */
export async function runPointExpiry(deps: Deps, now: number): Promise<{ noticed: number; expired: number }> {
  const settings = await findPointSettings(deps.db);
  let noticed = 0;
  if (settings.expiry_notice_days > 0) {
    const until = now + settings.expiry_notice_days * DAY_MS;
    for (const memberId of await findMembersWithCreditsDue(deps.db, { states: ["pending"], until, limit: PER_TICK })) {
      const [changes] = await runBatchChanges(deps, [
        updateExpiryStateQuery(deps.db, { memberId, until, from: ["pending"], to: "noticed" }),
      ]);
      if (!changes) continue;
      const [credits, totals] = await Promise.all([findCreditsExpiringBy(deps.db, memberId, until), findPointTotals(deps.db, memberId, 0)]);
      const due = expiringBy(credits, totals.debits);
      // Already past (the cron was down): step 2 expires them now; a notice would only confuse.
      if (!due || due.firstAt <= now) continue;
      await jobsQueue(deps.env).send({
        type: "points-expiry-notice",
        memberId,
        points: due.points,
        expiresAt: due.firstAt,
        key: `points-expiry:${memberId}:${until}`,
      });
      noticed++;
    }
  }
  let expired = 0;
  for (const memberId of await findMembersWithCreditsDue(deps.db, { states: ["pending", "noticed"], until: now, limit: PER_TICK })) {
    const [inserted] = await runBatchChanges(deps, [
      insertExpiryQuery(deps.db, { memberId, now, key: `expire:${memberId}:${now}` }),
      updateExpiryStateQuery(deps.db, { memberId, until: now, from: ["pending", "noticed"], to: "done" }),
    ]);
    if (inserted) expired++;
  }
  return { noticed, expired };
}

const dateFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" });
const dateFormatEn = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", year: "numeric", month: "short", day: "numeric" });

export function expiryNoticeText(points: number, expiresAt: number, cardUrl: string): string {
  const n = points.toLocaleString("ja-JP");
  return [
    `【ポイント有効期限のお知らせ】\n${n}ポイントが${dateFormat.format(expiresAt)}に失効します。お早めにご利用ください。`,
    `${n} points expire on ${dateFormatEn.format(expiresAt)}. Use them before then.`,
    `会員証 / Member card: ${cardUrl}`,
  ].join("\n\n");
}

/** The queued notice, pushed once per key to a member who is still a friend. */
export async function sendExpiryNotice(
  deps: Deps,
  job: { memberId: string; points: number; expiresAt: number; key: string },
): Promise<void> {
  const member = await findMembershipById(deps.db, job.memberId);
  const userId = member?.line_user_id ?? member?.line_only_user_id ?? null;
  if (!userId) return;
  const friend = await findFriend(deps.db, userId);
  if (friend?.status !== "following") return;
  await sendToUser(deps.db, deps.line, {
    to: userId,
    messages: [{ type: "text", text: expiryNoticeText(job.points, job.expiresAt, liffUrl(deps.config, "/card")) }],
    sender: "system",
    key: job.key,
  });
}
