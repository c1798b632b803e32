import type { Deps } from "../../deps.ts";
import type { TagChanged } from "../tags/tag-listeners.ts";
import { exitScenarios, triggerScenarios } from "./enrolment.service.ts";

/**
 * A tag added to a friend (by anyone: staff, survey, coupon, scenario, API) first ends enrolments that
 * exit on that tag, then enrols the friend in scenarios it triggers. D1 only, so quick, as listeners must be.
 */
export async function scenarioOnTagChanged(deps: Deps, change: TagChanged): Promise<void> {
  if (change.action !== "add") return;
  await exitScenarios(deps, change.userId, { kind: "tag", tag: change.tag }, change.at);
  await triggerScenarios(deps, { type: "tagAdded", userId: change.userId, at: change.at, tag: change.tag });
}
