import type { SegmentCondition, TimeRange } from "@enishi/shared/segments/index";
import type { ReactNode } from "react";
import { useLinks } from "../api/links.ts";

type ClickedLink = Extract<SegmentCondition, { kind: "clickedLink" }>;

/**
 * The segment editor's "clicked a link" settings: which link (or any), and optionally when. The range
 * editor is the segment editor's own, passed in so both stay one component.
 */
export function ClickedLinkCondition({
  condition,
  onChange,
  rangeEditor,
}: {
  condition: ClickedLink;
  onChange: (next: ClickedLink) => void;
  rangeEditor: (range: TimeRange, onRange: (r: TimeRange) => void) => ReactNode;
}) {
  const links = useLinks();
  const { range, ...rest } = condition;
  return (
    <span className="seg-inline">
      <select
        aria-label="リンク / Link"
        value={condition.linkId ?? ""}
        onChange={(e) => {
          const { linkId: _drop, ...withoutLink } = condition;
          onChange(e.target.value ? { ...withoutLink, linkId: e.target.value } : withoutLink);
        }}
      >
        <option value="">どれでも / any link</option>
        {(links.data?.links ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}（/r/{l.code}）
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={range !== undefined}
          onChange={(e) => onChange(e.target.checked ? { ...rest, range: { op: "withinDays", days: 30 } } : rest)}
        />{" "}
        期間を指定 / limit by time
      </label>
      {range ? rangeEditor(range, (next) => onChange({ ...rest, range: next })) : null}
    </span>
  );
}
