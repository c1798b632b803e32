import { makeDeps } from "../deps.ts";
import { planBroadcast } from "../features/broadcasts/broadcast-planner.ts";
import { sendBroadcastBatch } from "../features/broadcasts/broadcast-sender.ts";
import { runCouponSendBatch } from "../features/coupons/coupon-send.service.ts";
import { runMemberJob } from "../features/points/member-jobs.service.ts";
import { runReconcileJob } from "../features/rich-menus/reconcile.service.ts";
import { applyRichMenuPolicy } from "../features/rich-menus/rich-menus.service.ts";
import { runScenarioStep } from "../features/scenarios/step-runner.ts";
import { LineApiError } from "../line/errors.ts";
import { dispatchWebhookEvent } from "../webhook/dispatch.ts";
import { JobSchema } from "./job.ts";

/**
 * The JOBS queue consumer. Each message is acked or retried on its own, so one bad job never holds back
 * the others. LINE rate limits get a longer delay than other transient failures. Work a job leaves for
 * later (`deps.afterwards`) runs after it, inside `waitUntil`, without holding up the next message.
 */
export async function consumeJobs(batch: MessageBatch<unknown>, env: Env, ctx?: ExecutionContext): Promise<void> {
  const deps = makeDeps(env);
  for (const message of batch.messages) {
    const job = JobSchema.safeParse(message.body);
    if (!job.success) {
      console.error(JSON.stringify({ msg: "job_invalid", id: message.id, issues: job.error.issues.slice(0, 3) }));
      message.ack();
      continue;
    }
    try {
      switch (job.data.type) {
        case "webhook-event":
          await dispatchWebhookEvent(deps, job.data.event);
          break;
        case "coupon-send-batch":
          await runCouponSendBatch(deps, job.data);
          break;
        case "rich-menu-apply":
          await applyRichMenuPolicy(deps, job.data.userId);
          break;
        case "rich-menu-reconcile":
          await runReconcileJob(deps, job.data.runId);
          break;
        case "broadcast-plan":
          await planBroadcast(deps, job.data.broadcastId, job.data.at);
          break;
        case "broadcast-batch":
          await sendBroadcastBatch(deps, job.data);
          break;
        case "scenario-step":
          await runScenarioStep(deps, job.data);
          break;
        case "rank-up":
        case "points-expiry-notice":
        case "ranks-recompute":
          await runMemberJob(deps, job.data);
          break;
      }
      message.ack();
      // What the job left for later (a cache write after a reply) runs now that its work is done.
      await deps.afterwards.settle(ctx);
    } catch (error) {
      const rateLimited = error instanceof LineApiError && error.rateLimited;
      console.error(JSON.stringify({ msg: "job_failed", type: job.data.type, attempt: message.attempts, error: String(error) }));
      message.retry({ delaySeconds: rateLimited ? 60 : Math.min(2 ** message.attempts, 30) });
    }
  }
}
