import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import type { Menu, usePublishMenu } from "../api/menus.ts";

export function MenuStatusBadges({ menu }: { menu: Menu }) {
  return (
    <span className="rm-row">
      {menu.published ? (
        menu.changedSincePublish ? (
          <span className="badge">
            <Bi ja="未公開の変更あり" en="Unpublished changes" inline />
          </span>
        ) : (
          <span className="badge badge--green">
            <Bi ja="公開中" en="Published" inline />
          </span>
        )
      ) : (
        <span className="badge">
          <Bi ja="下書き" en="Draft" inline />
        </span>
      )}
      {menu.isDefault ? (
        <span className="badge badge--green">
          <Bi ja="デフォルト" en="Default" inline />
        </span>
      ) : null}
      {menu.usedByPolicy && !menu.isDefault ? (
        <span className="badge">
          <Bi ja="ルールで使用" en="In a rule" inline />
        </span>
      ) : null}
      {menu.aliasId ? <span className="badge mono">tab: {menu.aliasId}</span> : null}
      {menu.publishError ? (
        <span className="badge badge--danger">
          <Bi ja="公開エラー" en="Publish failed" inline />
        </span>
      ) : null}
    </span>
  );
}

/**
 * Where the menu stands on LINE, and the publish button. Publishing creates a new LINE menu each time (LINE
 * menus cannot change), so unsaved edits must be saved first.
 */
export function PublishState({ menu, dirty, publish }: { menu: Menu; dirty: boolean; publish: ReturnType<typeof usePublishMenu> }) {
  const result = publish.data;
  return (
    <section className="card" aria-labelledby={`publish-${menu.id}`}>
      <h3 id={`publish-${menu.id}`} className="card__title">
        <Bi ja="LINE への公開" en="Publish to LINE" />
      </h3>
      <MenuStatusBadges menu={menu} />
      {menu.published ? (
        <p className="field__hint">
          <Bi
            ja={`LINE のメニュー ID ${menu.published.lineRichMenuId}（${menu.published.at ? formatDateTime(menu.published.at) : "-"}）・このメニューの友だち ${menu.friendsLinked} 人`}
            en={`LINE menu ${menu.published.lineRichMenuId}; ${menu.friendsLinked} friends linked to it`}
          />
        </p>
      ) : null}
      {menu.publishError ? <p className="field__error">{menu.publishError}</p> : null}
      <div className="rm-row">
        <button
          type="button"
          className="btn btn--primary"
          disabled={dirty || publish.isPending || !menu.image || (menu.published !== null && !menu.changedSincePublish)}
          onClick={() => publish.mutate()}
          data-testid="rich-menu-publish"
        >
          {publish.isPending ? <Bi ja="公開中…" en="Publishing…" inline /> : <Bi ja="LINE に公開する" en="Publish to LINE" inline />}
        </button>
        {dirty ? (
          <span className="field__hint">
            <Bi ja="先に保存してください" en="Save first" inline />
          </span>
        ) : null}
        {!menu.image ? (
          <span className="field__hint">
            <Bi ja="画像が必要です" en="An image is needed" inline />
          </span>
        ) : null}
      </div>
      {publish.isError ? <ErrorState error={publish.error} /> : null}
      {result ? (
        <div className="notice" role="status" data-testid="rich-menu-published">
          <Bi ja="公開しました。" en="Published." inline />
          {result.reconcileRunId ? (
            <Bi ja=" 友だちを新しいメニューへ移しています。" en=" Moving friends to the new version." inline />
          ) : null}
          {result.missingTabs.length > 0 ? (
            <p className="field__hint">
              <Bi
                ja={`切り替え先のタブ ${result.missingTabs.join("、")} はまだ公開されていません。`}
                en={`Tabs not published yet: ${result.missingTabs.join(", ")}.`}
              />
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
