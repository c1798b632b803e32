import {
  type BroadcastMessage,
  BroadcastMessagesSchema,
  isLinkCode,
  listLinkCodes,
  MAX_BROADCAST_MESSAGES,
  type PersonalValues,
  personaliseMessages,
} from "@enishi/shared/broadcasts/index";
import { useRef } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ChoiceSelect } from "../../../components/choice-select.tsx";
import { PlaceholderHelp } from "../../../components/placeholder-help.tsx";

/** A message as edited: Flex contents stay text until review, so half-typed JSON is not lost. */
export type MessageDraft =
  | { type: "text"; text: string }
  | { type: "image"; originalContentUrl: string; previewImageUrl: string }
  | { type: "flex"; altText: string; json: string }
  | { type: "coupon"; couponId: string };

const NEW: Record<MessageDraft["type"], MessageDraft> = {
  text: { type: "text", text: "" },
  image: { type: "image", originalContentUrl: "https://", previewImageUrl: "https://" },
  flex: {
    type: "flex",
    altText: "",
    json: '{\n  "type": "bubble",\n  "body": { "type": "box", "layout": "vertical", "contents": [{ "type": "text", "text": "{name}さんへ" }] }\n}',
  },
  coupon: { type: "coupon", couponId: "" },
};

/** The drafts as messages the API accepts, or what is wrong with them (Japanese first). */
export function toMessages(drafts: readonly MessageDraft[]): { messages: BroadcastMessage[] } | { error: string } {
  const messages: unknown[] = [];
  for (const [i, d] of drafts.entries()) {
    if (d.type !== "flex") {
      messages.push(d);
      continue;
    }
    try {
      messages.push({ type: "flex", altText: d.altText, contents: JSON.parse(d.json) });
    } catch {
      return { error: `メッセージ${i + 1}: Flex の JSON が正しくありません / Message ${i + 1}: the Flex JSON does not parse` };
    }
  }
  const parsed = BroadcastMessagesSchema.safeParse(messages);
  if (parsed.success) return { messages: parsed.data };
  const issue = parsed.error.issues[0];
  const where = typeof issue?.path[0] === "number" ? `メッセージ${issue.path[0] + 1} / Message ${issue.path[0] + 1}: ` : "";
  return { error: `${where}${issue?.message ?? "入力を確認してください / Check the messages"}` };
}

const SAMPLE = { name: "佐藤 花子", rank: "ゴールド", points: "1,200" };

/**
 * Sample values for a preview of `messages`: each well-formed {link:CODE} shows the shape of the URL a
 * friend gets (the real one carries their own signature, made when it is sent).
 */
export function sampleValues(messages: readonly BroadcastMessage[]): PersonalValues {
  const origin = typeof location === "undefined" ? "https://example.com" : location.origin;
  const codes = listLinkCodes(messages).filter(isLinkCode);
  return { ...SAMPLE, links: new Map(codes.map((code) => [code, `${origin}/r/${encodeURIComponent(code)}?u=U…`])) };
}

function TextDraft({ draft, onChange }: { draft: Extract<MessageDraft, { type: "text" }>; onChange: (d: MessageDraft) => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  function insert(token: string) {
    const el = ref.current;
    const at = el?.selectionStart ?? draft.text.length;
    onChange({ ...draft, text: `${draft.text.slice(0, at)}${token}${draft.text.slice(el?.selectionEnd ?? at)}` });
  }
  const message = { type: "text" as const, text: draft.text };
  const preview = personaliseMessages([message], sampleValues([message]))[0];
  return (
    <>
      <textarea
        ref={ref}
        rows={4}
        maxLength={5000}
        aria-label="本文 / Text"
        value={draft.text}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
      />
      <span className="bc-inline">
        {(["{name}", "{rank}", "{points}"] as const).map((token) => (
          <button key={token} type="button" className="btn btn--small" onClick={() => insert(token)}>
            {token}
          </button>
        ))}
        <span className="field__hint">{draft.text.length.toLocaleString()} / 5,000</span>
      </span>
      <PlaceholderHelp />
      {preview?.type === "text" && preview.text !== draft.text ? (
        <p className="field__hint">
          <Bi ja="例" en="e.g." inline />: {preview.text}
        </p>
      ) : null}
    </>
  );
}

function DraftBody({
  draft,
  coupons,
  onChange,
}: {
  draft: MessageDraft;
  coupons: { id: string; title: string }[];
  onChange: (d: MessageDraft) => void;
}) {
  switch (draft.type) {
    case "text":
      return <TextDraft draft={draft} onChange={onChange} />;
    case "image":
      return (
        <>
          <input
            aria-label="画像URL / Image URL"
            value={draft.originalContentUrl}
            onChange={(e) => onChange({ ...draft, originalContentUrl: e.target.value })}
          />
          <input
            aria-label="プレビュー画像URL / Preview URL"
            value={draft.previewImageUrl}
            onChange={(e) => onChange({ ...draft, previewImageUrl: e.target.value })}
          />
        </>
      );
    case "flex":
      return (
        <>
          <input
            aria-label="代替テキスト / Alt text"
            maxLength={1500}
            value={draft.altText}
            placeholder="通知に表示される文 / shown in notifications"
            onChange={(e) => onChange({ ...draft, altText: e.target.value })}
          />
          <textarea
            rows={8}
            className="mono"
            aria-label="Flex JSON"
            value={draft.json}
            onChange={(e) => onChange({ ...draft, json: e.target.value })}
          />
          <PlaceholderHelp />
        </>
      );
    case "coupon":
      return (
        <ChoiceSelect
          aria-label="クーポン / Coupon"
          none="選んでください / choose…"
          choices={coupons}
          label={(c) => c.title}
          value={draft.couponId}
          onChange={(couponId) => onChange({ ...draft, couponId })}
        />
      );
  }
}

/** Up to 5 messages: text (with {name}/{rank}/{points}/{link:CODE}), image, Flex JSON or a coupon card. */
export function MessageEditor({
  drafts,
  coupons,
  onChange,
}: {
  drafts: MessageDraft[];
  coupons: { id: string; title: string }[];
  onChange: (d: MessageDraft[]) => void;
}) {
  return (
    <fieldset className="bc-messages">
      <legend>
        <Bi ja={`メッセージ（${MAX_BROADCAST_MESSAGES}つまで）`} en={`Messages (up to ${MAX_BROADCAST_MESSAGES})`} inline />
      </legend>
      {drafts.map((draft, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a message's place in the list is its identity
        <div key={i} className="bc-message field">
          <span className="bc-inline">
            <strong>{i + 1}.</strong>
            <select
              aria-label="種類 / Type"
              value={draft.type}
              onChange={(e) => onChange(drafts.map((d, j) => (j === i ? NEW[e.target.value as MessageDraft["type"]] : d)))}
            >
              <option value="text">テキスト / Text</option>
              <option value="image">画像 / Image</option>
              <option value="flex">Flex</option>
              <option value="coupon" disabled={coupons.length === 0}>
                クーポン / Coupon card
              </option>
            </select>
            <button
              type="button"
              className="btn btn--small"
              disabled={drafts.length === 1}
              onClick={() => onChange(drafts.filter((_, j) => j !== i))}
            >
              <Bi ja="削除" en="Remove" inline />
            </button>
          </span>
          <DraftBody draft={draft} coupons={coupons} onChange={(next) => onChange(drafts.map((d, j) => (j === i ? next : d)))} />
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small"
        disabled={drafts.length >= MAX_BROADCAST_MESSAGES}
        onClick={() => onChange([...drafts, NEW.text])}
      >
        <Bi ja="＋ メッセージを追加" en="Add message" inline />
      </button>
    </fieldset>
  );
}
