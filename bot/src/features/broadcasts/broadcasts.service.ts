import type { BroadcastRow } from "@enishi/db";
import {
  type BatchTotals,
  cancelBroadcast,
  cancelQueuedBatches,
  findBatchTotals,
  findBatchTotalsOf,
  findBroadcast,
  findRecentBroadcasts,
  insertBroadcast,
  resumeBroadcast,
} from "@enishi/db";
import {
  type Audience,
  type BroadcastDto,
  type BroadcastEstimate,
  BroadcastMessagesSchema,
  type BroadcastProgress,
  type CreateBroadcastInput,
  type EstimateBroadcastInput,
  estimateBroadcast,
  isPersonalised,
  nextSendableAt,
  type QuietHours,
  QuietHoursSchema,
  type QuotaFigures,
} from "@enishi/shared/broadcasts/index";
import type { Deps } from "../../deps.ts";
import { AppError, conflict, notFound } from "../../errors.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import { audienceFilter, compileOrRefuse, countSegment } from "../segments/segments.service.ts";
import { resumeSending } from "./broadcast-cron.ts";
import { assertCouponsSendable, assertLinksSendable } from "./broadcast-messages.ts";
import { enqueueBroadcastPlan } from "./broadcast-queue.ts";

/** A schedule slightly in the past is "now" (clock skew, a slow form); further back is a mistake. */
const PAST_TOLERANCE_MS = 60_000;

/** Quota and consumption from LINE; null when LINE cannot be asked (the estimate still shows the rest). */
export async function fetchQuota(deps: Deps): Promise<QuotaFigures | null> {
  const options = { retry: true, timeoutMs: deps.line.timeoutMs, backoffMs: deps.line.backoffMs, maxAttempts: 2 };
  try {
    const [quota, usage] = await Promise.all([
      callLine("quota", () => deps.line.api.getMessageQuotaWithHttpInfo(), options),
      callLine("quotaConsumption", () => deps.line.api.getMessageQuotaConsumptionWithHttpInfo(), options),
    ]);
    const limited = quota.body?.type === "limited";
    return {
      type: limited ? "limited" : "none",
      limit: limited ? (quota.body?.value ?? null) : null,
      used: usage.body?.totalUsage ?? null,
    };
  } catch (error) {
    if (error instanceof LineApiError) return null;
    throw error;
  }
}

export async function estimate(deps: Deps, input: EstimateBroadcastInput): Promise<BroadcastEstimate> {
  const { filter } = await audienceFilter(deps, input.audience);
  const [recipients, quota] = await Promise.all([countSegment(deps, filter, Date.now()), fetchQuota(deps)]);
  return estimateBroadcast(recipients, isPersonalised(input.messages), quota);
}

function newBroadcastId(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 20);
}

/**
 * Stores the broadcast as scheduled — for now, or later — moved out of quiet hours. A broadcast due now
 * is planned at once through the queue; later ones are started by cron. Nothing is sent from the request.
 */
export async function createBroadcast(deps: Deps, input: CreateBroadcastInput, createdBy: string | null): Promise<BroadcastDto> {
  const now = Date.now();
  const { filter, segmentId } = await audienceFilter(deps, input.audience);
  compileOrRefuse(filter, now);
  await assertCouponsSendable(deps, input.messages, now);
  await assertLinksSendable(deps, input.messages);
  const requested = input.schedule.type === "now" ? now : input.schedule.at;
  if (requested < now - PAST_TOLERANCE_MS) {
    throw new AppError(400, "validation_failed", "The time is in the past / 過去の日時は指定できません", [
      { path: "schedule.at", message: "in the past" },
    ]);
  }
  const scheduledAt = nextSendableAt(Math.max(requested, now), input.quietHours);
  const id = newBroadcastId();
  await insertBroadcast(deps.db, {
    id,
    name: input.name,
    segment_id: segmentId,
    filter: null,
    audience_at: null,
    messages: JSON.stringify(input.messages),
    personalised: isPersonalised(input.messages) ? 1 : 0,
    status: "scheduled",
    scheduled_at: scheduledAt,
    quiet_hours: input.quietHours ? JSON.stringify(input.quietHours) : null,
    aggregation_unit: `bc_${id}`,
    recipients_total: null,
    planned_at: null,
    paused_reason: null,
    resume_at: null,
    error: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    started_at: null,
    completed_at: null,
  });
  if (scheduledAt <= now) await enqueueBroadcastPlan(deps, id);
  return getBroadcast(deps, id);
}

export async function cancel(deps: Deps, id: string): Promise<BroadcastDto> {
  const now = Date.now();
  if (!(await cancelBroadcast(deps.db, id, now))) {
    if (!(await findBroadcast(deps.db, id))) throw notFound("No such broadcast / 配信が見つかりません");
    throw conflict("This broadcast has already finished / この配信はすでに終了しています");
  }
  // Batch jobs already on the queue see the broadcast cancelled and send nothing.
  await cancelQueuedBatches(deps.db, id, now);
  return getBroadcast(deps, id);
}

/** An operator resumes a paused broadcast now (e.g. after raising the plan's quota). */
export async function resume(deps: Deps, id: string): Promise<BroadcastDto> {
  const row = await resumeBroadcast(deps.db, id, Date.now(), true);
  if (!row) {
    if (!(await findBroadcast(deps.db, id))) throw notFound("No such broadcast / 配信が見つかりません");
    throw conflict("Only a paused broadcast can be resumed / 一時停止中の配信のみ再開できます");
  }
  await resumeSending(deps, id, row.planned_at === null);
  return getBroadcast(deps, id);
}

export async function getBroadcast(deps: Deps, id: string): Promise<BroadcastDto> {
  const row = await findBroadcast(deps.db, id);
  if (!row) throw notFound("No such broadcast / 配信が見つかりません");
  return toBroadcastDto(row, progressOf(row, await findBatchTotals(deps.db, row.id)));
}

/** The newest broadcasts with their progress: the batch totals of all of them in one query. */
export async function recentBroadcasts(deps: Deps, limit: number): Promise<BroadcastDto[]> {
  const rows = await findRecentBroadcasts(deps.db, limit);
  const totals = await findBatchTotalsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toBroadcastDto(row, progressOf(row, totals.get(row.id) ?? [])));
}

function progressOf(row: BroadcastRow, totals: readonly BatchTotals[]): BroadcastProgress {
  const by = (status: string) => totals.find((t) => t.status === status);
  const sum = (pick: (t: (typeof totals)[number]) => number) => totals.reduce((n, t) => n + pick(t), 0);
  return {
    recipientsTotal: row.recipients_total,
    planned: sum((t) => t.recipients),
    sent: sum((t) => t.sent),
    failed: sum((t) => t.failed),
    cancelled: by("cancelled")?.recipients ?? 0,
    batches: {
      total: sum((t) => t.batches),
      queued: by("queued")?.batches ?? 0,
      sent: by("sent")?.batches ?? 0,
      failed: by("failed")?.batches ?? 0,
      cancelled: by("cancelled")?.batches ?? 0,
    },
  };
}

export function parseQuietHours(json: string | null): QuietHours | null {
  return json === null ? null : QuietHoursSchema.parse(JSON.parse(json));
}

export function toBroadcastDto(row: BroadcastRow, progress: BroadcastProgress): BroadcastDto {
  const audience: Audience = row.segment_id ? { type: "segment", segmentId: row.segment_id } : { type: "everyone" };
  return {
    id: row.id,
    name: row.name,
    audience,
    messages: BroadcastMessagesSchema.parse(JSON.parse(row.messages)),
    personalised: row.personalised === 1,
    status: row.status,
    scheduledAt: row.scheduled_at,
    quietHours: parseQuietHours(row.quiet_hours),
    aggregationUnit: row.aggregation_unit,
    pausedReason: row.paused_reason,
    resumeAt: row.resume_at,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    progress,
  };
}
