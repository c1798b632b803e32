import "../scenarios.css";
import { Bi } from "../../../components/bilingual.tsx";
import { QueryStates } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type FriendScenario, useFriendScenarios } from "../api/scenarios.ts";
import { ENROLMENT_STATES, OUTCOMES } from "./labels.ts";

/**
 * A friend's step scenarios: where they are in each (step n of m, next step and when) and what each step
 * did. Made for the friend's profile beside the chat (GET /api/staff/friends/:userId/scenarios).
 */
export function FriendScenarios({ userId }: { userId: string }) {
  const scenarios = useFriendScenarios(userId);
  return <QueryStates query={scenarios}>{(data) => <ScenarioList scenarios={data.scenarios} />}</QueryStates>;
}

function ScenarioList({ scenarios }: { scenarios: FriendScenario[] }) {
  if (scenarios.length === 0) {
    return (
      <p className="field__hint">
        <Bi ja="ステップ配信はありません" en="No step scenarios" inline />
      </p>
    );
  }
  return (
    <ul className="scn-friend" data-testid="friend-scenarios">
      {scenarios.map((s) => {
        const [ja, en] = ENROLMENT_STATES[s.status] ?? [s.status, s.status];
        return (
          <li key={s.enrolmentId}>
            <strong>{s.scenarioName}</strong>{" "}
            <span className="badge">
              {ja} / {en}
            </span>
            <p className="field__hint">
              {s.status === "active"
                ? `ステップ ${s.stepIndex + 1}/${s.stepCount}${s.nextStepName ? `「${s.nextStepName}」` : ""} ${s.nextRunAt ? `${formatDateTime(s.nextRunAt)} 予定` : ""} / step ${s.stepIndex + 1} of ${s.stepCount}`
                : `${s.exitReason ? `理由 / reason: ${s.exitReason} ・ ` : ""}${s.endedAt ? formatDateTime(s.endedAt) : ""}`}
            </p>
            {s.runs.length > 0 ? (
              <ol className="scn-runs">
                {s.runs.map((r) => (
                  <li key={`${r.stepIndex}`}>
                    {formatDateTime(r.ranAt)} {r.stepName}: {(OUTCOMES[r.outcome] ?? [r.outcome])[0]}
                    {r.detail ? <span className="field__hint"> ({r.detail})</span> : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
