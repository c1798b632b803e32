import { useEffect, useState } from "react";
import { Link } from "wouter";
import { Avatar } from "../../../components/avatar.tsx";
import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, ErrorState, Loading } from "../../../components/states.tsx";
import { useTimeline } from "../api/get-timeline.ts";
import { useMarkRead } from "../api/takeover.ts";
import { LearnPanel } from "./learn-panel.tsx";
import { ProfilePanel } from "./profile-panel.tsx";
import { ReplyBox } from "./reply-box.tsx";
import { TakeoverBar } from "./takeover-bar.tsx";
import { Timeline } from "./timeline.tsx";
import "../inbox.css";

function BackLink() {
  return (
    <Link href="/staff/inbox" className="btn btn--small back-link">
      <span aria-hidden="true">←</span> <Bi ja="一覧" en="List" inline />
    </Link>
  );
}

/**
 * One customer's conversation: who, who has the chat (take / assign / resolve), the whole timeline with
 * handovers, the reply box, and the customer's profile beside it. Opening it (and each new customer
 * message while open) marks their messages read in LINE.
 */
/** `profileExtras`: panels other features add beside the profile (the app composes them, e.g. scenarios). */
export function ConversationView({
  userId,
  meId,
  profileExtras,
}: {
  userId: string;
  meId: string | undefined;
  profileExtras?: React.ReactNode;
}) {
  const timeline = useTimeline(userId);
  const markRead = useMarkRead(userId);
  const [teaching, setTeaching] = useState<{ id: number; text: string } | null>(null);
  const [showProfile, setShowProfile] = useState(false);
  const pages = timeline.data?.pages;
  const lastInbound = pages?.[0]?.messages.findLast((m) => m.direction === "in")?.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a newer customer message is shown
  useEffect(() => {
    if (lastInbound !== undefined) markRead.mutate();
  }, [lastInbound]);

  if (timeline.isPending) {
    return (
      <section className="conversation" aria-label="会話 / Conversation">
        <Loading />
      </section>
    );
  }
  if (timeline.isError || !pages) {
    return (
      <section className="conversation" aria-label="会話 / Conversation">
        <div className="conversation__header">
          <BackLink />
        </div>
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      </section>
    );
  }
  const first = pages[0];
  const friend = first?.friend;
  const messages = [...pages].reverse().flatMap((page) => page.messages);
  const name = friend?.displayName ?? "名前未取得 / No name";
  return (
    <div className="chat-pane" data-profile={showProfile ? "open" : "closed"}>
      <section
        className="conversation conversation--full"
        aria-labelledby="conversation-title"
        data-testid="conversation"
        data-user-id={userId}
      >
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
          <button
            type="button"
            className="btn btn--small profile-toggle"
            aria-expanded={showProfile}
            onClick={() => setShowProfile((open) => !open)}
          >
            <Bi ja="お客様情報" en="Profile" inline />
          </button>
        </header>
        {first ? <TakeoverBar userId={userId} takeover={first.takeover} meId={meId} /> : null}
        {messages.length === 0 ? (
          <div className="timeline">
            <EmptyState ja="メッセージはまだありません。" en="No messages yet." />
          </div>
        ) : (
          <Timeline
            messages={messages}
            events={first?.events ?? []}
            hasOlder={timeline.hasNextPage}
            loadingOlder={timeline.isFetchingNextPage}
            onLoadOlder={() => void timeline.fetchNextPage()}
            onTeach={setTeaching}
          />
        )}
        {teaching ? <LearnPanel key={teaching.id} userId={userId} message={teaching} onClose={() => setTeaching(null)} /> : null}
        <ReplyBox userId={userId} blocked={friend?.status === "blocked"} />
      </section>
      <div className="chat-pane__profile">
        <ProfilePanel userId={userId} meId={meId} extras={profileExtras} />
      </div>
    </div>
  );
}
