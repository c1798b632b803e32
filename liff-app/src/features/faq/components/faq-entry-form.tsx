import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { type FaqEntryView, useCreateFaqEntry, useUpdateFaqEntry } from "../api/faq-admin.ts";
import { FieldErrors } from "./field-errors.tsx";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Create or edit one entry: question, answer (one LINE message), alternate phrasings one per line. */
export function FaqEntryForm({ entry, onDone }: { entry?: FaqEntryView; onDone: () => void }) {
  const id = useId();
  const create = useCreateFaqEntry();
  const update = useUpdateFaqEntry();
  const mutation = entry ? update : create;
  const [question, setQuestion] = useState(entry?.question ?? "");
  const [answer, setAnswer] = useState(entry?.answer ?? "");
  const [alternates, setAlternates] = useState(entry?.alternates.join("\n") ?? "");
  const [enabled, setEnabled] = useState(entry?.enabled ?? true);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { question, answer, alternates: lines(alternates), enabled };
    if (entry) update.mutate({ id: entry.id, ...input }, { onSuccess: onDone });
    else create.mutate(input, { onSuccess: onDone });
  }

  return (
    <form className="faq-form" onSubmit={submit} data-testid="faq-entry-form">
      <div className="field">
        <label htmlFor={`${id}-q`}>
          <Bi ja="質問" en="Question" />
        </label>
        <input
          id={`${id}-q`}
          value={question}
          maxLength={500}
          required
          onChange={(e) => setQuestion(e.target.value)}
          data-testid="faq-question"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-a`}>
          <Bi ja="回答（そのままトークに送られます）" en="Answer (sent as it is)" />
        </label>
        <textarea
          id={`${id}-a`}
          rows={4}
          value={answer}
          maxLength={5000}
          required
          onChange={(e) => setAnswer(e.target.value)}
          data-testid="faq-answer"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-alt`}>
          <Bi ja="言い換え（1行に1つ）" en="Other phrasings (one per line)" />
        </label>
        <textarea
          id={`${id}-alt`}
          rows={3}
          value={alternates}
          onChange={(e) => setAlternates(e.target.value)}
          data-testid="faq-alternates"
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{" "}
        <Bi ja="ボットが使う" en="The bot uses it" inline />
      </label>
      <div className="faq-form__bar">
        <button type="button" className="btn btn--small" onClick={onDone}>
          <Bi ja="キャンセル" en="Cancel" inline />
        </button>
        <button type="submit" className="btn btn--small btn--primary" disabled={mutation.isPending} data-testid="faq-save">
          <Bi ja="保存" en="Save" inline />
        </button>
      </div>
      <FieldErrors error={mutation.error} />
      {mutation.isError ? <ErrorState error={mutation.error} /> : null}
    </form>
  );
}
