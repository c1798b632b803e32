import { findQueuedBatchSeqs } from "@enishi/db";
import type { Deps } from "../../deps.ts";
import { jobsQueue } from "../../jobs/job.ts";

/** Cloudflare Queues take at most 100 messages per sendBatch. */
const SEND_BATCH_MAX = 100;

export async function enqueueBroadcastPlan(deps: Deps, broadcastId: string, at?: number): Promise<void> {
  await jobsQueue(deps.env).send({ type: "broadcast-plan", broadcastId, ...(at === undefined ? {} : { at }) });
}

export async function enqueueBatchJobs(deps: Deps, broadcastId: string, seqs: readonly number[], at?: number): Promise<void> {
  for (let i = 0; i < seqs.length; i += SEND_BATCH_MAX) {
    const chunk = seqs.slice(i, i + SEND_BATCH_MAX);
    await jobsQueue(deps.env).sendBatch(
      chunk.map((seq) => ({ body: { type: "broadcast-batch" as const, broadcastId, seq, ...(at === undefined ? {} : { at }) } })),
    );
  }
}

/**
 * Enqueues every batch still queued (on resume, or when a broadcast stalled). A batch already on the queue
 * gets a second job; the status check and its retry key make the extra one harmless.
 */
export async function requeueQueuedBatches(deps: Deps, broadcastId: string, at?: number): Promise<number> {
  let after = -1;
  let total = 0;
  for (;;) {
    const seqs = await findQueuedBatchSeqs(deps.db, broadcastId, after, 500);
    if (seqs.length === 0) return total;
    await enqueueBatchJobs(deps, broadcastId, seqs, at);
    total += seqs.length;
    after = seqs.at(-1) ?? after;
  }
}
