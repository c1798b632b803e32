import "./chip.css";
import type { CSSProperties } from "react";

/** A chosen item as a chip with a × button that removes it ("<name> を外す / Remove" for screen readers). */
export function RemovableChip({
  name,
  onRemove,
  disabled,
  coloured = false,
  style,
}: {
  name: string;
  onRemove: () => void;
  disabled?: boolean | undefined;
  /** The thicker border that shows the item's colour (set it through `style`). */
  coloured?: boolean;
  style?: CSSProperties | undefined;
}) {
  return (
    <span className={coloured ? "removable-chip removable-chip--coloured" : "removable-chip"} style={style}>
      {name}
      <button type="button" aria-label={`${name} を外す / Remove`} disabled={disabled} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
