import { useState } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { Field } from "../../components/field.tsx";
import { FormProblem } from "../../components/form-feedback.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryStates } from "../../components/states.tsx";
import { useErasePersonalData, useExportPersonalData, useFriendLookup } from "./api/personal-data.ts";
import "./personal-data.css";

interface Friend {
  userId: string;
  displayName: string | null;
  status: string;
}

const DELETED: [string, string][] = [
  ["友だちのプロフィール（表示名・画像・言語）", "the friend's profile (name, picture, language)"],
  ["トーク履歴、スタッフのメモ、有人対応の履歴", "messages in and out, staff notes, handover history"],
  ["タグとその履歴、アンケート回答", "tags and their history, survey responses"],
  ["ステップ配信の進行、リッチメニューの個別設定", "scenario progress, the per-user rich menu"],
  ["会員情報の氏名・生年月日・電話番号と LINE との連携", "the member's name, birthday, phone and the LINE link"],
];
const KEPT: [string, string][] = [
  ["ポイント履歴（会計のため。残高は失効）", "the points ledger (accounting; the balance is forfeited)"],
  ["クーポンの発行・利用の記録（未使用分は無効に）", "coupon issue/redemption records (unused copies expire)"],
  ["リンクのクリック数、連携数、配信数などの集計", "click, link and delivery counts"],
  ["スタッフの操作記録（本人の代わりに無作為の仮名）", "staff audit entries (a random pseudonym instead of the person)"],
];

function ExportPanel({ friend }: { friend: Friend }) {
  const exporter = useExportPersonalData();
  return (
    <section className="card" aria-labelledby="pd-export">
      <h2 id="pd-export" className="card__title">
        <Bi ja="個人データを書き出す" en="Export personal data" />
      </h2>
      <p className="field__hint">
        <Bi
          ja="Enishi が保存しているこの方のデータを 1 つの JSON ファイルとしてダウンロードします（開示請求への対応）。書き出しは記録されます。"
          en="Downloads everything Enishi holds about this person as one JSON file (for a disclosure request). The export is audited."
        />
      </p>
      <button type="button" className="btn" disabled={exporter.isPending} onClick={() => exporter.mutate(friend.userId)}>
        <Bi ja="個人データを書き出す" en="Export personal data" inline />
      </button>
      <FormProblem error={exporter.error} />
      {exporter.data ? (
        <p className="notice" role="status">
          <Bi
            ja={`書き出しました（${exporter.data.sections} 種類のデータ）。`}
            en={`Exported (${exporter.data.sections} kinds of data).`}
          />
        </p>
      ) : null}
    </section>
  );
}

function ErasePanel({ friend, onErased }: { friend: Friend; onErased: (pseudonym: string) => void }) {
  const [confirm, setConfirm] = useState("");
  const erase = useErasePersonalData();
  return (
    <section className="card" aria-labelledby="pd-erase">
      <h2 id="pd-erase" className="card__title">
        <Bi ja="個人データを削除" en="Erase personal data" />
      </h2>
      <div className="pd-warning" role="note">
        <strong>
          <Bi ja="元に戻せません。先に書き出しておくことをおすすめします。" en="This cannot be undone. Export first." />
        </strong>
        <div>
          <Bi ja="削除されるもの" en="Deleted" />
          <ul>
            {DELETED.map(([ja, en]) => (
              <li key={en}>
                <Bi ja={ja} en={en} inline />
              </li>
            ))}
          </ul>
        </div>
        <div>
          <Bi ja="本人が分からない形で残るもの" en="Kept, without the person" />
          <ul>
            {KEPT.map(([ja, en]) => (
              <li key={en}>
                <Bi ja={ja} en={en} inline />
              </li>
            ))}
          </ul>
        </div>
        <p className="field__hint">
          <Bi
            ja="LINE 上のトーク画面や友だち関係は LINE 側に残ります。この方が再びメッセージを送ると、新しい友だちとして登録されます。"
            en="LINE itself keeps the chat and the friendship. If this person writes again, they appear as a new friend."
          />
        </p>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          erase.mutate({ userId: friend.userId, confirm }, { onSuccess: (result) => onErased(result.pseudonym) });
        }}
      >
        <Field
          ja="確認のため LINE ユーザー ID か会員番号を入力"
          en="Type the LINE user ID or member number to confirm"
          hint={{ ja: `LINE ユーザー ID: ${friend.userId}`, en: "as shown above" }}
        >
          {(props) => <input {...props} value={confirm} autoComplete="off" onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        <FormProblem error={erase.error} />
        <button type="submit" className="btn btn--danger" disabled={erase.isPending || confirm.trim() === ""}>
          <Bi ja="個人データを削除" en="Erase personal data" inline />
        </button>
      </form>
    </section>
  );
}

/** /admin/personal-data — find a friend, then export or erase what Enishi holds about them (decision 023). */
export default function PersonalDataPage() {
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState<Friend | null>(null);
  const [erased, setErased] = useState<{ name: string; pseudonym: string } | null>(null);
  const search = useFriendLookup(q);
  return (
    <div className="page">
      <PageHeader ja="個人データ" en="Personal data" />
      <p className="field__hint">
        <Bi
          ja="お客様からの開示・削除（利用停止）の請求に対応します。管理者のみが操作でき、すべて記録されます。"
          en="Answer a customer's request to disclose or delete their data. Admins only; every action is audited."
        />
      </p>
      {erased ? (
        <p className="notice" role="status">
          <Bi
            ja={`「${erased.name}」の個人データを削除しました（記録上の仮名: ${erased.pseudonym}）。`}
            en={`Erased the personal data of “${erased.name}” (recorded as ${erased.pseudonym}).`}
          />
        </p>
      ) : null}
      <Field ja="友だちを探す（表示名・会員番号・LINE ユーザー ID）" en="Find a friend (display name, member number or LINE user ID)">
        {(props) => <input {...props} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <QueryStates query={search} empty={{ when: (data) => data.friends.length === 0, ja: "見つかりません。", en: "No friend found." }}>
        {(data) => (
          <ul className="pd-results" aria-label="友だち / Friends">
            {data.friends.map((f) => (
              <li key={f.userId}>
                <button
                  type="button"
                  className="btn"
                  aria-pressed={selected?.userId === f.userId}
                  onClick={() => {
                    setSelected(f);
                    setErased(null);
                  }}
                >
                  {f.displayName ?? "（名前なし / no name）"} <small className="field__hint">{f.userId}</small>
                  {f.status === "blocked" ? <small> · ブロック中 / blocked</small> : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
      {selected ? (
        <div className="pd-actions" key={selected.userId}>
          <h2>
            {selected.displayName ?? "（名前なし / no name）"} <small className="field__hint">{selected.userId}</small>
          </h2>
          <ExportPanel friend={selected} />
          <ErasePanel
            friend={selected}
            onErased={(pseudonym) => {
              setErased({ name: selected.displayName ?? selected.userId, pseudonym });
              setSelected(null);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
