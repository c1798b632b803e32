import type { PolicyConditions } from "@enishi/shared";
import { useId } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { RemovableChip } from "../../../components/chip.tsx";
import type { PolicyChoices } from "../api/policy.ts";

type TagMode = keyof PolicyConditions["tags"];

const TAG_MODES: { mode: TagMode; ja: string; en: string }[] = [
  { mode: "all", ja: "すべてのタグを持つ", en: "Has all of" },
  { mode: "any", ja: "いずれかのタグを持つ", en: "Has any of" },
  { mode: "none", ja: "どのタグも持たない", en: "Has none of" },
];

/** Chosen tags as removable chips, plus a list to add one more. */
function TagPicker(props: { label: [string, string]; ids: string[]; tags: PolicyChoices["tags"]; onChange: (ids: string[]) => void }) {
  const id = useId();
  const name = (tagId: string) => props.tags.find((t) => t.id === tagId)?.name ?? tagId;
  return (
    <div className="field">
      <label htmlFor={id}>
        <Bi ja={props.label[0]} en={props.label[1]} inline />
      </label>
      <div className="rm-row">
        {props.ids.map((tagId) => (
          <RemovableChip key={tagId} name={name(tagId)} onRemove={() => props.onChange(props.ids.filter((x) => x !== tagId))} />
        ))}
        <select
          id={id}
          value=""
          onChange={(e) => e.target.value && props.onChange([...props.ids, e.target.value])}
          style={{ width: "auto" }}
        >
          <option value="">＋ タグを追加 / Add tag</option>
          {props.tags
            .filter((t) => !props.ids.includes(t.id))
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
      </div>
    </div>
  );
}

function CheckList(props: {
  legend: [string, string];
  options: { id: string; name: string }[];
  ids: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="rm-checks" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600 }}>
        <Bi ja={props.legend[0]} en={props.legend[1]} inline />
      </legend>
      <div className="rm-row">
        {props.options.map((o) => (
          <label key={o.id} className="chip" style={{ paddingRight: 10 }}>
            <input
              type="checkbox"
              checked={props.ids.includes(o.id)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.ids, o.id] : props.ids.filter((x) => x !== o.id))}
            />
            {o.name}
          </label>
        ))}
      </div>
      <p className="field__hint">
        <Bi ja="何も選ばなければ条件なし" en="None chosen = any" inline />
      </p>
    </fieldset>
  );
}

/** A rule's conditions: tags (all / any / none), rank, store, and membership link. All must hold. */
export function RuleConditions(props: { conditions: PolicyConditions; choices: PolicyChoices; onChange: (c: PolicyConditions) => void }) {
  const id = useId();
  const { conditions: c, choices, onChange } = props;
  return (
    <>
      {TAG_MODES.map(({ mode, ja, en }) => (
        <TagPicker
          key={mode}
          label={[ja, en]}
          ids={c.tags[mode]}
          tags={choices.tags}
          onChange={(ids) => onChange({ ...c, tags: { ...c.tags, [mode]: ids } })}
        />
      ))}
      <CheckList legend={["会員ランク", "Rank"]} options={choices.ranks} ids={c.ranks} onChange={(ranks) => onChange({ ...c, ranks })} />
      <CheckList legend={["店舗", "Store"]} options={choices.stores} ids={c.stores} onChange={(stores) => onChange({ ...c, stores })} />
      <div className="field">
        <label htmlFor={`${id}-linked`}>
          <Bi ja="会員連携" en="Membership link" inline />
        </label>
        <select
          id={`${id}-linked`}
          value={c.linked === null ? "any" : c.linked ? "yes" : "no"}
          onChange={(e) => onChange({ ...c, linked: e.target.value === "any" ? null : e.target.value === "yes" })}
        >
          <option value="any">問わない / Either</option>
          <option value="yes">連携済み / Linked</option>
          <option value="no">未連携 / Not linked</option>
        </select>
      </div>
    </>
  );
}
