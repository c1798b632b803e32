import {
  type Audience,
  type BroadcastEstimate,
  type BroadcastMessage,
  DEFAULT_QUIET_HOURS,
  formatJst,
} from "@enishi/shared/broadcasts/index";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { Field } from "../../components/field.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorState } from "../../components/states.tsx";
import { useAudienceChoices, useCreateBroadcast, useEstimate } from "./api/broadcasts.ts";
import { type MessageDraft, MessageEditor, toMessages } from "./components/message-editor.tsx";
import "./broadcasts.css";

interface Review {
  messages: BroadcastMessage[];
  estimate: BroadcastEstimate;
}

/** "2026-04-01T10:00" typed in the form is Japan time, whatever the browser's zone. */
function jstInputToMs(value: string): number {
  return Date.parse(`${value}:00+09:00`);
}

function EstimatePanel({ estimate }: { estimate: BroadcastEstimate }) {
  const quota = estimate.quota;
  return (
    <dl className="bc-estimate" data-testid="broadcast-estimate">
      <dt>宛先 / Recipients</dt>
      <dd>{estimate.recipients.toLocaleString()} 人</dd>
      <dt>LINE API リクエスト / Requests</dt>
      <dd>
        {estimate.requests.toLocaleString()}{" "}
        {estimate.personalised ? "（個別送信 / one push each）" : "（500人ずつ一斉送信 / multicast ×500）"}
      </dd>
      <dt>数えられる通数 / Messages counted</dt>
      <dd>{estimate.messagesCounted.toLocaleString()} 通</dd>
      <dt>今月の残り / Quota left</dt>
      <dd>
        {quota === null
          ? "取得できませんでした / unavailable"
          : quota.type === "none"
            ? "上限なし / no limit"
            : `${(quota.left ?? 0).toLocaleString()} / ${(quota.limit ?? 0).toLocaleString()} 通`}
      </dd>
      <dt>超過 / Over quota</dt>
      <dd className={estimate.overQuota > 0 ? "field__error" : undefined}>
        {estimate.overQuota > 0
          ? `${estimate.overQuota.toLocaleString()} 通（スタンダードプランなら追加料金 最大 ¥${estimate.additionalCostYen.toLocaleString()}。ライト・コミュニケーションプランでは上限で一時停止します / up to ¥${estimate.additionalCostYen.toLocaleString()} on Standard; other plans pause at the quota）`
          : "なし / none"}
      </dd>
    </dl>
  );
}

/** /admin/broadcasts/new — compose, choose who and when, review recipients, quota and cost, then send. */
export default function BroadcastComposerPage() {
  const [, navigate] = useLocation();
  const choices = useAudienceChoices();
  const estimate = useEstimate();
  const create = useCreateBroadcast();
  const [name, setName] = useState("");
  const [audience, setAudience] = useState<Audience>({ type: "everyone" });
  const [drafts, setDrafts] = useState<MessageDraft[]>([{ type: "text", text: "" }]);
  const [when, setWhen] = useState<{ type: "now" } | { type: "at"; local: string }>({ type: "now" });
  const [quiet, setQuiet] = useState(true);
  const [review, setReview] = useState<Review | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function startReview(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const built = toMessages(drafts);
    if ("error" in built) return setProblem(built.error);
    if (!name.trim()) return setProblem("配信名を入力してください / Give the broadcast a name");
    if (when.type === "at" && !(jstInputToMs(when.local) > Date.now()))
      return setProblem("未来の日時を選んでください / Pick a time in the future");
    estimate.mutate({ audience, messages: built.messages }, { onSuccess: (e) => setReview({ messages: built.messages, estimate: e }) });
  }

  function send() {
    if (!review) return;
    create.mutate(
      {
        name: name.trim(),
        audience,
        messages: review.messages,
        schedule: when.type === "now" ? { type: "now" } : { type: "at", at: jstInputToMs(when.local) },
        quietHours: quiet ? DEFAULT_QUIET_HOURS : null,
      },
      { onSuccess: (b) => navigate(`/admin/broadcasts/${b.id}`) },
    );
  }

  return (
    <div className="page page--wide">
      <PageHeader ja="新しい配信" en="New broadcast" back={{ href: "/admin/broadcasts", ja: "配信", en: "Broadcasts" }} />
      <form className="card" onSubmit={startReview} noValidate onChange={() => setReview(null)}>
        <Field id="bc-name" ja="配信名（管理用）" en="Name (for you)">
          {(p) => <input {...p} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="bc-audience" ja="宛先" en="Audience">
          {(p) => (
            <ChoiceSelect
              {...p}
              none="フォロー中の全員 / everyone following"
              choices={choices.data?.segments ?? []}
              label={(s) => `セグメント: ${s.name}`}
              value={audience.type === "everyone" ? "" : audience.segmentId}
              onChange={(segmentId) => setAudience(segmentId ? { type: "segment", segmentId } : { type: "everyone" })}
            />
          )}
        </Field>
        <MessageEditor
          drafts={drafts}
          coupons={choices.data?.coupons ?? []}
          onChange={(d) => {
            setDrafts(d);
            setReview(null);
          }}
        />
        <fieldset className="field">
          <legend>
            <Bi ja="配信日時" en="When" inline />
          </legend>
          <label className="bc-choice">
            <input type="radio" name="when" checked={when.type === "now"} onChange={() => setWhen({ type: "now" })} />
            <Bi ja="今すぐ" en="Now" inline />
          </label>
          <label className="bc-choice">
            <input
              type="radio"
              name="when"
              checked={when.type === "at"}
              onChange={() => setWhen({ type: "at", local: formatJst(Date.now() + 3_600_000).replace(" ", "T") })}
            />
            <Bi ja="日時を指定（日本時間）" en="At (Japan time)" inline />
          </label>
          {when.type === "at" ? (
            <input
              type="datetime-local"
              aria-label="配信日時 / Send at"
              value={when.local}
              onChange={(e) => setWhen({ type: "at", local: e.target.value })}
            />
          ) : null}
          <label className="bc-choice">
            <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
            <Bi ja="21:00〜9:00 は送らない（9:00 に送信）" en="Not between 21:00 and 9:00 (sent at 9:00)" inline />
          </label>
        </fieldset>
        {problem ? (
          <p className="field__error" role="alert">
            {problem}
          </p>
        ) : null}
        {estimate.error ? <ErrorState error={estimate.error} /> : null}
        <button type="submit" className="btn" disabled={estimate.isPending}>
          <Bi
            ja={estimate.isPending ? "確認中…" : "宛先と費用を確認"}
            en={estimate.isPending ? "Checking…" : "Review recipients and cost"}
            inline
          />
        </button>
      </form>
      {review ? (
        <section className="card" aria-labelledby="bc-review">
          <h2 id="bc-review" className="card__title">
            <Bi ja="送信前の確認" en="Before sending" inline />
          </h2>
          <EstimatePanel estimate={review.estimate} />
          {create.error ? <ErrorState error={create.error} /> : null}
          <button type="button" className="btn btn--primary" disabled={create.isPending || review.estimate.recipients === 0} onClick={send}>
            <Bi
              ja={when.type === "now" ? `${review.estimate.recipients.toLocaleString()}人に送信` : "予約する"}
              en={when.type === "now" ? `Send to ${review.estimate.recipients.toLocaleString()}` : "Schedule"}
              inline
            />
          </button>
        </section>
      ) : null}
    </div>
  );
}
