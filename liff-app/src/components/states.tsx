import type { ReactNode } from "react";
import { describeProblem } from "../lib/problem.ts";
import { Bi } from "./bilingual.tsx";

export function Loading({ ja = "読み込み中…", en = "Loading…" }: { ja?: string; en?: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>
        <Bi ja={ja} en={en} />
      </p>
    </div>
  );
}

export function EmptyState({ ja, en, children }: { ja: string; en: string; children?: ReactNode }) {
  return (
    <div className="state">
      <p>
        <Bi ja={ja} en={en} />
      </p>
      {children}
    </div>
  );
}

/** What went wrong, Japanese first, and the server's detail when it gave one. */
export function ProblemSummary({ problem }: { problem: { ja: string; en: string; detail?: string | undefined } }) {
  return (
    <>
      <p className="state__title">
        <Bi ja={problem.ja} en={problem.en} />
      </p>
      {problem.detail ? <p className="state__detail">{problem.detail}</p> : null}
    </>
  );
}

/** A failure told plainly in Japanese and English, with what support needs and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: (() => void) | undefined }) {
  const problem = describeProblem(error);
  return (
    <div className="state state--error" role="alert">
      <ProblemSummary problem={problem} />
      {problem.requestId ? (
        <p className="state__detail">
          Request ID: <code>{problem.requestId}</code>
        </p>
      ) : null}
      {problem.link ? (
        <a className="btn" href={problem.link.href}>
          <Bi ja={problem.link.ja} en={problem.link.en} inline />
        </a>
      ) : null}
      {onRetry && problem.retry ? (
        <button type="button" className="btn" onClick={onRetry}>
          <Bi ja="もう一度試す" en="Try again" inline />
        </button>
      ) : null}
    </div>
  );
}

/** What the states below need of a React Query result (a query or an infinite query). */
export interface QueryResultLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A query's result in one place: a spinner while it loads (`loading` when the screen says more than
 * 「読み込み中…」), the failure with a way to try again, `empty`'s words when `empty.when(data)`, otherwise
 * `children(data)`. When a refetch fails, the failure stands above the data it still has, so what is on
 * screen (a half-filled form) stays. A disabled query stays pending: render this only once it can run.
 */
export function QueryStates<T>({
  query,
  loading = <Loading />,
  empty,
  children,
}: {
  query: QueryResultLike<T>;
  loading?: ReactNode;
  empty?: { when: (data: T) => boolean; ja: string; en: string; children?: ReactNode } | undefined;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return loading;
  const failure = query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null;
  const data = query.data;
  if (data === undefined) return failure;
  return (
    <>
      {failure}
      {empty?.when(data) ? (
        <EmptyState ja={empty.ja} en={empty.en}>
          {empty.children}
        </EmptyState>
      ) : (
        children(data)
      )}
    </>
  );
}
