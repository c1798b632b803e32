import { Bi } from "../../../components/bilingual.tsx";
import type { TimelineMessage } from "../api/get-timeline.ts";

const METHODS: Record<string, string> = { reply: "応答 / reply", push: "プッシュ / push", multicast: "一斉 / multicast" };

/** Where an outbound message stands with LINE: sending, sent (by reply or push), or failed and why. */
export function DeliveryStatus({ item }: { item: TimelineMessage }) {
  if (item.direction !== "out") return null;
  if (item.delivery === "sent") {
    return (
      <span className="delivery delivery--sent">
        <Bi ja="送信済み" en="Sent" inline />
        {item.method ? <span className="delivery__method"> ({METHODS[item.method] ?? item.method})</span> : null}
      </span>
    );
  }
  if (item.delivery === "failed") {
    return (
      <span className="delivery delivery--failed">
        <span className="badge badge--danger">
          <Bi ja="送信失敗" en="Failed" inline />
        </span>
        {item.error ? <span className="delivery__error"> {item.error}</span> : null}
      </span>
    );
  }
  return (
    <span className="delivery delivery--pending">
      <Bi ja="送信中" en="Sending" inline />
    </span>
  );
}
