import type { CouponRow } from "@enishi/db";
import { ensureSendBatch, findCoupon, findCouponSend, finishCouponSend, finishSendBatch, insertCouponSend } from "@enishi/db";
import type { CouponSendInput } from "@enishi/shared";
import { isCouponOpen } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { AppError, notFound } from "../../errors.ts";
import { callLine } from "../../line/call.ts";
import { LineApiError } from "../../line/errors.ts";
import { sendToUser } from "../../line/send.ts";
import { liffUrl } from "../conversations/bot-copy.ts";
import { audiencePage } from "./audience.ts";
import { couponFlexMessage } from "./coupon-flex.ts";
import type { CouponSendJob } from "./coupon-send.job.ts";
import { toCouponView } from "./views.ts";

/** LINE's multicast takes at most 500 recipients per request. */
export const MULTICAST_MAX = 500;

function flexFor(deps: Deps, coupon: CouponRow) {
  return couponFlexMessage(toCouponView(coupon), liffUrl(deps.config, `/coupons/${coupon.id}`));
}

async function sendableCoupon(deps: Deps, couponId: string): Promise<CouponRow> {
  const coupon = await findCoupon(deps.db, couponId);
  if (!coupon) throw notFound("クーポンが見つかりません / Coupon not found");
  if (!isCouponOpen({ status: coupon.status, startsAt: coupon.starts_at, endsAt: coupon.ends_at }, Date.now())) {
    throw new AppError(409, "conflict", "公開中で有効期間内のクーポンだけ送れます / Only an active coupon within its dates can be sent", {
      reason: "not_available",
    });
  }
  return coupon;
}

export type SendStarted = { to: "user"; delivered: boolean } | { to: "audience"; sendId: string; created: boolean };

/**
 * Sends the coupon as a Flex card. To one friend: a push through sendToUser (it lands in their timeline).
 * To the audience: a send row and the first batch job; batches of ≤ 500 follow one another through the
 * queue. The admin's clientKey makes a double click one send either way.
 */
export async function startCouponSend(deps: Deps, couponId: string, input: CouponSendInput, adminUserId: string): Promise<SendStarted> {
  const coupon = await sendableCoupon(deps, couponId);
  if (input.to === "user") {
    const outcome = await sendToUser(deps.db, deps.line, {
      to: input.userId,
      messages: [flexFor(deps, coupon)],
      sender: "staff",
      key: `coupon-send:${input.clientKey}`,
      staffUserId: adminUserId,
    });
    return { to: "user", delivered: outcome.delivered };
  }
  const created = await insertCouponSend(deps.db, { id: input.clientKey, couponId, createdBy: adminUserId, now: Date.now() });
  if (created) {
    const job: CouponSendJob = { type: "coupon-send-batch", sendId: input.clientKey, batchNo: 0, afterUserId: "" };
    await deps.env.JOBS.send(job);
  }
  return { to: "audience", sendId: input.clientKey, created };
}

/**
 * One batch: take the next page of the audience, multicast the card with the batch's retry key, record the
 * batch, then queue the next page. Every step is safe to repeat: the batch row (and its retry key) is made
 * once, LINE answers a repeated retry key with 409 (treated as delivered), and finishing is conditional.
 */
export async function runCouponSendBatch(deps: Deps, job: CouponSendJob): Promise<void> {
  const send = await findCouponSend(deps.db, job.sendId);
  const coupon = send ? await findCoupon(deps.db, send.coupon_id) : undefined;
  if (!send || !coupon || send.status === "done") return;
  const recipients = await audiencePage(deps, coupon, job.afterUserId, MULTICAST_MAX);
  if (recipients.length === 0) {
    await finishCouponSend(deps.db, send.id, Date.now());
    return;
  }
  const batch = await ensureSendBatch(deps.db, {
    sendId: send.id,
    batchNo: job.batchNo,
    afterUserId: job.afterUserId,
    retryKey: crypto.randomUUID(),
    now: Date.now(),
  });
  if (batch.status === "pending") await multicastBatch(deps, coupon, job, recipients, batch.retry_key);
  const last = recipients.at(-1) as string;
  if (recipients.length < MULTICAST_MAX) {
    await finishCouponSend(deps.db, send.id, Date.now());
    return;
  }
  const next: CouponSendJob = { type: "coupon-send-batch", sendId: send.id, batchNo: job.batchNo + 1, afterUserId: last };
  await deps.env.JOBS.send(next);
}

async function multicastBatch(deps: Deps, coupon: CouponRow, job: CouponSendJob, to: string[], retryKey: string): Promise<void> {
  const base = { sendId: job.sendId, batchNo: job.batchNo, recipients: to.length };
  try {
    const result = await callLine(
      "multicast",
      () => deps.line.api.multicastWithHttpInfo({ to, messages: [flexFor(deps, coupon)] }, retryKey),
      {
        retry: true,
        timeoutMs: deps.line.timeoutMs,
        backoffMs: deps.line.backoffMs,
      },
    );
    await finishSendBatch(deps.db, { ...base, ok: true, requestId: result.requestId, error: null, now: Date.now() });
  } catch (error) {
    // A refusal (4xx) or an exhausted monthly quota will not get better: record it. A burst 429 or
    // exhausted retries throw, and the queue retries the job with the same retry key.
    if (error instanceof LineApiError && (error.permanent || error.quotaExhausted)) {
      const message = `${error.status ?? "-"} ${error.message}: ${error.body}`.slice(0, 500);
      await finishSendBatch(deps.db, { ...base, ok: false, requestId: error.requestId, error: message, now: Date.now() });
      return;
    }
    throw error;
  }
}
