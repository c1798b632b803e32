import { Fragment, useEffect, useRef } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { formatDate, formatTime, sameDay } from "../../../lib/format.ts";
import type { TimelineMessage } from "../api/get-timeline.ts";
import { DeliveryStatus } from "./delivery-status.tsx";
import { MessageContent } from "./message-content.tsx";

const SENDERS: Record<string, [string, string]> = {
  customer: ["お客様", "Customer"],
  bot: ["ボット", "Bot"],
  staff: ["スタッフ", "Staff"],
  system: ["システム", "System"],
};

interface Props {
  messages: TimelineMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}

/** The whole conversation, oldest first: customer on the left, what the shop sent on the right. */
export function Timeline({ messages, hasOlder, loadingOlder, onLoadOlder }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastId = messages.at(-1)?.id;
  const nearBottom = useRef(true);

  // Follow new messages when the reader is at the bottom; leave them alone when reading history.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest message changes
  useEffect(() => {
    const element = scroller.current;
    if (element && nearBottom.current) element.scrollTop = element.scrollHeight;
  }, [lastId]);

  return (
    <div
      ref={scroller}
      className="timeline"
      role="log"
      aria-label="会話の履歴 / Conversation history"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable history must be reachable by keyboard
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        nearBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
      }}
    >
      {hasOlder ? (
        <button type="button" className="btn btn--small timeline__older" onClick={onLoadOlder} disabled={loadingOlder}>
          {loadingOlder ? <Bi ja="読み込み中…" en="Loading…" inline /> : <Bi ja="以前のメッセージを表示" en="Show older messages" inline />}
        </button>
      ) : null}
      {messages.map((item, i) => {
        const previous = messages[i - 1];
        const [senderJa, senderEn] = SENDERS[item.sender] ?? [item.sender, item.sender];
        return (
          <Fragment key={item.id}>
            {!previous || !sameDay(previous.at, item.at) ? <p className="day-divider">{formatDate(item.at)}</p> : null}
            <article
              className={`msg msg--${item.direction}`}
              data-testid="timeline-message"
              data-message-id={item.id}
              data-direction={item.direction}
              data-sender={item.sender}
              data-delivery={item.delivery}
            >
              <p className={item.direction === "in" ? "visually-hidden" : "msg__sender"}>
                <Bi ja={senderJa} en={senderEn} inline />
              </p>
              <div className="msg__content">
                <MessageContent item={item} />
              </div>
              <p className="msg__meta">
                <time dateTime={new Date(item.at).toISOString()}>{formatTime(item.at)}</time> <DeliveryStatus item={item} />
              </p>
            </article>
          </Fragment>
        );
      })}
    </div>
  );
}
