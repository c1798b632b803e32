import { Link } from "wouter";
import { Avatar } from "../../../components/avatar.tsx";
import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, ErrorState, Loading } from "../../../components/states.tsx";
import { useTimeline } from "../api/get-timeline.ts";
import { ReplyBox } from "./reply-box.tsx";
import { Timeline } from "./timeline.tsx";

function BackLink() {
  return (
    <Link href="/staff" className="btn btn--small back-link">
      <span aria-hidden="true">←</span> <Bi ja="一覧" en="List" inline />
    </Link>
  );
}

/** One customer's conversation: who, the whole timeline, and the reply box. */
export function ConversationView({ userId }: { userId: string }) {
  const timeline = useTimeline(userId);
  if (timeline.isPending) {
    return (
      <section className="conversation" aria-label="会話 / Conversation">
        <Loading />
      </section>
    );
  }
  if (timeline.isError) {
    return (
      <section className="conversation" aria-label="会話 / Conversation">
        <div className="conversation__header">
          <BackLink />
        </div>
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      </section>
    );
  }
  const pages = timeline.data.pages;
  const friend = pages[0]?.friend;
  const messages = [...pages].reverse().flatMap((page) => page.messages);
  const name = friend?.displayName ?? "名前未取得 / No name";
  return (
    <section className="conversation" aria-labelledby="conversation-title" data-testid="conversation" data-user-id={userId}>
      <header className="conversation__header">
        <BackLink />
        <Avatar src={friend?.pictureUrl} name={friend?.displayName} size={40} />
        <div className="conversation__who">
          <h2 id="conversation-title" data-testid="conversation-name">
            {name}
          </h2>
          <p className="mono conversation__id">{userId}</p>
        </div>
        {friend?.status === "blocked" ? (
          <span className="badge badge--danger">
            <Bi ja="ブロック中" en="Blocked" inline />
          </span>
        ) : null}
      </header>
      {messages.length === 0 ? (
        <div className="timeline">
          <EmptyState ja="メッセージはまだありません。" en="No messages yet." />
        </div>
      ) : (
        <Timeline
          messages={messages}
          hasOlder={timeline.hasNextPage}
          loadingOlder={timeline.isFetchingNextPage}
          onLoadOlder={() => void timeline.fetchNextPage()}
        />
      )}
      <ReplyBox userId={userId} blocked={friend?.status === "blocked"} />
    </section>
  );
}
