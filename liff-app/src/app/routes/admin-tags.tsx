import { TagsAdminPage } from "../../features/tags/components/tags-admin.tsx";

export default function AdminTagsRoute() {
  return <TagsAdminPage />;
}
