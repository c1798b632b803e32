import { ApiError } from "../../../lib/api.ts";

/** The server's per-field messages (already Japanese / English) of a `validation_failed` answer. */
export function FieldErrors({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return null;
  return (
    <ul className="field__error" role="alert">
      {error.fieldIssues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          {issue.path ? <code>{issue.path}</code> : null} {issue.message}
        </li>
      ))}
    </ul>
  );
}
