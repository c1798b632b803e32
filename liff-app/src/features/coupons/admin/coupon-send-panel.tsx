import "../../../components/admin.css";
import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { uuid } from "../../../lib/uuid.ts";
import { useSendCoupon } from "../api/admin-coupons.ts";
import { jstDayTime } from "../components/coupon-format.ts";

const LINE_USER_ID = /^U[0-9a-f]{32}$/;

interface SendRow {
  id: string;
  status: string;
  createdAt: number;
  sent: number;
  failed: number;
  batches: number;
}

/**
 * Send the coupon as a Flex card: to its whole audience (multicast batches through the queue) or to one
 * friend. One client key per intent, so a double click or a retry is one send.
 */
export function CouponSendPanel({ couponId, sendable, sends }: { couponId: string; sendable: boolean; sends: SendRow[] }) {
  const send = useSendCoupon(couponId);
  const [confirming, setConfirming] = useState(false);
  const [audienceKey, setAudienceKey] = useState(uuid);
  const [userId, setUserId] = useState("");
  const userIdOk = LINE_USER_ID.test(userId.trim());
  const result = send.data;

  return (
    <section className="card" aria-labelledby="send-title" data-testid="coupon-send">
      <h2 id="send-title" className="card__title">
        <Bi ja="LINE で送る（Flex カード）" en="Send in LINE (Flex card)" />
      </h2>
      {!sendable ? (
        <p className="field__hint">
          <Bi ja="公開中で有効期間内のクーポンだけ送れます。" en="Only an active coupon within its dates can be sent." />
        </p>
      ) : confirming ? (
        <div className="use-now__confirm">
          <p>
            <Bi
              ja="対象の友だち全員に送ります。よろしいですか？（配信数に含まれます）"
              en="This sends to everyone in the audience (counts toward your message quota)."
            />
          </p>
          <button
            type="button"
            className="btn btn--primary"
            disabled={send.isPending}
            onClick={() =>
              send.mutate(
                { to: "audience", clientKey: audienceKey },
                // A retry after an error keeps the key (one send); a new send after success gets a new one.
                { onSuccess: () => setAudienceKey(uuid()), onSettled: () => setConfirming(false) },
              )
            }
          >
            <Bi ja="送信する" en="Send" inline />
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            <Bi ja="やめる" en="Cancel" inline />
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => setConfirming(true)}>
          <Bi ja="対象者全員に送る" en="Send to the audience" inline />
        </button>
      )}
      {sendable ? (
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (userIdOk) send.mutate({ to: "user", userId: userId.trim(), clientKey: uuid() });
          }}
        >
          <div className="field">
            <label htmlFor="send-user">
              <Bi ja="1人に送る（LINE ユーザー ID）" en="Send to one friend (LINE user ID)" inline />
            </label>
            <input id="send-user" className="mono" value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="U0123…" />
          </div>
          <button type="submit" className="btn" disabled={!userIdOk || send.isPending}>
            <Bi ja="送る" en="Send" inline />
          </button>
        </form>
      ) : null}
      {result?.to === "user" ? (
        <p className="notice" role="status">
          {result.delivered ? (
            <Bi ja="送信しました。" en="Sent." inline />
          ) : (
            <Bi ja="LINE が受け付けませんでした。" en="LINE did not accept it." inline />
          )}
        </p>
      ) : null}
      {send.isError ? <ErrorState error={send.error} /> : null}
      {sends.length > 0 ? (
        <table className="admin-table">
          <caption className="visually-hidden">送信履歴 / Sends</caption>
          <thead>
            <tr>
              <th>日時 / When</th>
              <th>状態 / Status</th>
              <th className="num">送信 / Sent</th>
              <th className="num">失敗 / Failed</th>
            </tr>
          </thead>
          <tbody>
            {sends.map((s) => (
              <tr key={s.id}>
                <td>{jstDayTime(s.createdAt)}</td>
                <td>{s.status === "done" ? "完了 / Done" : "送信中 / Sending"}</td>
                <td className="num">{s.sent}</td>
                <td className="num">{s.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
