import type { Role } from "@enishi/shared";
import { useEffect, useRef, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { useRevokeRole } from "../api/revoke-role.ts";
import { ROLE_NAMES } from "./role-label.tsx";

/** Revoking asks once more inline; focus moves to the safe choice. */
export function RevokeButton({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const revoke = useRevokeRole();
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const [roleJa, roleEn] = ROLE_NAMES[role];

  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="revoke">
        <button
          type="button"
          className="btn btn--danger btn--small"
          onClick={() => setConfirming(true)}
          aria-label={`${name} の${roleJa}権限を削除 / Revoke ${roleEn.toLowerCase()} role of ${name}`}
        >
          <Bi ja="削除" en="Revoke" inline />
        </button>
        {revoke.isError ? <ErrorState error={revoke.error} /> : null}
      </div>
    );
  }
  return (
    <fieldset className="revoke">
      <legend>
        <Bi ja={`${roleJa}権限を削除しますか？`} en={`Revoke the ${roleEn.toLowerCase()} role?`} />
      </legend>
      <div className="revoke__buttons">
        <button
          type="button"
          className="btn btn--danger btn--small"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate({ userId, role }, { onSettled: () => setConfirming(false) })}
        >
          {revoke.isPending ? <Bi ja="削除中…" en="Revoking…" inline /> : <Bi ja="削除する" en="Revoke" inline />}
        </button>
        <button ref={cancel} type="button" className="btn btn--small" onClick={() => setConfirming(false)} disabled={revoke.isPending}>
          <Bi ja="やめる" en="Cancel" inline />
        </button>
      </div>
    </fieldset>
  );
}
