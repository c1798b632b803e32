import type { RichMenuAction, RichMenuActionType, RichMenuArea, RichMenuBounds } from "@enishi/shared";
import { useId } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ACTION_TYPES, defaultAction, POSTBACK_PRESETS } from "./action-labels.ts";

function TextField(props: {
  id: string;
  ja: string;
  en: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  error?: string | undefined;
  mono?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>
        <Bi ja={props.ja} en={props.en} inline />
      </label>
      <input
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={props.mono ? "mono" : undefined}
        aria-invalid={props.error ? true : undefined}
      />
      {props.hint ? <p className="field__hint">{props.hint}</p> : null}
      {props.error ? (
        <p className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function ActionFields(props: {
  id: string;
  action: RichMenuAction;
  onChange: (a: RichMenuAction) => void;
  error: (field: string) => string | undefined;
  tabs: string[];
}) {
  const { action, onChange, id } = props;
  switch (action.type) {
    case "uri":
      return (
        <TextField
          id={`${id}-uri`}
          ja="URL またはアプリのページ"
          en="URL or app page"
          value={action.uri}
          onChange={(uri) => onChange({ ...action, uri })}
          hint="https://…, tel:…, またはアプリ内のページ（/card, /coupons）/ or an app page"
          error={props.error("uri")}
          mono
        />
      );
    case "message":
      return (
        <TextField
          id={`${id}-text`}
          ja="送るメッセージ"
          en="Message sent"
          value={action.text}
          onChange={(text) => onChange({ ...action, text })}
          error={props.error("text")}
        />
      );
    case "postback":
      return (
        <div className="field">
          <label htmlFor={`${id}-data`}>
            <Bi ja="ボットの動作" en="What the bot does" inline />
          </label>
          <select id={`${id}-data`} value={action.data} onChange={(e) => onChange({ ...action, data: e.target.value })}>
            {POSTBACK_PRESETS.map((p) => (
              <option key={p.data} value={p.data}>
                {p.ja} / {p.en}
              </option>
            ))}
            {POSTBACK_PRESETS.some((p) => p.data === action.data) ? null : <option value={action.data}>{action.data}</option>}
          </select>
        </div>
      );
    case "richmenuswitch":
      return (
        <div className="field">
          <label htmlFor={`${id}-alias`}>
            <Bi ja="切り替え先のタブ" en="Tab to switch to" inline />
          </label>
          <input
            id={`${id}-alias`}
            list={`${id}-tabs`}
            value={action.richMenuAliasId}
            onChange={(e) => onChange({ ...action, richMenuAliasId: e.target.value.trim() })}
            className="mono"
            aria-invalid={props.error("richMenuAliasId") ? true : undefined}
          />
          <datalist id={`${id}-tabs`}>
            {props.tabs.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          {props.error("richMenuAliasId") ? <p className="field__error">{props.error("richMenuAliasId")}</p> : null}
        </div>
      );
  }
}

/** The selected area: its action, label and exact bounds in image pixels. */
export function AreaForm(props: {
  index: number;
  area: RichMenuArea;
  tabs: string[];
  issues: { path: string; message: string }[];
  onChange: (area: RichMenuArea) => void;
  onDelete: () => void;
}) {
  const id = useId();
  const { area, index } = props;
  const error = (field: string) =>
    props.issues.find((i) => i.path === `areas.${index}.action.${field}` || i.path.startsWith(`areas.${index}.action.${field}`))?.message;
  const boundsError = props.issues.find((i) => i.path === `areas.${index}.bounds`)?.message;
  const setBounds = (key: keyof RichMenuBounds, value: string) => {
    const n = Math.max(key === "width" || key === "height" ? 1 : 0, Math.round(Number(value) || 0));
    props.onChange({ ...area, bounds: { ...area.bounds, [key]: n } });
  };
  const setType = (type: RichMenuActionType) => props.onChange({ ...area, action: defaultAction(type, area.action.label) });

  return (
    <fieldset className="card" data-testid="area-form">
      <legend className="card__title">
        <Bi ja={`領域 ${index + 1}`} en={`Area ${index + 1}`} inline />
      </legend>
      <TextField
        id={`${id}-label`}
        ja="ラベル（読み上げ用・20文字まで）"
        en="Label (screen readers, ≤ 20)"
        value={area.action.label ?? ""}
        onChange={(label) => props.onChange({ ...area, action: { ...area.action, label: label || undefined } })}
        error={error("label")}
      />
      <div className="field">
        <label htmlFor={`${id}-type`}>
          <Bi ja="タップしたとき" en="On tap" inline />
        </label>
        <select id={`${id}-type`} value={area.action.type} onChange={(e) => setType(e.target.value as RichMenuActionType)}>
          {(Object.keys(ACTION_TYPES) as RichMenuActionType[]).map((t) => (
            <option key={t} value={t}>
              {ACTION_TYPES[t].join(" / ")}
            </option>
          ))}
        </select>
      </div>
      <ActionFields
        id={id}
        action={area.action}
        onChange={(action) => props.onChange({ ...area, action })}
        error={error}
        tabs={props.tabs}
      />
      <div className="rm-bounds">
        {(["x", "y", "width", "height"] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{key}</label>
            <input
              id={`${id}-${key}`}
              type="number"
              inputMode="numeric"
              value={area.bounds[key]}
              onChange={(e) => setBounds(key, e.target.value)}
              aria-invalid={boundsError ? true : undefined}
            />
          </div>
        ))}
      </div>
      {boundsError ? (
        <p className="field__error" role="alert">
          {boundsError}
        </p>
      ) : null}
      <div>
        <button type="button" className="btn btn--danger btn--small" onClick={props.onDelete}>
          <Bi ja="この領域を削除" en="Delete this area" inline />
        </button>
      </div>
    </fieldset>
  );
}
