import { completeBroadcastIfDone, findBatchTotals, findBroadcastsByStatus, findDueScheduledBroadcasts, resumeBroadcast } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { enqueueBroadcastPlan, requeueQueuedBatches } from "./broadcast-queue.ts";

/** A sending broadcast with no batch finished for this long has lost jobs (dead-lettered, a crash): requeue. */
const STALL_MS = 10 * 60 * 1000;

/**
 * Cron (every minute): starts scheduled broadcasts that are due, resumes paused ones whose time has come
 * (rate limit over, quiet hours ended, a new month's quota), and picks up broadcasts that stalled. Every
 * step is a conditional transition or an idempotent re-enqueue, so overlapping runs do no harm.
 */
export async function runBroadcastCron(deps: Deps, now: number): Promise<void> {
  for (const { id } of await findDueScheduledBroadcasts(deps.db, now, 20)) {
    await enqueueBroadcastPlan(deps, id, now);
  }
  for (const row of await findBroadcastsByStatus(deps.db, "paused", 50)) {
    if (row.resume_at !== null && row.resume_at <= now && (await resumeBroadcast(deps.db, row.id, now))) {
      await resumeSending(deps, row.id, row.planned_at === null, now);
    }
  }
  for (const row of await findBroadcastsByStatus(deps.db, "sending", 50)) {
    const totals = await findBatchTotals(deps.db, row.id);
    const lastActivity = Math.max(row.updated_at, ...totals.map((t) => t.lastCompletedAt ?? 0));
    if (now - lastActivity < STALL_MS) continue;
    console.warn(JSON.stringify({ msg: "broadcast_stalled", broadcastId: row.id, lastActivity }));
    await resumeSending(deps, row.id, row.planned_at === null, now);
  }
}

/** After a resume: the queued batches go back on the queue, planning goes on if it had not finished. */
export async function resumeSending(deps: Deps, broadcastId: string, stillPlanning: boolean, at?: number): Promise<void> {
  if (stillPlanning) await enqueueBroadcastPlan(deps, broadcastId, at);
  await requeueQueuedBatches(deps, broadcastId, at);
  await completeBroadcastIfDone(deps.db, broadcastId, Date.now());
}
