import { type RichMenuArea, type RichMenuInput, RichMenuInputSchema, richMenuAreaIssues } from "@enishi/shared";
import { useId, useState } from "react";
import { Link, useLocation } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { type Menu, useDeleteMenu, usePublishMenu, useUpdateMenu } from "../api/menus.ts";
import { AreaCanvas } from "./area-canvas.tsx";
import { AreaForm } from "./area-form.tsx";
import { ImageUpload } from "./image-upload.tsx";
import { PublishState } from "./publish-state.tsx";

function toInput(menu: Menu): RichMenuInput {
  return { name: menu.name, chatBarText: menu.chatBarText, selected: menu.selected, aliasId: menu.aliasId, areas: menu.areas };
}

/** Issues with the draft, found the way the server finds them (same schema, same area rules). */
function draftIssues(draft: RichMenuInput, menu: Menu) {
  const parsed = RichMenuInputSchema.safeParse(draft);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return menu.size ? [...issues, ...richMenuAreaIssues(menu.size, draft.areas)] : issues;
}

/** One menu: name, chat-bar text, tab name, image, tap areas; save, then publish to LINE. */
export function MenuEditor({ menu, tabs }: { menu: Menu; tabs: string[] }) {
  const id = useId();
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<RichMenuInput>(() => toInput(menu));
  const [base, setBase] = useState(menu.revision);
  const [selected, setSelected] = useState<number | null>(null);
  const update = useUpdateMenu(menu.id);
  const publish = usePublishMenu(menu.id);
  const remove = useDeleteMenu(menu.id);

  // Someone else saved (or this editor saved): start from the saved menu again.
  if (menu.revision !== base && !update.isPending) {
    setBase(menu.revision);
    setDraft(toInput(menu));
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(toInput(menu));
  const issues = [...draftIssues(draft, menu), ...(update.error instanceof ApiError ? update.error.fieldIssues : [])];
  const fieldError = (path: string) => issues.find((i) => i.path === path)?.message;
  const setAreas = (areas: RichMenuArea[], select?: number | null) => {
    setDraft({ ...draft, areas });
    if (select !== undefined) setSelected(select);
  };
  const selectedArea = selected === null ? undefined : draft.areas[selected];

  return (
    <div className="rm-split">
      <div className="rm-stack">
        {menu.size ? (
          <AreaCanvas
            menuId={menu.id}
            uploadedAt={menu.image?.uploadedAt ?? null}
            size={menu.size}
            areas={draft.areas}
            selected={selected}
            onSelect={setSelected}
            onChange={setAreas}
          />
        ) : (
          <p className="notice">
            <Bi ja="まず画像を選んでください。領域はその上に描きます。" en="Choose an image first; the tap areas are drawn on it." />
          </p>
        )}
        <ImageUpload menuId={menu.id} hasImage={menu.image !== null} />
      </div>
      <div className="rm-stack">
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (draftIssues(draft, menu).length === 0) update.mutate({ ...draft, revision: menu.revision });
          }}
          noValidate
        >
          {(
            [
              ["name", "管理用の名前", "Name (for you)"],
              ["chatBarText", "メニューバーの文言（14文字まで）", "Chat bar text (≤ 14)"],
            ] as const
          ).map(([key, ja, en]) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>
                <Bi ja={ja} en={en} inline />
              </label>
              <input
                id={`${id}-${key}`}
                value={draft[key]}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                aria-invalid={fieldError(key) ? true : undefined}
              />
              {fieldError(key) ? <p className="field__error">{fieldError(key)}</p> : null}
            </div>
          ))}
          <div className="field">
            <label htmlFor={`${id}-alias`}>
              <Bi ja="タブ名（エイリアス・任意）" en="Tab name (alias, optional)" inline />
            </label>
            <input
              id={`${id}-alias`}
              className="mono"
              value={draft.aliasId ?? ""}
              placeholder="main"
              onChange={(e) => setDraft({ ...draft, aliasId: e.target.value.trim() || null })}
              aria-invalid={fieldError("aliasId") ? true : undefined}
            />
            <p className="field__hint">
              <Bi
                ja="他のメニューの「タブを切り替える」領域からこの名前で開けます。"
                en="Other menus' “switch tab” areas open this menu by this name."
              />
            </p>
            {fieldError("aliasId") ? <p className="field__error">{fieldError("aliasId")}</p> : null}
          </div>
          <label className="rm-row">
            <input type="checkbox" checked={draft.selected} onChange={(e) => setDraft({ ...draft, selected: e.target.checked })} />
            <Bi ja="トークを開いたときにメニューを開いておく" en="Show the menu open when the chat opens" inline />
          </label>
          {selectedArea && selected !== null ? (
            <AreaForm
              index={selected}
              area={selectedArea}
              tabs={tabs}
              issues={issues}
              onChange={(area) => setAreas(draft.areas.map((a, i) => (i === selected ? area : a)))}
              onDelete={() =>
                setAreas(
                  draft.areas.filter((_, i) => i !== selected),
                  null,
                )
              }
            />
          ) : (
            <p className="field__hint">
              <Bi
                ja={`領域 ${draft.areas.length} 個。選ぶと動作を編集できます。`}
                en={`${draft.areas.length} areas. Select one to edit what it does.`}
              />
            </p>
          )}
          {issues.some((i) => i.path.startsWith("areas")) && !selectedArea ? (
            <p className="field__error">{issues.find((i) => i.path.startsWith("areas"))?.message}</p>
          ) : null}
          <div className="rm-row">
            <button type="submit" className="btn btn--primary" disabled={!dirty || update.isPending} data-testid="rich-menu-save">
              {update.isPending ? <Bi ja="保存中…" en="Saving…" inline /> : <Bi ja="保存" en="Save" inline />}
            </button>
            <button type="button" className="btn" disabled={!dirty} onClick={() => setDraft(toInput(menu))}>
              <Bi ja="元に戻す" en="Discard" inline />
            </button>
          </div>
          {update.isError && !(update.error instanceof ApiError && update.error.fieldIssues.length > 0) ? (
            <ErrorState error={update.error} />
          ) : null}
        </form>
        <PublishState menu={menu} dirty={dirty} publish={publish} />
        <div className="card">
          <button
            type="button"
            className="btn btn--danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`「${menu.name}」を削除しますか？ / Delete this menu?`))
                remove.mutate(undefined, { onSuccess: () => navigate("/admin/rich-menus") });
            }}
          >
            <Bi ja="このメニューを削除" en="Delete this menu" inline />
          </button>
          {remove.isError ? <ErrorState error={remove.error} /> : null}
          <Link href="/admin/rich-menus">
            <Bi ja="← リッチメニュー一覧" en="← All rich menus" inline />
          </Link>
        </div>
      </div>
    </div>
  );
}
