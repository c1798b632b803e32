import type { ConditionName } from "@enishi/shared";
import { type ReactNode, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, QueryStates } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type FriendMenu, useFriendMenu, useFriendSearch } from "../api/friends.ts";
import { MenuBoard } from "./menu-board.tsx";

const FAILED: Record<ConditionName, [string, string]> = {
  "tags.all": ["必要なタグがない", "missing a required tag"],
  "tags.any": ["どのタグも持っていない", "has none of the tags"],
  "tags.none": ["除外タグを持っている", "has an excluded tag"],
  ranks: ["ランクが違う", "other rank"],
  stores: ["店舗が違う", "other store"],
  linked: ["会員連携の状態が違う", "link state differs"],
};

type ShownMenu = NonNullable<FriendMenu["shownMenu"]>;

/** The menu inside a phone frame, with its chat-bar text: what the friend sees under the chat. */
function PhonePreview({ menu }: { menu: ShownMenu }) {
  return (
    <div className="rm-phone" data-testid="friend-menu-preview">
      <div className="rm-phone__chat" />
      {menu.size ? (
        <MenuBoard
          menuId={menu.id}
          uploadedAt={menu.image?.uploadedAt}
          size={menu.size}
          areas={menu.areas}
          label={`${menu.name}（プレビュー / preview）`}
        />
      ) : null}
      <div className="rm-phone__bar">{menu.chatBarText} ▼</div>
    </div>
  );
}

function Explanation({ data, tagsSlot }: { data: FriendMenu; tagsSlot?: ReactNode }) {
  const { facts, decision } = data;
  return (
    <div className="rm-split">
      <div className="rm-stack">
        <p data-testid="friend-menu-decision">
          <strong>
            {decision.ruleName ? (
              <Bi
                ja={`ルール「${decision.ruleName}」で「${data.chosenMenu?.name ?? "なし"}」`}
                en={`Rule “${decision.ruleName}” picks “${data.chosenMenu?.name ?? "none"}”`}
              />
            ) : (
              <Bi
                ja={`どのルールにも当てはまらず、デフォルト「${data.chosenMenu?.name ?? "なし"}」`}
                en={`No rule matched: the default “${data.chosenMenu?.name ?? "none"}”`}
              />
            )}
          </strong>
        </p>
        <span className={`badge ${data.inSync ? "badge--green" : "badge--danger"}`} role="status" style={{ justifySelf: "start" }}>
          {data.inSync ? (
            <Bi ja="LINE と一致" en="In sync with LINE" inline />
          ) : (
            <Bi ja="LINE に反映中…" en="Being applied on LINE…" inline />
          )}
        </span>
        {data.shownMenu ? (
          <PhonePreview menu={data.shownMenu} />
        ) : (
          <EmptyState ja="この友だちにはメニューが表示されません。" en="This friend sees no rich menu." />
        )}
        <p className="field__hint">
          {data.link.viaDefault ? (
            <Bi ja="個別のメニューはなく、LINE のデフォルトメニューが表示されます。" en="No per-user link: LINE shows the default menu." />
          ) : (
            <Bi ja={`個別にリンク済み（${data.link.updatedAt ? formatDateTime(data.link.updatedAt) : "-"}）`} en="Linked to this friend" />
          )}
        </p>
      </div>
      <div className="rm-stack">
        <div className="card">
          <h3 className="card__title">
            <Bi ja="この友だちの情報" en="What the policy sees" />
          </h3>
          <p className="rm-row">
            <span className="badge">
              <Bi ja={`ランク ${facts.rank?.name ?? "—"}`} en={`Rank ${facts.rank?.nameEn ?? "—"}`} inline />
            </span>
            <span className="badge">
              <Bi ja={`店舗 ${facts.store?.name ?? "—"}`} en="Store" inline />
            </span>
            <span className={`badge${facts.linked ? " badge--green" : ""}`}>
              {facts.linked ? <Bi ja="会員連携済み" en="Linked" inline /> : <Bi ja="未連携" en="Not linked" inline />}
            </span>
          </p>
          {tagsSlot ?? <p>{facts.tags.map((t) => t.name).join("、") || "—"}</p>}
        </div>
        <table className="rm-table" data-testid="friend-menu-rules">
          <caption className="visually-hidden">ルールの判定 / How each rule decided</caption>
          <thead>
            <tr>
              <th>#</th>
              <th>
                <Bi ja="ルール" en="Rule" inline />
              </th>
              <th>
                <Bi ja="判定" en="Result" inline />
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rules.map((rule, i) => (
              <tr key={rule.ruleId} className={rule.chosen ? "rm-rule--chosen" : undefined}>
                <td>{i + 1}</td>
                <td>{rule.name}</td>
                <td>
                  {!rule.enabled ? (
                    <Bi ja="無効" en="Off" inline />
                  ) : rule.failed ? (
                    <>
                      ✗ {FAILED[rule.failed][0]} / <span lang="en">{FAILED[rule.failed][1]}</span>
                    </>
                  ) : rule.chosen ? (
                    <strong>
                      ✓ <Bi ja="採用" en="Chosen" inline />
                    </strong>
                  ) : (
                    <>
                      ✓ <Bi ja="（上のルールが優先）" en="(an earlier rule won)" inline />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * For any friend: which rule chooses their menu and why the rules above it did not, and the menu as they see
 * it. `renderTags` lets the page put a tag editor here (tags are another feature).
 */
export function FriendPreview({ renderTags }: { renderTags?: (userId: string) => ReactNode }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [userId, setUserId] = useState<string | null>(null);
  const search = useFriendSearch(q);
  const friend = useFriendMenu(userId);
  return (
    <div className="rm-stack">
      <div className="field">
        <label htmlFor={`${id}-q`}>
          <Bi ja="友だちを探す（名前または ID）" en="Find a friend (name or ID)" inline />
        </label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="rm-row" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="見つかった友だち / Friends found">
        {search.data?.friends.map((f) => (
          <li key={f.userId}>
            <button type="button" className="btn btn--small" aria-pressed={f.userId === userId} onClick={() => setUserId(f.userId)}>
              {f.displayName ?? f.userId.slice(0, 9)}
              {f.status === "blocked" ? "（ブロック中）" : ""}
            </button>
          </li>
        ))}
      </ul>
      {userId === null ? null : (
        <QueryStates query={friend}>{(data) => <Explanation data={data} tagsSlot={renderTags?.(userId)} />}</QueryStates>
      )}
    </div>
  );
}
