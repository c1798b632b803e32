import { useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import type { TimelinePage } from "../api/get-timeline.ts";
import { useTeam } from "../api/staff-resources.ts";
import { holderOf, useAssignChat, useResolveChat, useTakeChat } from "../api/takeover.ts";
import { REASON_LABELS, STATE_LABELS } from "../utils/takeover-labels.ts";

type Takeover = TimelinePage["takeover"];

/**
 * Who has this chat, and take / assign / resolve. Taking a chat another member of staff holds needs a
 * second, explicit click ("引き継ぐ"), so nobody answers a held chat unknowingly.
 */
export function TakeoverBar({ userId, takeover, meId }: { userId: string; takeover: Takeover; meId: string | undefined }) {
  const id = useId();
  const take = useTakeChat(userId);
  const resolve = useResolveChat(userId);
  const assign = useAssignChat(userId);
  const team = useTeam();
  const [assignee, setAssignee] = useState("");
  const heldByOther = takeover.state === "staff" && takeover.assignee && takeover.assignee.userId !== meId ? takeover.assignee : null;
  const conflict = holderOf(take.error) ?? holderOf(resolve.error);
  const [ja, en] = STATE_LABELS[takeover.state] ?? [takeover.state, takeover.state];
  const reason = takeover.reason ? REASON_LABELS[takeover.reason] : undefined;
  const busy = take.isPending || resolve.isPending || assign.isPending;

  return (
    <section className="takeover-bar" aria-label="対応状況 / Who has this chat" data-testid="takeover-bar" data-state={takeover.state}>
      <p className="takeover-bar__status" data-testid="takeover-status">
        <strong>
          <Bi ja={ja} en={en} inline />
        </strong>
        {takeover.assignee ? (
          <span data-testid="takeover-holder">
            {" · "}
            <Bi ja={`担当: ${takeover.assignee.name ?? "スタッフ"}`} en={`with ${takeover.assignee.name ?? "staff"}`} inline />
          </span>
        ) : null}
        {reason && takeover.state !== "bot" ? (
          <span className="field__hint">
            {" · "}
            <Bi ja={reason[0]} en={reason[1]} inline />
          </span>
        ) : null}
      </p>
      <div className="takeover-bar__actions">
        {takeover.state !== "staff" || heldByOther ? (
          <button
            type="button"
            className="btn btn--small btn--primary"
            disabled={busy}
            data-testid="take-chat"
            onClick={() => take.mutate({ force: heldByOther !== null })}
          >
            {heldByOther ? <Bi ja="引き継ぐ" en="Take over" inline /> : <Bi ja="対応する" en="Take" inline />}
          </button>
        ) : null}
        {takeover.state !== "bot" ? (
          <button
            type="button"
            className="btn btn--small"
            disabled={busy}
            data-testid="resolve-chat"
            onClick={() => resolve.mutate({ force: heldByOther !== null })}
          >
            <Bi ja="対応完了（ボットに戻す）" en="Resolve (back to bot)" inline />
          </button>
        ) : null}
        <form
          className="takeover-bar__assign"
          onSubmit={(event) => {
            event.preventDefault();
            if (assignee) assign.mutate({ staffUserId: assignee }, { onSuccess: () => setAssignee("") });
          }}
        >
          <label htmlFor={`${id}-assign`} className="visually-hidden">
            担当者 / Assign to
          </label>
          <select id={`${id}-assign`} value={assignee} onChange={(event) => setAssignee(event.target.value)} data-testid="assign-select">
            <option value="">担当を割り当て / Assign…</option>
            {team.data?.staff.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.name ?? s.userId}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn--small" disabled={!assignee || busy}>
            <Bi ja="割り当て" en="Assign" inline />
          </button>
        </form>
      </div>
      {conflict ? (
        <p className="field__error" role="alert" data-testid="takeover-conflict">
          <Bi
            ja={`${conflict.name ?? "ほかのスタッフ"}さんが対応中です。引き継ぐ場合は「引き継ぐ」を押してください。`}
            en={`${conflict.name ?? "Someone else"} is handling this chat. Press "Take over" to take it.`}
          />
        </p>
      ) : take.isError || resolve.isError || assign.isError ? (
        <ErrorState error={take.error ?? resolve.error ?? assign.error} />
      ) : null}
    </section>
  );
}
