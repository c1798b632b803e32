import type { Role } from "@enishi/shared";
import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useGrantRole } from "../api/grant-role.ts";
import { ROLE_NAMES } from "./role-label.tsx";

/** Same rule as LineUserIdSchema in shared/src/line-ids.ts; the server checks again and has the last word. */
const LINE_USER_ID = /^U[0-9a-f]{32}$/;

export function GrantRoleForm() {
  const id = useId();
  const grant = useGrantRole();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<Role>("staff");
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<{ userId: string; role: Role; created: boolean } | null>(null);

  const trimmed = userId.trim();
  const formatError =
    checked && !LINE_USER_ID.test(trimmed)
      ? "LINE ユーザー ID は U と16進数32桁（計33文字）です。 / A LINE user ID is U followed by 32 hex digits."
      : undefined;
  const issues = grant.error instanceof ApiError ? grant.error.fieldIssues : [];
  const userIdError = formatError ?? issues.find((issue) => issue.path === "userId")?.message;
  const roleError = issues.find((issue) => issue.path === "role")?.message;
  const otherError = grant.isError && !userIdError && !roleError ? grant.error : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setDone(null);
    if (!LINE_USER_ID.test(trimmed)) return;
    grant.mutate(
      { userId: trimmed, role },
      {
        onSuccess: (result) => {
          setDone({ userId: result.userId, role: result.role, created: result.created });
          setUserId("");
          setChecked(false);
        },
      },
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="grant-role-form">
      <h3 id={`${id}-title`} className="card__title">
        <Bi ja="権限を付与" en="Grant a role" />
      </h3>
      <div className="field">
        <label htmlFor={`${id}-user`}>
          <Bi ja="LINE ユーザー ID" en="LINE user ID" inline />
        </label>
        <input
          id={`${id}-user`}
          name="userId"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          onBlur={() => setChecked(trimmed.length > 0)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="U0123456789abcdef0123456789abcdef"
          aria-invalid={userIdError ? true : undefined}
          aria-describedby={`${id}-user-hint${userIdError ? ` ${id}-user-error` : ""}`}
          className="mono"
        />
        <p id={`${id}-user-hint`} className="field__hint">
          <Bi
            ja="相手の方がこのアプリを開くと「権限がありません」画面に表示される ID です。"
            en="The ID shown to them on the “You don't have access” screen of this app."
          />
        </p>
        {userIdError ? (
          <p id={`${id}-user-error`} className="field__error" role="alert">
            {userIdError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>
          <Bi ja="権限" en="Role" inline />
        </label>
        <select
          id={`${id}-role`}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value === "admin" ? "admin" : "staff")}
          aria-invalid={roleError ? true : undefined}
        >
          {(Object.keys(ROLE_NAMES) as Role[]).map((value) => (
            <option key={value} value={value}>
              {ROLE_NAMES[value].join(" / ")}
            </option>
          ))}
        </select>
        {roleError ? (
          <p className="field__error" role="alert">
            {roleError}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className="btn btn--primary" disabled={grant.isPending}>
          {grant.isPending ? <Bi ja="付与中…" en="Granting…" inline /> : <Bi ja="付与する" en="Grant" inline />}
        </button>
      </div>
      {otherError ? <ErrorState error={otherError} /> : null}
      {done ? (
        <p className="notice" role="status" data-testid="grant-result">
          {done.created ? (
            <Bi
              ja={`${done.userId} に${ROLE_NAMES[done.role][0]}権限を付与しました。`}
              en={`Granted the ${ROLE_NAMES[done.role][1].toLowerCase()} role to ${done.userId}.`}
            />
          ) : (
            <Bi ja="この権限はすでに付与されています。" en="They already have this role." />
          )}
        </p>
      ) : null}
    </form>
  );
}
