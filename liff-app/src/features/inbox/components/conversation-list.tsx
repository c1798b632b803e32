import { Link } from "wouter";
import { Avatar } from "../../../components/avatar.tsx";
import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, ErrorState, Loading } from "../../../components/states.tsx";
import { formatDateTime, formatShort } from "../../../lib/format.ts";
import { type ConversationSummary, useConversations } from "../api/get-conversations.ts";

const PREFIX: Record<string, string> = { staff: "スタッフ: ", bot: "ボット: ", system: "システム: " };

function lastLine(conversation: ConversationSummary): string {
  const prefix = PREFIX[conversation.lastSender] ?? "";
  return `${prefix}${conversation.lastText ?? "（スタンプ・画像など / sticker, image…）"}`;
}

/** Conversations, newest first; the live socket keeps the list current. */
export function ConversationList({ selectedUserId }: { selectedUserId: string | undefined }) {
  const conversations = useConversations();
  if (conversations.isPending) return <Loading />;
  if (conversations.isError) return <ErrorState error={conversations.error} onRetry={() => void conversations.refetch()} />;
  const items = conversations.data.conversations;
  if (items.length === 0) {
    return <EmptyState ja="まだ会話はありません。" en="No conversations yet." />;
  }
  return (
    <ul className="conv-list" aria-label="会話 / Conversations">
      {items.map((conversation) => {
        const name = conversation.displayName ?? "名前未取得 / No name";
        return (
          <li key={conversation.userId} className="conv-row">
            <Link
              href={`/staff/conversations/${conversation.userId}`}
              className="conv-item"
              aria-current={conversation.userId === selectedUserId ? "page" : undefined}
              data-testid="conversation-item"
              data-user-id={conversation.userId}
            >
              <Avatar src={conversation.pictureUrl} name={conversation.displayName} size={44} />
              <span className="conv-item__main">
                <span className="conv-item__name">{name}</span>
                <span className="conv-item__last">{lastLine(conversation)}</span>
              </span>
              <span className="conv-item__side">
                <time dateTime={new Date(conversation.lastAt).toISOString()} title={formatDateTime(conversation.lastAt)}>
                  {formatShort(conversation.lastAt)}
                </time>
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
  );
}
