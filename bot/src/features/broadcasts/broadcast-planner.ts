import type { BroadcastRow } from "@enishi/db";
import {
  completeBroadcastIfDone,
  failBroadcast,
  findBatchTotals,
  findBroadcast,
  findLastPlannedBatch,
  findSegment,
  findSegmentPage,
  finishPlanning,
  insertBatch,
  startBroadcast,
} from "@enishi/db";
import { batchSizeFor } from "@enishi/shared/broadcasts/index";
import { EVERYONE, type SegmentFilter } from "@enishi/shared/segments/index";
import type { Deps } from "../../deps.ts";
import { compileOrRefuse, parseStoredFilter } from "../segments/segments.service.ts";
import { enqueueBatchJobs, enqueueBroadcastPlan } from "./broadcast-queue.ts";

/**
 * Pages planned per job: 20 page reads + 20 inserts keeps a job within the free plan's 50 D1 queries per
 * invocation; the job then enqueues itself to go on, while the batches it planned are already sending.
 */
export const PAGES_PER_PLAN_JOB = 20;

/** The audience is frozen when the broadcast starts: the segment as it is then, measured from then. */
async function start(deps: Deps, row: BroadcastRow, now: number): Promise<BroadcastRow | undefined> {
  let filter: SegmentFilter = EVERYONE;
  if (row.segment_id) {
    const segment = await findSegment(deps.db, row.segment_id);
    if (!segment) {
      await failBroadcast(deps.db, row.id, "The segment was deleted / セグメントが削除されました", now);
      return undefined;
    }
    filter = parseStoredFilter(segment.filter);
  }
  await startBroadcast(deps.db, row.id, { filter: JSON.stringify(filter), audienceAt: now });
  return findBroadcast(deps.db, row.id);
}

/**
 * Plans the next pages of a broadcast's audience into batches (keyset pagination from where the last
 * batch ended) and enqueues them. Safe to run twice at once: a batch's (broadcast, seq) key is unique and
 * the planner that loses an insert stops, so no recipient is planned into two batches.
 */
export async function planBroadcast(deps: Deps, broadcastId: string, at?: number): Promise<void> {
  const now = Math.max(at ?? 0, Date.now());
  let row = await findBroadcast(deps.db, broadcastId);
  if (row?.status === "scheduled") {
    if (row.scheduled_at > now) return;
    row = await start(deps, row, now);
  }
  if (!row || (row.status !== "sending" && row.status !== "paused") || row.planned_at !== null) return;

  const where = compileOrRefuse(parseStoredFilter(row.filter ?? "{}"), row.audience_at ?? now);
  const size = batchSizeFor(row.personalised === 1);
  const last = await findLastPlannedBatch(deps.db, broadcastId);
  let seq = last ? last.seq + 1 : 0;
  let after = last?.last_recipient ?? null;
  const planned: number[] = [];
  let exhausted = false;
  let lostRace = false;
  for (let page = 0; page < PAGES_PER_PLAN_JOB; page++) {
    const recipients = await findSegmentPage(deps.db, where, after, size);
    const lastRecipient = recipients.at(-1);
    if (lastRecipient === undefined) {
      exhausted = true;
      break;
    }
    const inserted = await insertBatch(deps.db, {
      broadcast_id: broadcastId,
      seq,
      recipient_count: recipients.length,
      last_recipient: lastRecipient,
      // Stored before the first send: every attempt of this batch, in any job, carries the same key.
      retry_key: crypto.randomUUID(),
      status: "queued",
      sent_count: 0,
      failed_count: 0,
      created_at: Date.now(),
      completed_at: null,
      recipients: JSON.stringify(recipients),
    });
    if (!inserted) {
      lostRace = true;
      break;
    }
    planned.push(seq);
    seq += 1;
    after = lastRecipient;
    if (recipients.length < size) {
      exhausted = true;
      break;
    }
  }
  // A paused broadcast keeps planning (no LINE calls); its batches are enqueued when it resumes.
  if (row.status === "sending") await enqueueBatchJobs(deps, broadcastId, planned, now);
  if (lostRace) return;
  if (!exhausted) {
    await enqueueBroadcastPlan(deps, broadcastId, now);
    return;
  }
  const totals = await findBatchTotals(deps.db, broadcastId);
  await finishPlanning(
    deps.db,
    broadcastId,
    totals.reduce((n, t) => n + t.recipients, 0),
    Date.now(),
  );
  // No recipients at all, or every batch already sent while planning finished: done now.
  await completeBroadcastIfDone(deps.db, broadcastId, Date.now());
}
