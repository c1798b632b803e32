import type { SegmentCondition, TimeRange } from "@enishi/shared/segments/index";
import type { ReactNode } from "react";
import { ChoiceSelect } from "../../../components/choice-select.tsx";
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
      <ChoiceSelect
        aria-label="リンク / Link"
        none="どれでも / any link"
        choices={links.data?.links ?? []}
        label={(l) => `${l.name}（/r/${l.code}）`}
        value={condition.linkId ?? ""}
        onChange={(linkId) => {
          const { linkId: _drop, ...withoutLink } = condition;
          onChange(linkId ? { ...withoutLink, linkId } : withoutLink);
        }}
      />
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
