import type { RichMenuArea, RichMenuBounds, RichMenuSize } from "@enishi/shared";
import type { PointerEvent, ReactNode } from "react";
import { useMenuImage } from "../api/menus.ts";
import { actionSummary } from "./action-labels.ts";

const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(3)}%`;

export function boxStyle(bounds: RichMenuBounds, size: RichMenuSize) {
  return {
    left: pct(bounds.x, size.width),
    top: pct(bounds.y, size.height),
    width: pct(bounds.width, size.width),
    height: pct(bounds.height, size.height),
  };
}

/**
 * The menu as LINE shows it: the image with its tap areas laid over it, at the image's aspect ratio.
 * Areas are buttons when `onSelect` is given (the editor), plain boxes otherwise (previews).
 */
export function MenuBoard(props: {
  menuId: string;
  uploadedAt: number | null | undefined;
  size: RichMenuSize;
  areas: readonly RichMenuArea[];
  selected?: number | null;
  onSelect?: (index: number) => void;
  drawing?: boolean;
  onPointerDown?: (event: PointerEvent<HTMLFieldSetElement>) => void;
  onPointerMove?: (event: PointerEvent<HTMLFieldSetElement>) => void;
  onPointerUp?: (event: PointerEvent<HTMLFieldSetElement>) => void;
  boardRef?: (node: HTMLFieldSetElement | null) => void;
  children?: ReactNode;
  label: string;
}) {
  const image = useMenuImage(props.menuId, props.uploadedAt);
  return (
    <fieldset
      ref={props.boardRef}
      className={`rm-board${props.drawing ? " rm-board--drawing" : ""}`}
      style={{ aspectRatio: `${props.size.width} / ${props.size.height}` }}
      onPointerDown={props.onPointerDown}
      onPointerMove={props.onPointerMove}
      onPointerUp={props.onPointerUp}
      aria-label={props.label}
      data-testid="rich-menu-board"
    >
      {image.data ? <img src={image.data} alt="" draggable={false} /> : null}
      {props.areas.map((area, index) => {
        const label = area.action.label ?? actionSummary(area.action);
        const key = `${area.bounds.x}-${area.bounds.y}-${index}`;
        return props.onSelect ? (
          <button
            key={key}
            type="button"
            className="rm-area"
            style={boxStyle(area.bounds, props.size)}
            aria-pressed={props.selected === index}
            aria-label={`領域${index + 1} / Area ${index + 1}: ${label}`}
            data-testid="rich-menu-area"
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => props.onSelect?.(index)}
          >
            <span>
              {index + 1}. {label}
            </span>
          </button>
        ) : (
          // Previews show the image as the friend sees it: the label only as a tooltip.
          <div key={key} className="rm-area rm-area--static" style={boxStyle(area.bounds, props.size)} title={label} />
        );
      })}
      {props.children}
    </fieldset>
  );
}
