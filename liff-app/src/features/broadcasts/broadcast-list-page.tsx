import { Link } from "wouter";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryStates } from "../../components/states.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useBroadcasts } from "./api/broadcasts.ts";
import { StatusBadge } from "./components/status-badge.tsx";
import "./broadcasts.css";

/** /admin/broadcasts — recent broadcasts with their state and progress. */
export default function BroadcastListPage() {
  const list = useBroadcasts();
  return (
    <div className="page page--wide">
      <PageHeader
        ja="配信"
        en="Broadcasts"
        actions={[
          { href: "/admin/broadcasts/new", ja: "＋ 新しい配信", en: "New broadcast", primary: true },
          { href: "/admin/segments", ja: "セグメント", en: "Segments" },
          { href: "/admin/scenarios", ja: "ステップ配信", en: "Step scenarios" },
        ]}
      />
      <QueryStates
        query={list}
        empty={{ when: (data) => data.broadcasts.length === 0, ja: "配信はまだありません。", en: "No broadcasts yet." }}
      >
        {(data) => (
          <table className="bc-table" data-testid="broadcast-list">
            <thead>
              <tr>
                <th>配信名 / Name</th>
                <th>状態 / Status</th>
                <th>予定 / Scheduled</th>
                <th className="num">送信 / Sent</th>
                <th className="num">宛先 / Recipients</th>
              </tr>
            </thead>
            <tbody>
              {data.broadcasts.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link href={`/admin/broadcasts/${b.id}`}>{b.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={b.status} />
                  </td>
                  <td>{formatDateTime(b.scheduledAt)}</td>
                  <td className="num">{b.progress.sent.toLocaleString()}</td>
                  <td className="num">{(b.progress.recipientsTotal ?? b.progress.planned).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryStates>
    </div>
  );
}
