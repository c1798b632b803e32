import { type FormEvent, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { uuid as newUuid } from "../../../lib/uuid.ts";
import { useAdjustPoints, useMemberPoints } from "../api/admin-points.ts";
import { NumberField, parseWhole } from "./number-field.tsx";

function AdjustForm({ memberNumber }: { memberNumber: string }) {
  const adjust = useAdjustPoints(memberNumber);
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState(false);
  // One key per intended adjustment: a double submit or a retry writes one entry.
  const [requestKey, setRequestKey] = useState(newUuid);
  const n = parseWhole(points);
  const pointsError =
    checked && !(Number.isSafeInteger(n) && n !== 0)
      ? "0以外の整数（マイナスで減算） / A non-zero whole number (negative to deduct)"
      : undefined;
  const reasonError = checked && reason.trim().length < 2 ? "理由を入力してください / Give a reason" : undefined;
  const reasonCode =
    adjust.error instanceof ApiError &&
    typeof adjust.error.details === "object" &&
    adjust.error.details !== null &&
    "reason" in adjust.error.details
      ? String(adjust.error.details.reason)
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (pointsError || reasonError || !Number.isSafeInteger(n) || n === 0 || reason.trim().length < 2) return;
    adjust.mutate(
      { points: n, reason: reason.trim(), requestKey },
      {
        onSuccess: () => {
          setPoints("");
          setReason("");
          setChecked(false);
          setRequestKey(newUuid());
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="store-form" data-testid="adjust-form">
      <h4>
        <Bi ja="ポイントを調整" en="Adjust points" inline />
      </h4>
      <NumberField label="ポイント（例 100、-50） / Points (e.g. 100, -50)" value={points} onChange={setPoints} error={pointsError} />
      <div className="field">
        <label htmlFor="adjust-reason">理由 / Reason</label>
        <input
          id="adjust-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          maxLength={200}
        />
        {reasonError ? <p className="field__error">{reasonError}</p> : null}
      </div>
      <div>
        <button type="submit" className="btn btn--primary" disabled={adjust.isPending}>
          <Bi ja="調整する" en="Adjust" inline />
        </button>
      </div>
      {reasonCode === "insufficient_points" ? (
        <p className="field__error" role="alert">
          <Bi ja="残高を超えて減らすことはできません。" en="You cannot deduct more than the balance." />
        </p>
      ) : adjust.isError ? (
        <ErrorState error={adjust.error} />
      ) : null}
      {adjust.isSuccess ? (
        <p className="notice" role="status">
          <Bi ja="調整しました（監査ログに記録）。" en="Adjusted (recorded in the audit log)." />
        </p>
      ) : null}
    </form>
  );
}

/** Look a member up by number: balance, expiring points, history, and a manual adjustment. */
export function MemberAdjust() {
  const [typed, setTyped] = useState("");
  const [memberNumber, setMemberNumber] = useState<string | null>(null);
  const member = useMemberPoints(memberNumber);
  return (
    <div className="card" data-testid="member-adjust">
      <h3 className="card__title">
        <Bi ja="会員のポイント" en="A member's points" />
      </h3>
      <form
        className="rank-actions"
        onSubmit={(event) => {
          event.preventDefault();
          setMemberNumber(typed.trim() || null);
        }}
      >
        <label htmlFor="member-lookup" className="visually-hidden">
          会員番号 / Member number
        </label>
        <input
          id="member-lookup"
          className="mono"
          placeholder="100001"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          inputMode="numeric"
        />
        <button type="submit" className="btn btn--small">
          <Bi ja="表示" en="Show" inline />
        </button>
      </form>
      {memberNumber ? (
        <QueryStates query={member}>
          {(data) => (
            <>
              <p>
                {data.member.name}（No. {data.member.memberNumber}）: <strong>{data.points.balance.toLocaleString("ja-JP")} pt</strong>
              </p>
              <ul className="store-list">
                {data.history.slice(0, 10).map((h) => (
                  <li key={h.id} className="field__hint">
                    {formatDateTime(h.at)} {h.points > 0 ? "+" : ""}
                    {h.points} pt {h.reason ?? h.source}
                  </li>
                ))}
              </ul>
              <AdjustForm key={data.member.memberNumber} memberNumber={data.member.memberNumber} />
            </>
          )}
        </QueryStates>
      ) : null}
    </div>
  );
}
