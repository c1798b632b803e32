import { useState } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { EmptyState } from "../../components/states.tsx";
import { ConversationList } from "../../features/inbox/components/conversation-list.tsx";
import { ConversationView } from "../../features/inbox/components/conversation-view.tsx";
import { LiveBadge } from "../../features/inbox/components/live-badge.tsx";
import { type InboxEvent, useInboxLive } from "../../features/inbox/hooks/use-inbox-live.ts";

function announce(event: InboxEvent): string {
  return event.type === "handover"
    ? "スタッフ対応の依頼が届きました / A customer asked for staff"
    : "新しいメッセージがあります / New message";
}

/** The staff inbox: the list and, when one is chosen, the conversation (side by side on wide screens). */
export default function StaffRoute({ userId }: { userId?: string | undefined }) {
  const [announcement, setAnnouncement] = useState("");
  const status = useInboxLive((event) => setAnnouncement(announce(event)));
  return (
    <div className="page page--wide inbox" data-selected={userId ? "true" : "false"}>
      <title>受信箱 / Inbox | Enishi</title>
      <section className="inbox__list" aria-labelledby="inbox-title">
        <div className="inbox__head">
          <h1 id="inbox-title" className="page-title">
            <Bi ja="受信箱" en="Inbox" />
          </h1>
          <LiveBadge status={status} />
        </div>
        <ConversationList selectedUserId={userId} />
      </section>
      <div className="inbox__detail">
        {userId ? (
          <ConversationView key={userId} userId={userId} />
        ) : (
          <EmptyState ja="一覧から会話を選んでください。" en="Choose a conversation from the list." />
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
