import { type FormEvent, useId, useState } from "react";
import { Link, useLocation } from "wouter";
import { Bi } from "../../../components/bilingual.tsx";
import { EmptyState, ErrorState } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { type Menu, useCreateMenu } from "../api/menus.ts";
import { MenuBoard } from "./menu-board.tsx";
import { MenuStatusBadges } from "./publish-state.tsx";

function MenuCard({ menu }: { menu: Menu }) {
  return (
    <article className="card" data-testid="rich-menu-card">
      <h3 className="card__title">
        <Link href={`/admin/rich-menus/${menu.id}`}>{menu.name}</Link>
      </h3>
      {menu.size ? (
        <MenuBoard menuId={menu.id} uploadedAt={menu.image?.uploadedAt} size={menu.size} areas={menu.areas} label={menu.name} />
      ) : (
        <p className="field__hint">
          <Bi ja="画像なし" en="No image yet" inline />
        </p>
      )}
      <MenuStatusBadges menu={menu} />
      <p className="field__hint">
        <Bi
          ja={`領域 ${menu.areas.length}・友だち ${menu.friendsLinked} 人に個別表示中`}
          en={`${menu.areas.length} areas; linked to ${menu.friendsLinked} friends`}
          inline
        />
      </p>
    </article>
  );
}

function CreateMenuForm() {
  const id = useId();
  const [, navigate] = useLocation();
  const create = useCreateMenu();
  const [name, setName] = useState("");
  const issues = create.error instanceof ApiError ? create.error.fieldIssues : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), chatBarText: "メニュー", selected: false, aliasId: null, areas: [] },
      { onSuccess: (r) => navigate(`/admin/rich-menus/${r.menu.id}`) },
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          <Bi ja="新しいメニューの名前" en="New menu name" inline />
        </label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="渋谷店メニュー"
          aria-invalid={issues.length > 0 ? true : undefined}
        />
        {issues.map((i) => (
          <p key={i.path} className="field__error" role="alert">
            {i.message}
          </p>
        ))}
      </div>
      <div>
        <button type="submit" className="btn btn--primary" disabled={create.isPending || name.trim() === ""}>
          <Bi ja="作成して編集" en="Create and edit" inline />
        </button>
      </div>
      {create.isError && issues.length === 0 ? <ErrorState error={create.error} /> : null}
    </form>
  );
}

export function MenuList({ menus }: { menus: Menu[] }) {
  return (
    <>
      {menus.length === 0 ? <EmptyState ja="まだメニューがありません。" en="No menus yet." /> : null}
      <div className="rm-grid">
        {menus.map((menu) => (
          <MenuCard key={menu.id} menu={menu} />
        ))}
      </div>
      <CreateMenuForm />
    </>
  );
}
