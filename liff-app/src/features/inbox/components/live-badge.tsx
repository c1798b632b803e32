import { Bi } from "../../../components/bilingual.tsx";
import type { LiveStatus } from "../hooks/use-inbox-live.ts";

const LABELS: Record<LiveStatus, [string, string]> = {
  connecting: ["接続中…", "Connecting…"],
  live: ["リアルタイム更新中", "Live"],
  reconnecting: ["再接続中…", "Reconnecting…"],
};

export function LiveBadge({ status }: { status: LiveStatus }) {
  const [ja, en] = LABELS[status];
  return (
    <span
      className={status === "live" ? "badge badge--green live-badge" : "badge live-badge"}
      role="status"
      data-testid="live-status"
      data-status={status}
    >
      <span className="live-badge__dot" aria-hidden="true" />
      <Bi ja={ja} en={en} inline />
    </span>
  );
}
