import { Link } from "wouter";
import { Avatar } from "../../../components/avatar.tsx";
import { Bi } from "../../../components/bilingual.tsx";
import { QueryStates } from "../../../components/states.tsx";
import { formatDateTime, formatShort } from "../../../lib/format.ts";
import { type ConversationFilter, type ConversationSummary, useConversations } from "../api/get-conversations.ts";
import { useNow } from "../hooks/use-now.ts";
import { STATE_LABELS, waitingFor } from "../utils/takeover-labels.ts";
import { StateFilter } from "./state-filter.tsx";

const PREFIX: Record<string, string> = { staff: "スタッフ: ", bot: "ボット: ", system: "システム: " };

function lastLine(conversation: ConversationSummary): string {
  const prefix = PREFIX[conversation.lastSender] ?? "";
  return `${prefix}${conversation.lastText ?? "（スタンプ・画像など / sticker, image…）"}`;
}

function StateBadge({ conversation, now }: { conversation: ConversationSummary; now: number }) {
  if (conversation.state === "bot") return null;
  const [ja, en] = STATE_LABELS[conversation.state] ?? [conversation.state, conversation.state];
  const waited = conversation.state === "waiting" && conversation.waitingSince ? waitingFor(conversation.waitingSince, now) : null;
  return (
    <span className={conversation.state === "waiting" ? "badge badge--warn" : "badge badge--green"} data-testid="conversation-state">
      <Bi ja={waited ? `${ja} ${waited.ja}` : ja} en={waited ? `${en} ${waited.en}` : en} inline />
    </span>
  );
}

interface Props {
  selectedUserId: string | undefined;
  filter: ConversationFilter;
  onFilter: (filter: ConversationFilter) => void;
}

/** Conversations by state: waiting ones longest-waiting first; the live socket keeps the list current. */
export function ConversationList({ selectedUserId, filter, onFilter }: Props) {
  const conversations = useConversations(filter);
  const now = useNow();
  return (
    <>
      <StateFilter value={filter} onChange={onFilter} counts={conversations.data?.counts} />
      <QueryStates
        query={conversations}
        empty={{ when: (data) => data.conversations.length === 0, ja: "該当する会話はありません。", en: "No conversations here." }}
      >
        {(data) => (
          <ul className="conv-list" aria-label="会話 / Conversations">
            {data.conversations.map((conversation) => {
              const name = conversation.displayName ?? "名前未取得 / No name";
              return (
                <li key={conversation.userId} className="conv-row">
                  <Link
                    href={`/staff/inbox/${conversation.userId}`}
                    className="conv-item"
                    aria-current={conversation.userId === selectedUserId ? "page" : undefined}
                    data-testid="conversation-item"
                    data-user-id={conversation.userId}
                    data-state={conversation.state}
                  >
                    <Avatar src={conversation.pictureUrl} name={conversation.displayName} size={44} />
                    <span className="conv-item__main">
                      <span className="conv-item__name">{name}</span>
                      <span className="conv-item__last">{lastLine(conversation)}</span>
                      <span className="conv-item__tags">
                        <StateBadge conversation={conversation} now={now} />
                        {conversation.assignee ? (
                          <span className="badge" data-testid="conversation-assignee">
                            <Bi
                              ja={`担当: ${conversation.assignee.name ?? "スタッフ"}`}
                              en={`with ${conversation.assignee.name ?? "staff"}`}
                              inline
                            />
                          </span>
                        ) : null}
                      </span>
                    </span>
                    <span className="conv-item__side">
                      <time dateTime={new Date(conversation.lastAt).toISOString()} title={formatDateTime(conversation.lastAt)}>
                        {formatShort(conversation.lastAt)}
                      </time>
                      {conversation.unread > 0 ? (
                        <span className="unread" data-testid="conversation-unread">
                          {conversation.unread}
                          <span className="visually-hidden"> 件の未読 / unread</span>
                        </span>
                      ) : null}
                      {conversation.status === "blocked" ? (
                        <span className="badge badge--danger">
                          <Bi ja="ブロック" en="Blocked" inline />
                        </span>
                      ) : null}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </QueryStates>
    </>
  );
}
