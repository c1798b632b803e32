const LABELS: Record<string, [string, string, string]> = {
  scheduled: ["予約済み", "Scheduled", ""],
  sending: ["配信中", "Sending", "badge--green"],
  paused: ["一時停止", "Paused", "badge--danger"],
  completed: ["完了", "Completed", "badge--green"],
  cancelled: ["取り消し", "Cancelled", ""],
  failed: ["失敗", "Failed", "badge--danger"],
  queued: ["待機中", "Queued", ""],
  sent: ["送信済み", "Sent", "badge--green"],
};

export const PAUSE_REASONS: Record<string, [string, string]> = {
  rate_limited: ["LINE のレート制限（しばらくして自動再開）", "LINE rate limit (resumes by itself)"],
  quota_exhausted: ["今月の送信上限に達しました", "Monthly message quota used up"],
  quiet_hours: ["配信しない時間帯です", "Quiet hours"],
  stalled: ["処理が止まっていました", "Stalled"],
};

export function StatusBadge({ status }: { status: string }) {
  const [ja, en, tone] = LABELS[status] ?? [status, status, ""];
  return (
    <span className={`badge ${tone}`}>
      {ja} / {en}
    </span>
  );
}
