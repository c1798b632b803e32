import { useState } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { EmptyState } from "../../components/states.tsx";
import type { ConversationFilter } from "../../features/inbox/api/get-conversations.ts";
import { ConversationList } from "../../features/inbox/components/conversation-list.tsx";
import { ConversationView } from "../../features/inbox/components/conversation-view.tsx";
import { LiveBadge } from "../../features/inbox/components/live-badge.tsx";
import { type InboxEvent, useInboxLive } from "../../features/inbox/hooks/use-inbox-live.ts";
import { useMe } from "../../features/me/api/get-me.ts";
import { FriendScenarios } from "../../features/scenarios/components/friend-scenarios.tsx";

function announce(event: InboxEvent): string | null {
  if (event.type === "handover") return "スタッフ対応の依頼が届きました / A customer is waiting for staff";
  if (event.type === "message" && event.messageId !== null) return "新しいメッセージがあります / New message";
  return null;
}

/** The staff inbox: the list and, when one is chosen, the conversation (side by side on wide screens). */
export default function StaffRoute({ userId }: { userId?: string | undefined }) {
  const [announcement, setAnnouncement] = useState("");
  const [filter, setFilter] = useState<ConversationFilter>("all");
  const me = useMe();
  const status = useInboxLive((event) => {
    const text = announce(event);
    if (text) setAnnouncement(text);
  });
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
        <ConversationList selectedUserId={userId} filter={filter} onFilter={setFilter} />
      </section>
      <div className="inbox__detail">
        {userId ? (
          <ConversationView
            key={userId}
            userId={userId}
            meId={me.data?.userId}
            profileExtras={
              <section className="profile__section">
                <h3>ステップ配信 / Step scenarios</h3>
                <FriendScenarios userId={userId} />
              </section>
            }
          />
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
