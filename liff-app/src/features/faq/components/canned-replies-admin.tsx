import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { type CannedReply, useCannedRepliesAdmin, useDeleteCannedReply, useSaveCannedReply } from "../api/bot-settings.ts";
import { FieldErrors } from "./field-errors.tsx";

function CannedForm({ reply, onDone }: { reply?: CannedReply; onDone: () => void }) {
  const id = useId();
  const save = useSaveCannedReply();
  const [title, setTitle] = useState(reply?.title ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...(reply ? { id: reply.id } : {}), title, body, position: reply?.position ?? 0 }, { onSuccess: onDone });
  }
  return (
    <form className="faq-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-t`}>
          <Bi ja="タイトル" en="Title" />
        </label>
        <input id={`${id}-t`} value={title} maxLength={50} required onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-b`}>
          <Bi ja="本文" en="Text" />
        </label>
        <textarea id={`${id}-b`} rows={3} value={body} maxLength={5000} required onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="faq-form__bar">
        <button type="button" className="btn btn--small" onClick={onDone}>
          <Bi ja="キャンセル" en="Cancel" inline />
        </button>
        <button type="submit" className="btn btn--small btn--primary" disabled={save.isPending}>
          <Bi ja="保存" en="Save" inline />
        </button>
      </div>
      <FieldErrors error={save.error} />
      {save.isError ? <ErrorState error={save.error} /> : null}
    </form>
  );
}

/** Canned replies staff insert in the reply box. */
export function CannedRepliesAdmin() {
  const canned = useCannedRepliesAdmin();
  const remove = useDeleteCannedReply();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <QueryStates query={canned}>
      {(data) => (
        <>
          <ul className="faq-list">
            {data.cannedReplies.map((reply) =>
              editing === reply.id ? (
                <li key={reply.id}>
                  <CannedForm reply={reply} onDone={() => setEditing(null)} />
                </li>
              ) : (
                <li key={reply.id} className="faq-row">
                  <p>
                    <strong>{reply.title}</strong>
                  </p>
                  <p className="faq-row__a">{reply.body}</p>
                  <div className="faq-row__actions">
                    <button type="button" className="btn btn--small" onClick={() => setEditing(reply.id)}>
                      <Bi ja="編集" en="Edit" inline />
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(reply.id)}
                    >
                      <Bi ja="削除" en="Delete" inline />
                    </button>
                  </div>
                </li>
              ),
            )}
          </ul>
          {editing === "new" ? (
            <CannedForm onDone={() => setEditing(null)} />
          ) : (
            <button type="button" className="btn" onClick={() => setEditing("new")}>
              <Bi ja="＋ 定型文を追加" en="+ Add a canned reply" inline />
            </button>
          )}
          {remove.isError ? <ErrorState error={remove.error} /> : null}
        </>
      )}
    </QueryStates>
  );
}
