import type { PolicyRule, RichMenuPolicy } from "@enishi/shared";
import { useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState, QueryStates } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { uuid } from "../../../lib/uuid.ts";
import type { Menu } from "../api/menus.ts";
import { type PolicyView, usePolicy, useSavePolicy } from "../api/policy.ts";
import { RuleConditions } from "./rule-conditions.tsx";

function newRule(menus: Menu[]): PolicyRule {
  return {
    id: uuid().slice(0, 8),
    name: "新しいルール",
    enabled: true,
    menuId: menus.find((m) => m.published)?.id ?? "",
    conditions: { tags: { all: [], any: [], none: [] }, ranks: [], stores: [], linked: null },
  };
}

function MenuSelect(props: {
  id: string;
  value: string;
  menus: Menu[];
  onChange: (id: string) => void;
  allowNone?: boolean;
  invalid: boolean;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      aria-invalid={props.invalid ? true : undefined}
    >
      {props.allowNone ? <option value="">なし（メニューを表示しない）/ None</option> : null}
      {props.allowNone || props.value ? null : <option value="">選んでください / Choose</option>}
      {props.menus.map((m) => (
        <option key={m.id} value={m.id} disabled={!m.published}>
          {m.name}
          {m.published ? "" : "（未公開 / not published）"}
        </option>
      ))}
    </select>
  );
}

function Editor({ view, menus }: { view: PolicyView; menus: Menu[] }) {
  const id = useId();
  const save = useSavePolicy();
  const [draft, setDraft] = useState<RichMenuPolicy>(view.policy);
  const [version, setVersion] = useState(view.version);
  if (view.version !== version && !save.isPending) {
    setVersion(view.version);
    setDraft(view.policy);
  }
  const issues = save.error instanceof ApiError ? save.error.fieldIssues : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  const setRule = (index: number, rule: PolicyRule) => setDraft({ ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) });
  const move = (index: number, by: number) => {
    const rules = [...draft.rules];
    const [rule] = rules.splice(index, 1);
    if (rule) rules.splice(index + by, 0, rule);
    setDraft({ ...draft, rules });
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(view.policy);

  return (
    <form
      className="rm-stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...draft, version: view.version });
      }}
      noValidate
    >
      <p className="field__hint">
        <Bi
          ja="上のルールから順に判定し、最初に条件をすべて満たしたルールのメニューを表示します。"
          en="Rules are tried top to bottom; the first whose conditions all hold picks the menu."
        />
      </p>
      {draft.rules.map((rule, index) => (
        <fieldset key={rule.id} className="card rm-rule" data-testid="policy-rule">
          <legend className="card__title">
            {index + 1}. {rule.name}
          </legend>
          <div className="rm-row">
            <input
              aria-label="ルール名 / Rule name"
              value={rule.name}
              onChange={(e) => setRule(index, { ...rule, name: e.target.value })}
              style={{ flex: 1, minHeight: 40 }}
            />
            <label className="rm-row">
              <input type="checkbox" checked={rule.enabled} onChange={(e) => setRule(index, { ...rule, enabled: e.target.checked })} />
              <Bi ja="有効" en="On" inline />
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-menu-${index}`}>
              <Bi ja="表示するメニュー" en="Menu to show" inline />
            </label>
            <MenuSelect
              id={`${id}-menu-${index}`}
              value={rule.menuId}
              menus={menus}
              onChange={(menuId) => setRule(index, { ...rule, menuId })}
              invalid={Boolean(issue(`rules.${index}.menuId`))}
            />
            {issue(`rules.${index}.menuId`) ? <p className="field__error">{issue(`rules.${index}.menuId`)}</p> : null}
          </div>
          <RuleConditions
            conditions={rule.conditions}
            choices={view.choices}
            onChange={(conditions) => setRule(index, { ...rule, conditions })}
          />
          <div className="rm-row">
            <button type="button" className="btn btn--small" disabled={index === 0} onClick={() => move(index, -1)}>
              ↑ <Bi ja="上へ" en="Up" inline />
            </button>
            <button type="button" className="btn btn--small" disabled={index === draft.rules.length - 1} onClick={() => move(index, 1)}>
              ↓ <Bi ja="下へ" en="Down" inline />
            </button>
            <button
              type="button"
              className="btn btn--small btn--danger"
              onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, i) => i !== index) })}
            >
              <Bi ja="削除" en="Remove" inline />
            </button>
          </div>
        </fieldset>
      ))}
      <div>
        <button
          type="button"
          className="btn"
          onClick={() => setDraft({ ...draft, rules: [...draft.rules, newRule(menus)] })}
          disabled={draft.rules.length >= 100}
        >
          ＋ <Bi ja="ルールを追加" en="Add a rule" inline />
        </button>
      </div>
      <div className="card field">
        <label htmlFor={`${id}-default`}>
          <Bi ja="どのルールにも当てはまらないとき（デフォルト）" en="When no rule matches (default)" inline />
        </label>
        <MenuSelect
          id={`${id}-default`}
          value={draft.defaultMenuId ?? ""}
          menus={menus}
          allowNone
          onChange={(v) => setDraft({ ...draft, defaultMenuId: v || null })}
          invalid={Boolean(issue("defaultMenuId"))}
        />
        {issue("defaultMenuId") ? <p className="field__error">{issue("defaultMenuId")}</p> : null}
      </div>
      {issues
        .filter((i) => !i.path.endsWith("menuId"))
        .map((i) => (
          <p key={`${i.path}-${i.message}`} className="field__error" role="alert">
            {i.message}
          </p>
        ))}
      <div className="rm-row">
        <button type="submit" className="btn btn--primary" disabled={!dirty || save.isPending} data-testid="policy-save">
          {save.isPending ? <Bi ja="保存中…" en="Saving…" inline /> : <Bi ja="保存して全員に適用" en="Save and apply to everyone" inline />}
        </button>
        <button type="button" className="btn" disabled={!dirty} onClick={() => setDraft(view.policy)}>
          <Bi ja="元に戻す" en="Discard" inline />
        </button>
      </div>
      {save.isError && issues.length === 0 ? <ErrorState error={save.error} /> : null}
      {save.isSuccess && !dirty ? (
        <p className="notice" role="status" data-testid="policy-saved">
          <Bi ja="保存しました。友だちのメニューを順次切り替えています。" en="Saved. Friends' menus are being switched over." />
        </p>
      ) : null}
    </form>
  );
}

/** The rich-menu policy: ordered rules, each naming a menu, then the default. */
export function PolicyEditor({ menus }: { menus: Menu[] }) {
  const policy = usePolicy();
  return <QueryStates query={policy}>{(view) => <Editor view={view} menus={menus} />}</QueryStates>;
}
