import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { FilterButtons, type FilterOption } from "../../../components/filter-buttons.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type AlternateStatus, useAlternates, useReviewAlternate } from "../api/faq-admin.ts";

const SOURCES: Record<string, [string, string]> = {
  confirmed: ["お客様が「解決した」", "Customer confirmed"],
  staff: ["スタッフが登録", "Attached by staff"],
};

const TABS: FilterOption<AlternateStatus>[] = [
  { value: "pending", ja: "承認待ち", en: "Pending" },
  { value: "approved", ja: "承認済み", en: "Approved" },
  { value: "rejected", ja: "却下", en: "Rejected" },
];

/**
 * Learned phrasings: customers' questions confirmed by 解決した and questions staff attached. Approved
 * ones are used by the matcher at once (the FAQ version changes); rejected ones never.
 */
export function AlternatesReview() {
  const [status, setStatus] = useState<AlternateStatus>("pending");
  const alternates = useAlternates(status);
  const review = useReviewAlternate();
  return (
    <>
      <FilterButtons legend="表示 / Show" options={TABS} value={status} onChange={setStatus} />
      <QueryStates
        query={alternates}
        empty={{ when: (data) => data.alternates.length === 0, ja: "該当する言い換え候補はありません。", en: "No phrasings here." }}
      >
        {(data) => (
          <ul className="faq-list">
            {data.alternates.map((a) => {
              const [ja, en] = SOURCES[a.source] ?? [a.source, a.source];
              return (
                <li key={a.id} className="faq-row" data-testid="alternate-row">
                  <p>
                    「{a.question}」 → <strong>{a.entryQuestion ?? a.entryId}</strong>
                  </p>
                  <p className="field__hint">
                    <Bi ja={ja} en={en} inline /> · {formatDateTime(a.at)}
                  </p>
                  <div className="faq-row__actions">
                    {a.status !== "approved" ? (
                      <button
                        type="button"
                        className="btn btn--small btn--primary"
                        disabled={review.isPending}
                        onClick={() => review.mutate({ id: a.id, decision: "approve" })}
                        data-testid="alternate-approve"
                      >
                        <Bi ja="承認" en="Approve" inline />
                      </button>
                    ) : null}
                    {a.status !== "rejected" ? (
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={review.isPending}
                        onClick={() => review.mutate({ id: a.id, decision: "reject" })}
                      >
                        <Bi ja="却下" en="Reject" inline />
                      </button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryStates>
      {review.isError ? <ErrorState error={review.error} /> : null}
    </>
  );
}
