import { type FormEvent, useId, useRef, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { uuid } from "../../../lib/uuid.ts";
import { useSendReply } from "../api/send-reply.ts";
import { holderOf } from "../api/takeover.ts";
import { CannedReplyPicker } from "./canned-reply-picker.tsx";

/** LINE's limit for one text message, in UTF-16 code units (what String#length counts). */
const MAX_LENGTH = 5000;

/**
 * Sends a staff reply by push (which takes the chat: the bot falls silent). The clientKey is kept while
 * the text is unchanged, so sending again after a failure or a lost answer is the same message to the
 * server, never a second one. When someone else holds the chat the server answers 409; the box then says
 * who, and sends only on an explicit "take over and send".
 */
export function ReplyBox({ userId, blocked }: { userId: string; blocked: boolean }) {
  const id = useId();
  const send = useSendReply(userId);
  const [text, setText] = useState("");
  const [undelivered, setUndelivered] = useState(false);
  const attempt = useRef<{ text: string; key: string } | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const tooLong = text.length > MAX_LENGTH;
  const canSend = text.trim().length > 0 && !tooLong && !send.isPending;
  const holder = holderOf(send.error);

  function submit(event?: FormEvent, force = false) {
    event?.preventDefault();
    if (!canSend) return;
    const clientKey = attempt.current?.text === text ? attempt.current.key : uuid();
    attempt.current = { text, key: clientKey };
    setUndelivered(false);
    send.mutate(
      { text, clientKey, force },
      {
        onSuccess: (result) => {
          if (!result.delivered) {
            setUndelivered(true);
            return;
          }
          attempt.current = null;
          setText("");
          input.current?.focus();
        },
      },
    );
  }

  return (
    <form className="reply-box" onSubmit={submit} aria-label="返信 / Reply" data-testid="reply-box">
      {blocked ? (
        <p className="field__hint" role="note">
          <Bi
            ja="この方はアカウントをブロックしています。送信しても届きません。"
            en="This person has blocked the account; messages will not arrive."
          />
        </p>
      ) : null}
      <CannedReplyPicker
        onPick={(body) => {
          setText((current) => (current.trim() ? `${current}\n${body}` : body));
          input.current?.focus();
        }}
      />
      <label htmlFor={`${id}-text`} className="visually-hidden">
        返信メッセージ / Reply message
      </label>
      <textarea
        ref={input}
        id={`${id}-text`}
        data-testid="reply-input"
        className="reply-box__input"
        rows={2}
        value={text}
        readOnly={send.isPending}
        placeholder="メッセージを入力 / Type a message"
        aria-invalid={tooLong}
        aria-describedby={`${id}-help`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
        }}
      />
      <div className="reply-box__bar">
        <span id={`${id}-help`} className={tooLong ? "field__error" : "field__hint"}>
          {text.length.toLocaleString()} / {MAX_LENGTH.toLocaleString()}
          {tooLong ? " — 5,000文字までです / Up to 5,000 characters" : " · Ctrl+Enter"}
        </span>
        <button type="submit" className="btn btn--primary" disabled={!canSend} data-testid="reply-send">
          {send.isPending ? <Bi ja="送信中…" en="Sending…" inline /> : <Bi ja="送信" en="Send" inline />}
        </button>
      </div>
      {undelivered ? (
        <p className="field__error" role="alert">
          <Bi
            ja="LINE に届けられませんでした。履歴に「送信失敗」として残っています。もう一度送信できます。"
            en="LINE did not take the message. It is in the history as failed; you can send it again."
          />
        </p>
      ) : null}
      {holder ? (
        <div className="field__error" role="alert" data-testid="reply-conflict">
          <p>
            <Bi
              ja={`${holder.name ?? "ほかのスタッフ"}さんがこの会話を対応中のため、送信していません。`}
              en={`Not sent: ${holder.name ?? "someone else"} is handling this chat.`}
            />
          </p>
          <button type="button" className="btn btn--small btn--danger" onClick={() => submit(undefined, true)} disabled={!canSend}>
            <Bi ja="引き継いで送信" en="Take over and send" inline />
          </button>
        </div>
      ) : send.isError ? (
        <ErrorState error={send.error} />
      ) : null}
    </form>
  );
}
