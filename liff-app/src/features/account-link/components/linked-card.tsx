import { useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type LinkStatus, useUnlinkMember } from "../api/link-status.ts";

const METHOD_NAMES: Record<string, [string, string]> = {
  liff: ["会員番号で連携", "linked with your member number"],
  account_link: ["ショップのアカウントで連携", "linked through your shop account"],
};

/** The current link, and unlinking with a confirmation that says what it changes. */
export function LinkedCard({ status }: { status: LinkStatus & { member: NonNullable<LinkStatus["member"]> } }) {
  const unlink = useUnlinkMember();
  const [confirming, setConfirming] = useState(false);
  const how = status.method ? METHOD_NAMES[status.method] : undefined;
  return (
    <section className="card" aria-labelledby="linked-title" data-testid="link-status" data-linked="true">
      <h2 id="linked-title" className="card__title">
        <span className="badge badge--green">
          <Bi ja="連携済み" en="Linked" inline />
        </span>
      </h2>
      <p>
        <Bi
          ja={`${status.member.name} 様（会員番号 ${status.member.memberNumber}）とこの LINE アカウントは連携しています。`}
          en={`This LINE account is linked to ${status.member.name} (member ${status.member.memberNumber}).`}
        />
      </p>
      {status.linkedAt ? (
        <p className="field__hint">
          <Bi
            ja={`${formatDateTime(status.linkedAt)} に${how?.[0] ?? "連携"}`}
            en={`Since ${formatDateTime(status.linkedAt)}, ${how?.[1] ?? "linked"}`}
          />
        </p>
      ) : null}
      {confirming ? (
        <div className="notice" role="alertdialog" aria-labelledby="unlink-confirm">
          <p id="unlink-confirm">
            <Bi
              ja="連携を解除すると、会員証にはお店のポイントとランクが表示されなくなり、LINE だけの会員証に戻ります。会員情報とポイントはお店に残り、もう一度連携すれば元に戻ります。"
              en="After unlinking, your card no longer shows your shop points and rank; you get a LINE-only card. Your membership and points stay with the shop, and linking again brings them back."
            />
          </p>
          <p className="link-actions">
            <button
              type="button"
              className="btn btn--danger"
              disabled={unlink.isPending}
              onClick={() => unlink.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {unlink.isPending ? <Bi ja="解除中…" en="Unlinking…" inline /> : <Bi ja="解除する" en="Unlink" inline />}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={unlink.isPending}>
              <Bi ja="やめる" en="Cancel" inline />
            </button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" className="btn" onClick={() => setConfirming(true)} data-testid="unlink">
            <Bi ja="連携を解除する" en="Unlink" inline />
          </button>
        </p>
      )}
      {unlink.isError ? <ErrorState error={unlink.error} onRetry={() => unlink.mutate()} /> : null}
    </section>
  );
}
