import type { ScenarioTriggerType, StepDelay } from "@enishi/shared/scenarios/index";
import { describeDelay } from "@enishi/shared/scenarios/index";

export const TRIGGERS: Record<ScenarioTriggerType, [string, string]> = {
  follow: ["友だち追加", "Follow"],
  tagAdded: ["タグが付いたとき", "Tag added"],
  surveyAnswered: ["アンケート回答", "Survey answered"],
  couponRedeemed: ["クーポン利用", "Coupon redeemed"],
  purchase: ["購入（API）", "Purchase (API)"],
  cancellation: ["解約（API）", "Cancellation (API)"],
};

export const ENROLMENT_STATES: Record<string, [string, string]> = {
  active: ["進行中", "In progress"],
  completed: ["完了", "Completed"],
  exited: ["離脱", "Exited"],
  stopped: ["停止", "Stopped"],
};

export const OUTCOMES: Record<string, [string, string]> = {
  done: ["実行", "Done"],
  skipped: ["スキップ", "Skipped"],
  stopped: ["停止", "Stopped"],
  branched: ["分岐", "Branched"],
  exited: ["離脱", "Exited"],
};

export function delayLabel(delay: StepDelay): string {
  const d = describeDelay(delay);
  return `${d.ja} / ${d.en}`;
}
