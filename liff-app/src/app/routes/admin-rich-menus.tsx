import { RichMenuEditPage, RichMenusAdminPage } from "../../features/rich-menus/rich-menus-admin.tsx";
import { FriendTagsEditor } from "../../features/tags/components/friend-tags-editor.tsx";

/** Rich menus, with the tag editor beside a friend's menu explanation (tags drive the policy). */
export default function AdminRichMenusRoute({ menuId }: { menuId?: string | undefined }) {
  if (menuId) return <RichMenuEditPage id={menuId} />;
  return <RichMenusAdminPage renderFriendTags={(userId) => <FriendTagsEditor userId={userId} />} />;
}
