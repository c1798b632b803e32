import type { SurveyRewardRow } from "@enishi/db";
import {
  findCoupon,
  findResponse,
  findResponsesWithPendingEffects,
  findRewardsOfResponse,
  findSurvey,
  finishReward,
  markEffectsDone,
} from "@enishi/db";
import { surveyAnswerEffects } from "@enishi/shared";
import type { Deps } from "../../deps.ts";
import { grantCoupon } from "../coupons/grants.service.ts";
import { grantPointsToUser } from "../points/points.service.ts";
import { addTag } from "../tags/tags.service.ts";
import { answersOf, definitionOf } from "./survey-definition.ts";

/**
 * The one idempotency key of a reward: per friend, survey and reward (not per response), so answering
 * again — when the survey allows it — or a re-run of this step never grants twice.
 */
function rewardKey(reward: SurveyRewardRow): string {
  return `survey:${reward.survey_id}:${reward.line_user_id}:${reward.reward_key}`;
}

async function grantReward(deps: Deps, reward: SurveyRewardRow, surveyTitle: string): Promise<void> {
  const base = { surveyId: reward.survey_id, lineUserId: reward.line_user_id, key: reward.reward_key, now: Date.now() };
  if (reward.kind === "coupon" && reward.coupon_id) {
    const issued = await grantCoupon(deps, {
      userId: reward.line_user_id,
      couponId: reward.coupon_id,
      source: "survey",
      sourceRef: reward.survey_id,
      grantKey: rewardKey(reward),
    });
    // A coupon that ended or ran out meanwhile: recorded as unavailable, shown to the friend as such.
    await finishReward(deps.db, {
      ...base,
      status: issued ? "granted" : "unavailable",
      result: issued ? issued.grant.id : "coupon_unavailable",
    });
    return;
  }
  if (reward.kind === "points" && reward.points) {
    const outcome = await grantPointsToUser(deps, {
      userId: reward.line_user_id,
      points: reward.points,
      source: "survey",
      idempotencyKey: rewardKey(reward),
      sourceRef: reward.survey_id,
      reason: `アンケート回答: ${surveyTitle}`.slice(0, 200),
    });
    await finishReward(deps.db, { ...base, status: "granted", result: String(outcome.entry.id) });
  }
}

/**
 * Tags (through addTag, source "survey") and pending rewards of a submitted response. Safe to run any
 * number of times: tags are set-like, rewards are keyed, and finishing a reward is conditional.
 */
export async function applySurveyEffects(deps: Deps, responseId: string): Promise<void> {
  const response = await findResponse(deps.db, responseId);
  if (response?.status !== "submitted" || response.effects_done_at !== null) return;
  const survey = await findSurvey(deps.db, response.survey_id);
  if (!survey) return;
  const effects = surveyAnswerEffects(definitionOf(survey), answersOf(response.answers));
  for (const tag of effects.tags) {
    await addTag(deps, { userId: response.line_user_id, tag, source: "survey", sourceRef: survey.id });
  }
  const rewards = await findRewardsOfResponse(deps.db, responseId);
  for (const reward of rewards) if (reward.status === "pending") await grantReward(deps, reward, survey.title);
  await markEffectsDone(deps.db, responseId, Date.now());
}

/** Cron: finish what a failed submit left undone (older than a minute, so a submit in flight is not raced). */
export async function applyDueSurveyEffects(deps: Deps, now: number): Promise<void> {
  const due = await findResponsesWithPendingEffects(deps.db, now - 60_000, 20);
  for (const response of due) {
    try {
      await applySurveyEffects(deps, response.id);
    } catch (error) {
      console.error(JSON.stringify({ msg: "survey_effects_failed", responseId: response.id, error: String(error) }));
    }
  }
}

export interface RewardView {
  key: string;
  kind: "coupon" | "points";
  status: "pending" | "granted" | "unavailable";
  points: number | null;
  coupon: { id: string; title: string } | null;
  /** The coupon copy given, when granted. */
  grantId: string | null;
}

export async function toRewardViews(deps: Deps, rows: readonly SurveyRewardRow[]): Promise<RewardView[]> {
  return Promise.all(
    rows.map(async (r) => {
      const coupon = r.coupon_id ? await findCoupon(deps.db, r.coupon_id) : undefined;
      return {
        key: r.reward_key,
        kind: r.kind,
        status: r.status,
        points: r.points,
        coupon: coupon ? { id: coupon.id, title: coupon.title } : null,
        grantId: r.kind === "coupon" && r.status === "granted" ? r.result : null,
      };
    }),
  );
}

export async function rewardsOfResponse(deps: Deps, responseId: string): Promise<RewardView[]> {
  return toRewardViews(deps, await findRewardsOfResponse(deps.db, responseId));
}
