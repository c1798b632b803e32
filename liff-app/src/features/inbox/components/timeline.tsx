import { Fragment, useEffect, useRef } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { formatDate, formatTime, sameDay } from "../../../lib/format.ts";
import type { TimelineMessage, TimelinePage } from "../api/get-timeline.ts";
import { EVENT_LABELS } from "../utils/takeover-labels.ts";
import { DeliveryStatus } from "./delivery-status.tsx";
import { MessageContent } from "./message-content.tsx";

const SENDERS: Record<string, [string, string]> = {
  customer: ["お客様", "Customer"],
  bot: ["ボット", "Bot"],
  staff: ["スタッフ", "Staff"],
  system: ["システム", "System"],
};

type TakeoverEvent = TimelinePage["events"][number];

interface Props {
  messages: TimelineMessage[];
  /** handovers, takes, assignments, releases: drawn between the messages at their time */
  events?: TakeoverEvent[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** offered on the customer's text messages: attach the question to an FAQ entry */
  onTeach?: (message: { id: number; text: string }) => void;
}

function EventLine({ event }: { event: TakeoverEvent }) {
  const [ja, en] = EVENT_LABELS[event.type] ?? [event.type, event.type];
  const who = event.type === "assign" || event.type === "take" ? (event.assignee?.name ?? null) : event.actorName;
  return (
    <p className="timeline-event" data-testid="timeline-event" data-type={event.type}>
      <Bi ja={who ? `${ja}（${who}）` : ja} en={who ? `${en} (${who})` : en} inline /> ·{" "}
      <time dateTime={new Date(event.at).toISOString()}>{formatTime(event.at)}</time>
    </p>
  );
}

/** The whole conversation, oldest first: customer on the left, what the shop sent on the right. */
export function Timeline({ messages, events = [], hasOlder, loadingOlder, onLoadOlder, onTeach }: Props) {
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
        // Events at or before this message (and after the previous one) go before it.
        const before = events.filter((e) => e.at <= item.at && (!previous || e.at > previous.at));
        const teachable = onTeach && item.direction === "in" && item.kind === "text" && item.text;
        return (
          <Fragment key={item.id}>
            {before.map((e) => (
              <EventLine key={`e${e.id}`} event={e} />
            ))}
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
                {teachable ? (
                  <button
                    type="button"
                    className="link-button"
                    data-testid="teach-button"
                    onClick={() => onTeach({ id: item.id, text: item.text ?? "" })}
                  >
                    <Bi ja="FAQに登録" en="Teach the bot" inline />
                  </button>
                ) : null}
              </p>
            </article>
          </Fragment>
        );
      })}
      {events
        .filter((e) => e.at > (messages.at(-1)?.at ?? Number.NEGATIVE_INFINITY))
        .map((e) => (
          <EventLine key={`e${e.id}`} event={e} />
        ))}
    </div>
  );
}
