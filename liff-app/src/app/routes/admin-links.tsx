import { LinksPage } from "../../features/links/links-page.tsx";
import { useTagAdmin } from "../../features/tags/api/tags.ts";

/** Tracked links, with the live tags (from the tags feature) that a click can add. */
export default function AdminLinksRoute() {
  const tags = useTagAdmin(false);
  return <LinksPage tags={tags.data?.tags ?? []} />;
}
