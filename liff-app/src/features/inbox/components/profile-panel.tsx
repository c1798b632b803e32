import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { formatDate, formatDateTime, formatDay } from "../../../lib/format.ts";
import { type FriendProfile, useAddNote, useDeleteNote, useProfile } from "../api/profile.ts";

const COUPON_STATES: Record<string, [string, string]> = {
  available: ["利用可", "Available"],
  used: ["使用済", "Used"],
  expired: ["期限切れ", "Expired"],
};

function Section({ ja, en, children, testId }: { ja: string; en: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="profile__section" data-testid={testId}>
      <h3>
        <Bi ja={ja} en={en} inline />
      </h3>
      {children}
    </section>
  );
}

function Unavailable() {
  return (
    <p className="field__hint">
      <Bi ja="読み込めませんでした" en="Could not be loaded" inline />
    </p>
  );
}

function Membership({ member }: { member: NonNullable<FriendProfile["member"]> }) {
  if (!member.found)
    return (
      <p className="field__hint">
        <Bi ja="会員情報はありません" en="No membership" inline />
      </p>
    );
  return (
    <dl className="profile__facts">
      <dt>会員番号 / No.</dt>
      <dd className="mono">{member.memberNumber}</dd>
      <dt>連携 / Linked</dt>
      <dd>{member.linked ? "連携済み / linked" : "LINE のみ / LINE only"}</dd>
      <dt>ランク / Rank</dt>
      <dd>{member.rank ? `${member.rank.name} / ${member.rank.nameEn}` : "—"}</dd>
      <dt>ポイント / Points</dt>
      <dd>{member.points ? member.points.balance.toLocaleString() : "—"}</dd>
      <dt>最近の購入 / Purchases</dt>
      <dd>
        {member.purchases === null ? (
          <Unavailable />
        ) : member.purchases.length === 0 ? (
          "—"
        ) : (
          <ul className="profile__purchases" data-testid="profile-purchases">
            {member.purchases.map((p) => (
              <li key={`${p.at}-${p.amountYen}`}>
                {formatDay(p.at)} ¥{p.amountYen.toLocaleString()}
                {p.store?.name ? ` · ${p.store.name}` : ""}
                {p.refunded ? <span className="badge"> 返品 / refunded</span> : null}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

function Notes({ userId, profile, meId }: { userId: string; profile: FriendProfile; meId: string | undefined }) {
  const id = useId();
  const add = useAddNote(userId);
  const remove = useDeleteNote(userId);
  const [body, setBody] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim()) add.mutate(body, { onSuccess: () => setBody("") });
  }
  return (
    <Section ja="社内メモ" en="Internal notes" testId="profile-notes">
      <ul className="notes">
        {profile.notes.map((note) => (
          <li key={note.id} className="note" data-testid="note">
            <p className="note__body">{note.body}</p>
            <p className="field__hint">
              {note.authorName ?? note.authorUserId} · {formatDateTime(note.at)}
              {note.authorUserId === meId ? (
                <button type="button" className="link-button" onClick={() => remove.mutate(note.id)} disabled={remove.isPending}>
                  <Bi ja="削除" en="Delete" inline />
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <form className="field" onSubmit={submit}>
        <label htmlFor={`${id}-note`}>
          <Bi ja="メモを追加（お客様には送られません）" en="Add a note (never sent to the customer)" />
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={body}
          maxLength={2000}
          onChange={(event) => setBody(event.target.value)}
          data-testid="note-input"
        />
        <button type="submit" className="btn btn--small" disabled={!body.trim() || add.isPending} data-testid="note-add">
          <Bi ja="メモを保存" en="Save note" inline />
        </button>
      </form>
      {add.isError ? <ErrorState error={add.error} /> : null}
    </Section>
  );
}

/** The customer beside the chat: tags, membership (rank, points), coupons, survey answers, notes. */
export function ProfilePanel({ userId, meId, extras }: { userId: string; meId: string | undefined; extras?: React.ReactNode }) {
  const profile = useProfile(userId);
  return (
    <QueryStates query={profile}>
      {(p) => (
        <aside className="profile" aria-label="お客様の情報 / Customer profile" data-testid="profile-panel">
          <Section ja="お客様" en="Customer">
            <p className="profile__name">{p.friend.displayName ?? "名前未取得 / No name"}</p>
            {p.friend.statusMessage ? <p className="field__hint">{p.friend.statusMessage}</p> : null}
            <p className="field__hint">{p.friend.followedAt ? `友だち追加 / Friend since ${formatDate(p.friend.followedAt)}` : null}</p>
          </Section>
          <Section ja="タグ" en="Tags" testId="profile-tags">
            {p.tags === null ? (
              <Unavailable />
            ) : p.tags.length === 0 ? (
              <p className="field__hint">—</p>
            ) : (
              <ul className="tag-list">
                {p.tags.map((t) => (
                  <li key={t.id} className="chip" style={t.color ? { borderColor: t.color } : undefined}>
                    {t.name}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section ja="会員" en="Membership" testId="profile-member">
            {p.member === null ? <Unavailable /> : <Membership member={p.member} />}
          </Section>
          <Section ja="クーポン" en="Coupons">
            {p.coupons === null ? (
              <Unavailable />
            ) : p.coupons.length === 0 ? (
              <p className="field__hint">—</p>
            ) : (
              <ul className="profile__list">
                {p.coupons.map((c) => {
                  const [ja, en] = COUPON_STATES[c.state] ?? [c.state, c.state];
                  return (
                    <li key={c.grantId}>
                      {c.title}{" "}
                      <span className="field__hint">
                        ({ja} / {en})
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </Section>
          <Section ja="アンケート回答" en="Survey answers">
            {p.surveys === null ? (
              <Unavailable />
            ) : p.surveys.length === 0 ? (
              <p className="field__hint">—</p>
            ) : (
              p.surveys.map((s) => (
                <details key={`${s.surveyTitle}-${s.submittedAt}`}>
                  <summary>{s.surveyTitle}</summary>
                  <dl className="profile__facts">
                    {s.answers.map((a) => (
                      <div key={a.question}>
                        <dt>{a.question}</dt>
                        <dd>{a.answer || "—"}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ))
            )}
          </Section>
          {extras}
          <Notes userId={userId} profile={p} meId={meId} />
        </aside>
      )}
    </QueryStates>
  );
}
