import { obj, safeUrl, str } from "../utils/json.ts";

/**
 * What a button, quick reply or template action shows. A URI action links out (http(s) only) so staff can
 * check where it leads; other actions (postback, message, datetime…) are labels only.
 */
export function ActionLabel({ action }: { action: unknown }) {
  const value = obj(action);
  const label = str(value?.label) ?? str(value?.text) ?? str(value?.type) ?? "?";
  const href = value?.type === "uri" ? safeUrl(value.uri) : undefined;
  if (!href) return <>{label}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
      {label}
    </a>
  );
}
