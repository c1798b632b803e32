import type { EnrolmentRow } from "@enishi/db";
import { findPersonalValues } from "@enishi/db";
import type { StepAction } from "@enishi/shared/scenarios/index";
import type { Deps } from "../../deps.ts";
import { sendToUser } from "../../line/send.ts";
import { toLineMessages } from "../broadcasts/broadcast-messages.ts";
import { grantCoupon } from "../coupons/grants.service.ts";
import { applyRichMenuPolicy } from "../rich-menus/rich-menus.service.ts";
import { addTag, removeTag } from "../tags/tags.service.ts";

/**
 * Runs a step's actions for one friend. Each is idempotent on its own, so a step job that crashed halfway
 * and runs again finishes without doubling anything: messages are keyed per (enrolment, round, step,
 * action) in the timeline, coupon grants by the same key, tags by their state. Returns a short summary.
 */
export async function runStepActions(
  deps: Deps,
  scenarioId: string,
  enrolment: EnrolmentRow,
  stepIndex: number,
  actions: readonly StepAction[],
): Promise<string> {
  const userId = enrolment.line_user_id;
  const key = `scn:${enrolment.id}:${enrolment.round}:${stepIndex}`;
  const done: string[] = [];
  for (const [i, action] of actions.entries()) {
    switch (action.type) {
      case "message": {
        const [v] = await findPersonalValues(deps.db, [userId]);
        const messages = await toLineMessages(deps, action.messages, {
          userId,
          values: {
            name: v?.display_name ?? "",
            rank: v?.rank_name ?? "",
            points: v?.points === null || v?.points === undefined ? "" : String(v.points),
          },
        });
        const outcome = await sendToUser(deps.db, deps.line, { to: userId, messages, sender: "bot", key: `${key}:${i}` });
        done.push(outcome.delivered ? "message sent" : "message failed");
        break;
      }
      case "addTag":
        await addTag(deps, { userId, tag: action.tag, source: "scenario", sourceRef: scenarioId });
        done.push(`+${action.tag}`);
        break;
      case "removeTag":
        await removeTag(deps, { userId, tag: action.tag, source: "scenario", sourceRef: scenarioId });
        done.push(`-${action.tag}`);
        break;
      case "grantCoupon": {
        const issued = await grantCoupon(deps, {
          userId,
          couponId: action.couponId,
          source: "scenario",
          sourceRef: scenarioId,
          grantKey: `${key}:${i}:${action.couponId}`,
        });
        done.push(issued ? "coupon granted" : "coupon unavailable");
        break;
      }
      case "applyRichMenu":
        await applyRichMenuPolicy(deps, userId);
        done.push("menu applied");
        break;
    }
  }
  return done.join(", ");
}
