import type { BroadcastBatchRow, BroadcastRow } from "@enishi/db";
import { completeBroadcastIfDone, findBatch, findBroadcast, findPersonalValues, finishBatch, pauseBroadcast } from "@enishi/db";
import { BroadcastMessagesSchema, isQuietAt, JST_OFFSET_MS, nextSendableAt } from "@enishi/shared/broadcasts/index";
import type { Deps } from "../../deps.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import type { BroadcastBatchJob } from "./broadcast.jobs.ts";
import { couponsOf, toLineMessages } from "./broadcast-messages.ts";
import { parseQuietHours } from "./broadcasts.service.ts";

/** A burst 429 pauses the whole broadcast this long; its queued batches are re-enqueued by cron after. */
const RATE_LIMIT_PAUSE_MS = 60_000;
/** Pushes of a personalised batch in flight at once. */
const PUSH_CONCURRENCY = 10;

interface Sent {
  sent: number;
  failed: number;
  requestId: string | null;
  error: string | null;
}

/** The monthly quota resets on the 1st (Japan time); a broadcast paused for it resumes then, or when an operator says so. */
export function startOfNextMonthJst(at: number): number {
  const d = new Date(at + JST_OFFSET_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - JST_OFFSET_MS;
}

/**
 * A stable X-Line-Retry-Key per (batch, recipient), derived from the batch's stored key: a re-run pushes
 * with the same keys, so LINE answers 409 to everyone it already delivered to. UUID-shaped (version 4 bits).
 */
export async function recipientRetryKey(batchKey: string, userId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${batchKey}:${userId}`)));
  const b = digest.slice(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function callOptions(deps: Deps) {
  return { retry: true, timeoutMs: deps.line.timeoutMs, backoffMs: deps.line.backoffMs };
}

/** One multicast for the whole batch, with the batch's stored retry key. 409 = LINE had it already. */
async function multicast(deps: Deps, row: BroadcastRow, batch: BroadcastBatchRow, recipients: string[]): Promise<Sent> {
  const messages = await toLineMessages(deps, BroadcastMessagesSchema.parse(JSON.parse(row.messages)));
  const result = await callLine(
    "multicast",
    () =>
      deps.line.api.multicastWithHttpInfo({ to: recipients, messages, customAggregationUnits: [row.aggregation_unit] }, batch.retry_key),
    callOptions(deps),
  );
  return { sent: recipients.length, failed: 0, requestId: result.requestId, error: null };
}

/**
 * One push per recipient with their own text. A recipient LINE refuses (4xx) counts as failed; a 429 or
 * a 5xx that outlasts the retries stops the batch unfinished, and its re-run repeats the same keys.
 */
async function pushEach(deps: Deps, row: BroadcastRow, batch: BroadcastBatchRow, recipients: string[]): Promise<Sent> {
  const composed = BroadcastMessagesSchema.parse(JSON.parse(row.messages));
  const [personal, coupons] = await Promise.all([findPersonalValues(deps.db, recipients), couponsOf(deps, composed)]);
  const values = new Map(personal.map((v) => [v.line_user_id, v]));
  const outcome: Sent = { sent: 0, failed: 0, requestId: null, error: null };
  const queue = [...recipients];
  async function worker(): Promise<void> {
    for (let to = queue.shift(); to !== undefined; to = queue.shift()) {
      const v = values.get(to);
      const messages = await toLineMessages(
        deps,
        composed,
        {
          userId: to,
          values: {
            name: v?.display_name ?? "",
            rank: v?.rank_name ?? "",
            points: v?.points === null || v?.points === undefined ? "" : String(v.points),
          },
        },
        coupons,
      );
      const key = await recipientRetryKey(batch.retry_key, to);
      const recipient = to;
      try {
        const result = await callLine(
          "push",
          () => deps.line.api.pushMessageWithHttpInfo({ to: recipient, messages, customAggregationUnits: [row.aggregation_unit] }, key),
          callOptions(deps),
        );
        outcome.sent += 1;
        outcome.requestId ??= result.requestId;
      } catch (error) {
        if (!(error instanceof LineApiError) || !error.permanent) throw error;
        outcome.failed += 1;
        outcome.error ??= `${error.status} ${error.body}`.slice(0, 300);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PUSH_CONCURRENCY, recipients.length) }, worker));
  return outcome;
}

async function pauseFor(deps: Deps, row: BroadcastRow, error: LineApiError, now: number): Promise<void> {
  const pause = error.quotaExhausted
    ? { reason: "quota_exhausted" as const, resumeAt: startOfNextMonthJst(now), at: now }
    : { reason: "rate_limited" as const, resumeAt: now + RATE_LIMIT_PAUSE_MS, at: now };
  await pauseBroadcast(deps.db, row.id, pause);
  console.warn(JSON.stringify({ msg: "broadcast_paused", broadcastId: row.id, reason: pause.reason, resumeAt: pause.resumeAt }));
}

/**
 * Sends one batch, at most once: only a queued batch of a broadcast that is sending is sent, always with
 * the key stored when it was planned, and the one conditional UPDATE that closes the batch is the only
 * write. A crash before that UPDATE leaves it queued; the re-run sends with the same key and LINE
 * answers 409 instead of delivering twice.
 */
export async function sendBroadcastBatch(deps: Deps, job: BroadcastBatchJob): Promise<void> {
  const now = Math.max(job.at ?? 0, Date.now());
  const row = await findBroadcast(deps.db, job.broadcastId);
  if (!row) return;
  const batch = await findBatch(deps.db, job.broadcastId, job.seq);
  if (batch?.status !== "queued") return;
  if (row.status === "cancelled") {
    await finishBatch(deps.db, row.id, batch.seq, { status: "cancelled", sent: 0, failed: 0, lineRequestId: null, error: null, at: now });
    return;
  }
  // Paused: the resume re-enqueues this batch. Completed/failed cannot have a queued batch left.
  if (row.status !== "sending") return;
  const quiet = parseQuietHours(row.quiet_hours);
  if (isQuietAt(now, quiet)) {
    await pauseBroadcast(deps.db, row.id, { reason: "quiet_hours", resumeAt: nextSendableAt(now, quiet), at: now });
    return;
  }

  const recipients = JSON.parse(batch.recipients) as string[];
  let sent: Sent;
  try {
    sent = row.personalised === 1 ? await pushEach(deps, row, batch, recipients) : await multicast(deps, row, batch, recipients);
  } catch (error) {
    if (error instanceof LineApiError && error.rateLimited) return pauseFor(deps, row, error, now);
    if (!(error instanceof LineApiError) || !error.permanent) throw error;
    // LINE refused the request itself (4xx): the same request can never succeed.
    sent = { sent: 0, failed: recipients.length, requestId: error.requestId, error: `${error.status} ${error.body}`.slice(0, 300) };
  }
  const status = sent.sent === 0 && sent.failed > 0 ? "failed" : "sent";
  await finishBatch(deps.db, row.id, batch.seq, {
    status,
    sent: sent.sent,
    failed: sent.failed,
    lineRequestId: sent.requestId,
    error: sent.error,
    at: Date.now(),
  });
  await completeBroadcastIfDone(deps.db, row.id, Date.now());
}
