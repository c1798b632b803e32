import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, ErrorState, QueryStates } from "../../../components/states.tsx";
import { type FaqEntryView, useDeleteFaqEntry, useFaqEntries } from "../api/faq-admin.ts";
import { FaqEntryForm } from "./faq-entry-form.tsx";

function EntryRow({ entry }: { entry: FaqEntryView }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteFaqEntry();
  if (editing) return <FaqEntryForm entry={entry} onDone={() => setEditing(false)} />;
  return (
    <li className="faq-row" data-testid="faq-row" data-entry-id={entry.id}>
      <details>
        <summary>
          <span className="faq-row__q">{entry.question}</span>
          {entry.enabled ? null : (
            <span className="badge">
              <Bi ja="無効" en="Disabled" inline />
            </span>
          )}
          <span className="field__hint"> · {entry.alternates.length} 言い換え / phrasings</span>
        </summary>
        <p className="faq-row__a">{entry.answer}</p>
        {entry.alternates.length > 0 ? (
          <ul className="tag-list">
            {entry.alternates.map((a) => (
              <li key={a} className="chip">
                {a}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="mono field__hint">{entry.id}</p>
      </details>
      <div className="faq-row__actions">
        <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
          <Bi ja="編集" en="Edit" inline />
        </button>
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`「${entry.question}」を削除しますか？ / Delete this entry?`)) remove.mutate(entry.id);
          }}
        >
          <Bi ja="削除" en="Delete" inline />
        </button>
      </div>
      {remove.isError ? <ErrorState error={remove.error} /> : null}
    </li>
  );
}

/** The FAQ the bot answers from, in file order; add, edit, disable, delete. */
export function FaqEntryList() {
  const faq = useFaqEntries();
  const [adding, setAdding] = useState(false);
  return (
    <QueryStates query={faq}>
      {(data) => (
        <>
          <p className="field__hint">
            <Bi
              ja={`${data.entries.length} 件 · バージョン ${data.version}`}
              en={`${data.entries.length} entries · version ${data.version}`}
              inline
            />
          </p>
          {adding ? (
            <FaqEntryForm onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="btn btn--primary" onClick={() => setAdding(true)} data-testid="faq-add">
              <Bi ja="＋ FAQ を追加" en="+ Add an entry" inline />
            </button>
          )}
          {data.entries.length === 0 ? (
            <EmptyState
              ja="FAQ はまだありません。追加するか、JSON を読み込んでください。"
              en="No entries yet: add one or import a JSON file."
            />
          ) : (
            <ul className="faq-list">
              {data.entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} />
              ))}
            </ul>
          )}
        </>
      )}
    </QueryStates>
  );
}
