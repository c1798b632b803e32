import "./rich-menus.css";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { EmptyState, QueryStates } from "../../components/states.tsx";
import { useMenus } from "./api/menus.ts";
import { FriendPreview } from "./components/friend-preview.tsx";
import { MenuEditor } from "./components/menu-editor.tsx";
import { MenuList } from "./components/menu-list.tsx";
import { PolicyEditor } from "./components/policy-editor.tsx";
import { ReconcileRuns } from "./components/reconcile-runs.tsx";

function Section({ id, ja, en, children }: { id: string; ja: string; en: string; children: ReactNode }) {
  return (
    <section className="admin-section rm-stack" aria-labelledby={id}>
      <h2 id={id}>
        <Bi ja={ja} en={en} />
      </h2>
      {children}
    </section>
  );
}

/** /admin/rich-menus: the menus, the policy that picks each friend's menu, any friend explained, reconcile runs. */
export function RichMenusAdminPage({ renderFriendTags }: { renderFriendTags?: (userId: string) => ReactNode }) {
  const menus = useMenus({ pollWhileRunning: true });
  return (
    <div className="page page--wide">
      <PageHeader ja="リッチメニュー" en="Rich menus" />
      <QueryStates query={menus}>
        {(data) => (
          <>
            <Section id="rm-menus" ja="メニュー" en="Menus">
              <MenuList menus={data.menus} />
            </Section>
            <Section id="rm-policy" ja="表示ルール" en="Who sees which menu">
              <PolicyEditor menus={data.menus} />
            </Section>
            <Section id="rm-friend" ja="友だちごとの確認・プレビュー" en="Check and preview as a friend">
              <FriendPreview renderTags={renderFriendTags} />
            </Section>
            <Section id="rm-runs" ja="一括適用" en="Bulk re-application">
              <ReconcileRuns runs={data.runs} />
            </Section>
          </>
        )}
      </QueryStates>
    </div>
  );
}

/** /admin/rich-menus/:id — one menu's editor. */
export function RichMenuEditPage({ id }: { id: string }) {
  const menus = useMenus();
  const menu = menus.data?.menus.find((m) => m.id === id);
  const tabs = (menus.data?.menus ?? []).flatMap((m) => (m.aliasId && m.id !== id ? [m.aliasId] : []));
  return (
    <div className="page page--wide">
      <title>{`${menu?.name ?? "リッチメニュー"} | Enishi`}</title>
      <p>
        <Link href="/admin/rich-menus">
          <Bi ja="← リッチメニュー" en="← Rich menus" inline />
        </Link>
      </p>
      <QueryStates query={menus}>
        {() =>
          menu ? (
            <>
              <h1 className="page-title">{menu.name}</h1>
              <MenuEditor key={menu.id} menu={menu} tabs={tabs} />
            </>
          ) : (
            <EmptyState
              ja="このメニューは見つかりません。削除された可能性があります。"
              en="This menu does not exist; it may have been deleted."
            />
          )
        }
      </QueryStates>
    </div>
  );
}
