import { Bi } from "../../components/bilingual.tsx";
import { BackLink } from "../../components/page-header.tsx";
import { ErrorState, QueryStates } from "../../components/states.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { type Broadcast, useBroadcast, useBroadcastAction, useBroadcastBatches } from "./api/broadcasts.ts";
import { PAUSE_REASONS, StatusBadge } from "./components/status-badge.tsx";
import "./broadcasts.css";

function Progress({ b }: { b: Broadcast }) {
  const total = b.progress.recipientsTotal ?? b.progress.planned;
  const done = b.progress.sent + b.progress.failed + b.progress.cancelled;
  const pct = total === 0 ? (b.status === "completed" ? 100 : 0) : Math.min(100, Math.round((done / total) * 100));
  return (
    <div className="bc-progress">
      <progress max={100} value={pct} aria-label="進捗 / Progress" />
      <p data-testid="broadcast-progress">
        <Bi
          ja={`送信 ${b.progress.sent.toLocaleString()} ・ 失敗 ${b.progress.failed.toLocaleString()} ・ 取り消し ${b.progress.cancelled.toLocaleString()} ／ 宛先 ${total.toLocaleString()}${b.progress.recipientsTotal === null ? "（集計中）" : ""}`}
          en={`${b.progress.sent.toLocaleString()} sent, ${b.progress.failed} failed of ${total.toLocaleString()} (${b.progress.batches.sent}/${b.progress.batches.total} batches)`}
        />
      </p>
    </div>
  );
}

function Batches({ id, live }: { id: string; live: boolean }) {
  const batches = useBroadcastBatches(id, live);
  return (
    <QueryStates query={batches}>
      {(data) => {
        const rows = data.pages.flatMap((p) => p.batches);
        if (rows.length === 0) return <p className="field__hint">まだバッチはありません / No batches yet</p>;
        return (
          <>
            <table className="bc-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>状態 / Status</th>
                  <th className="num">宛先 / To</th>
                  <th className="num">送信 / Sent</th>
                  <th className="num">失敗 / Failed</th>
                  <th>完了 / Done</th>
                  <th>LINE request ID / エラー</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.seq}>
                    <td>{r.seq + 1}</td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="num">{r.recipients}</td>
                    <td className="num">{r.sent}</td>
                    <td className="num">{r.failed}</td>
                    <td>{r.completedAt ? formatDateTime(r.completedAt) : "—"}</td>
                    <td className="mono">{r.error ?? r.lineRequestId ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {batches.hasNextPage ? (
              <button
                type="button"
                className="btn btn--small"
                disabled={batches.isFetchingNextPage}
                onClick={() => void batches.fetchNextPage()}
              >
                <Bi ja="さらに表示" en="More" inline />
              </button>
            ) : null}
          </>
        );
      }}
    </QueryStates>
  );
}

/** /admin/broadcasts/:id — live progress, per-batch status, cancel and resume. */
export default function BroadcastDetailPage({ broadcastId }: { broadcastId: string }) {
  const broadcast = useBroadcast(broadcastId);
  const action = useBroadcastAction(broadcastId);
  return (
    <div className="page page--wide">
      <title>配信 / Broadcast | Enishi</title>
      <BackLink href="/admin/broadcasts" ja="配信" en="Broadcasts" />
      <QueryStates query={broadcast}>
        {(b) => (
          <>
            <h1 className="page-title">
              {b.name} <StatusBadge status={b.status} />
            </h1>
            <section className="card">
              <p>
                <Bi
                  ja={`宛先: ${b.audience.type === "everyone" ? "フォロー中の全員" : "セグメント"} ・ 予定 ${formatDateTime(b.scheduledAt)}${b.personalised ? " ・ 個別送信（名前入り）" : ""}`}
                  en={`${b.audience.type === "everyone" ? "Everyone" : "Segment"} · scheduled ${formatDateTime(b.scheduledAt)}${b.personalised ? " · personalised (one push each)" : ""}`}
                />
              </p>
              {b.status === "paused" && b.pausedReason ? (
                <p className="notice" role="status">
                  <Bi
                    ja={`一時停止中: ${PAUSE_REASONS[b.pausedReason]?.[0] ?? b.pausedReason}${b.resumeAt ? `（${formatDateTime(b.resumeAt)} に再開）` : ""}`}
                    en={`Paused: ${PAUSE_REASONS[b.pausedReason]?.[1] ?? b.pausedReason}`}
                  />
                </p>
              ) : null}
              {b.error ? <p className="field__error">{b.error}</p> : null}
              <Progress b={b} />
              <p className="field__hint">
                集計単位 / Aggregation unit: <code>{b.aggregationUnit}</code>
              </p>
              <div className="bc-inline">
                {b.status === "paused" ? (
                  <button type="button" className="btn btn--primary" disabled={action.isPending} onClick={() => action.mutate("resume")}>
                    <Bi ja="今すぐ再開" en="Resume now" inline />
                  </button>
                ) : null}
                {["scheduled", "sending", "paused"].includes(b.status) ? (
                  <button type="button" className="btn btn--danger" disabled={action.isPending} onClick={() => action.mutate("cancel")}>
                    <Bi ja="配信を取り消す" en="Cancel broadcast" inline />
                  </button>
                ) : null}
              </div>
              {action.error ? <ErrorState error={action.error} /> : null}
            </section>
            <section className="card">
              <h2 className="card__title">
                <Bi ja="バッチごとの状況" en="Batches" inline />
              </h2>
              <Batches id={b.id} live={["sending", "paused"].includes(b.status)} />
            </section>
          </>
        )}
      </QueryStates>
    </div>
  );
}
