import {
  enrolFriend,
  exitFriendEnrolments,
  findActiveEnrolmentsOf,
  findActiveScenariosByTrigger,
  findFriend,
  findScenario,
} from "@enishi/db";
import { type ScenarioTriggerType, stepDueAt } from "@enishi/shared/scenarios/index";
import type { Deps } from "../../deps.ts";
import { type ParsedScenario, parseScenario } from "./scenario-rows.ts";

/** Something that happened to a friend that may enrol them (and, for some, end other enrolments). */
export interface TriggerEvent {
  type: ScenarioTriggerType;
  userId: string;
  /** When it happened: "day N" counts from this day (Japan time). */
  at: number;
  /** tagAdded: the tag's name. */
  tag?: string | undefined;
  /** surveyAnswered / couponRedeemed: which survey or coupon. */
  ref?: string | undefined;
  /** Kept with the enrolment (e.g. a cancellation reason). */
  context?: Record<string, string> | undefined;
}

function matches(scenario: ParsedScenario, event: TriggerEvent): boolean {
  const t = scenario.trigger;
  switch (t.type) {
    case "tagAdded":
      return t.tag === event.tag;
    case "surveyAnswered":
      return t.surveyId === undefined || t.surveyId === event.ref;
    case "couponRedeemed":
      return t.couponId === undefined || t.couponId === event.ref;
    default:
      return t.type === event.type;
  }
}

/**
 * Enrols the friend in every active scenario this event triggers; the first step is due per its delay
 * and found by cron. Friends who blocked the account are not enrolled (nothing could reach them).
 * Idempotent: a friend already in a scenario stays where they are. Returns the scenarios joined.
 */
export async function triggerScenarios(deps: Deps, event: TriggerEvent): Promise<string[]> {
  const friend = await findFriend(deps.db, event.userId);
  if (friend?.status !== "following") return [];
  const rows = await findActiveScenariosByTrigger(deps.db, event.type);
  const enrolled: string[] = [];
  for (const scenario of rows.map(parseScenario).filter((s) => matches(s, event))) {
    const first = scenario.steps[0];
    if (!first) continue;
    const ok = await enrolFriend(deps.db, {
      scenarioId: scenario.row.id,
      userId: event.userId,
      anchorAt: event.at,
      nextRunAt: stepDueAt(first.delay, { anchorAt: event.at, previousAt: event.at }, scenario.quietHours),
      context: JSON.stringify(event.context ?? {}),
      allowReentry: scenario.row.allow_reentry === 1,
      at: event.at,
    });
    if (ok) enrolled.push(scenario.row.id);
  }
  return enrolled;
}

type ExitCause = { kind: "unfollow" } | { kind: "purchase" } | { kind: "tag"; tag: string };

/** Ends the friend's active enrolments in scenarios that exit on this cause; returns how many ended. */
export async function exitScenarios(deps: Deps, userId: string, cause: ExitCause, at: number): Promise<number> {
  const active = await findActiveEnrolmentsOf(deps.db, userId);
  const exiting: string[] = [];
  for (const enrolment of active) {
    const row = await findScenario(deps.db, enrolment.scenario_id);
    if (!row) continue;
    const { exitOn } = parseScenario(row);
    const hit = cause.kind === "tag" ? exitOn.tags.includes(cause.tag) : exitOn[cause.kind];
    if (hit) exiting.push(row.id);
  }
  const reason = cause.kind === "tag" ? `tag:${cause.tag}` : cause.kind;
  return exitFriendEnrolments(deps.db, userId, exiting, reason, at);
}
