import { ApiError } from "../lib/api.ts";
import { describeProblem } from "../lib/problem.ts";
import { Bi } from "./bilingual.tsx";
import { ErrorState, ProblemSummary } from "./states.tsx";

/** Why a form was refused, with the server's per-field messages ("path: message") beneath. Nothing when there is no error. */
export function FormProblem({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = describeProblem(error);
  const issues = error instanceof ApiError ? error.fieldIssues : [];
  return (
    <div className="state state--error" role="alert">
      <ProblemSummary problem={problem} />
      {issues.map((issue) => (
        <p key={issue.path} className="field__error">
          {issue.path}: {issue.message}
        </p>
      ))}
    </div>
  );
}

/**
 * The foot of an admin editor whose fields show the server's messages: "check the fields" when it named some,
 * any other failure, "saved", and the save button.
 */
export function SaveFeedback({
  save,
  issueCount,
  checkJa = "入力内容を確認してください。",
}: {
  save: { isPending: boolean; isSuccess: boolean; isError: boolean; error: unknown };
  issueCount: number;
  checkJa?: string;
}) {
  return (
    <>
      {issueCount > 0 ? (
        <p className="field__error" role="alert">
          <Bi ja={checkJa} en="Please check the highlighted fields." inline />
        </p>
      ) : null}
      {save.isError && issueCount === 0 ? <ErrorState error={save.error} /> : null}
      {save.isSuccess ? (
        <p className="notice" role="status">
          <Bi ja="保存しました。" en="Saved." inline />
        </p>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {save.isPending ? <Bi ja="保存中…" en="Saving…" inline /> : <Bi ja="保存" en="Save" inline />}
      </button>
    </>
  );
}
