import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { useFaqQuestions, useLearn } from "../api/staff-resources.ts";

/**
 * Teach the bot (issue 4 §3): the customer's question becomes a phrasing of an FAQ entry — an existing
 * one or a new one — that an admin reviews before the bot uses it.
 */
export function LearnPanel({ userId, message, onClose }: { userId: string; message: { id: number; text: string }; onClose: () => void }) {
  const id = useId();
  const questions = useFaqQuestions(true);
  const learn = useLearn(userId);
  const [entryId, setEntryId] = useState("");
  const [question, setQuestion] = useState(message.text);
  const [answer, setAnswer] = useState("");
  const creating = entryId === "__new";
  const ready = creating ? question.trim() && answer.trim() : entryId !== "";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    learn.mutate(
      creating
        ? { messageId: message.id, newEntry: { question: question.trim(), answer: answer.trim() } }
        : { messageId: message.id, entryId },
    );
  }

  return (
    <form className="learn-panel" onSubmit={submit} aria-label="FAQ に登録 / Teach the bot" data-testid="learn-panel">
      <p>
        <Bi
          ja="この質問を FAQ の言い換えとして登録します（管理者の承認後にボットが使います）"
          en="Attach this question to an FAQ entry (the bot uses it once an admin approves)"
        />
      </p>
      <blockquote className="learn-panel__quote">{message.text}</blockquote>
      <QueryStates query={questions}>
        {(data) => (
          <div className="field">
            <label htmlFor={`${id}-entry`}>
              <Bi ja="FAQ" en="FAQ entry" />
            </label>
            <select id={`${id}-entry`} value={entryId} onChange={(event) => setEntryId(event.target.value)} data-testid="learn-entry">
              <option value="">選んでください / Choose…</option>
              {data.entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.question}
                  {e.enabled ? "" : "（無効 / disabled）"}
                </option>
              ))}
              <option value="__new">＋ 新しい FAQ を作る / New entry</option>
            </select>
          </div>
        )}
      </QueryStates>
      {creating ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-q`}>
              <Bi ja="質問" en="Question" />
            </label>
            <input id={`${id}-q`} value={question} maxLength={500} onChange={(event) => setQuestion(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-a`}>
              <Bi ja="回答" en="Answer" />
            </label>
            <textarea
              id={`${id}-a`}
              rows={3}
              value={answer}
              maxLength={5000}
              onChange={(event) => setAnswer(event.target.value)}
              data-testid="learn-answer"
            />
          </div>
        </>
      ) : null}
      <div className="learn-panel__bar">
        <button type="button" className="btn btn--small" onClick={onClose}>
          <Bi ja="閉じる" en="Close" inline />
        </button>
        <button type="submit" className="btn btn--small btn--primary" disabled={!ready || learn.isPending} data-testid="learn-submit">
          <Bi ja="登録する" en="Attach" inline />
        </button>
      </div>
      {learn.isSuccess ? (
        <p className="field__hint" role="status" data-testid="learn-result">
          {learn.data.outcome === "known" ? (
            <Bi ja="この言い換えは登録済みです。" en="That phrasing is already known." />
          ) : (
            <Bi ja="登録しました。管理画面で承認されるとボットが使います。" en="Attached. The bot uses it once an admin approves it." />
          )}
        </p>
      ) : null}
      {learn.isError ? <ErrorState error={learn.error} /> : null}
    </form>
  );
}
