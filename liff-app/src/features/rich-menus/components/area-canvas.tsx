import type { RichMenuArea, RichMenuBounds, RichMenuSize } from "@enishi/shared";
import { type PointerEvent, useRef, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { defaultAction } from "./action-labels.ts";
import { boxStyle, MenuBoard } from "./menu-board.tsx";

/** Smaller drags are taken for clicks, not areas. */
const MIN_SIDE = 24;

interface Point {
  x: number;
  y: number;
}

function toImagePoint(board: HTMLFieldSetElement, event: PointerEvent, size: RichMenuSize): Point {
  const rect = board.getBoundingClientRect();
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return {
    x: Math.round(clamp(((event.clientX - rect.left) / rect.width) * size.width, size.width)),
    y: Math.round(clamp(((event.clientY - rect.top) / rect.height) * size.height, size.height)),
  };
}

function boundsOf(a: Point, b: Point): RichMenuBounds {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** Equal grids in image pixels; the last column/row takes the rounding remainder so areas meet exactly. */
export function gridAreas(size: RichMenuSize, columns: number, rows: number): RichMenuArea[] {
  const areas: RichMenuArea[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x = Math.round((c * size.width) / columns);
      const y = Math.round((r * size.height) / rows);
      const width = Math.round(((c + 1) * size.width) / columns) - x;
      const height = Math.round(((r + 1) * size.height) / rows) - y;
      areas.push({ bounds: { x, y, width, height }, action: defaultAction("message", `ボタン${areas.length + 1}`) });
    }
  }
  return areas;
}

const LAYOUTS = [
  { columns: 2, rows: 1 },
  { columns: 3, rows: 1 },
  { columns: 4, rows: 1 },
  { columns: 3, rows: 2 },
  { columns: 2, rows: 2 },
];

/**
 * Drawing tap areas with the mouse (or a finger): drag on the image to add an area, click one to select
 * it. Exact positions are typed in the area form, which also serves keyboard users.
 */
export function AreaCanvas(props: {
  menuId: string;
  uploadedAt: number | null;
  size: RichMenuSize;
  areas: RichMenuArea[];
  selected: number | null;
  onSelect: (index: number | null) => void;
  onChange: (areas: RichMenuArea[], select?: number | null) => void;
}) {
  const board = useRef<HTMLFieldSetElement | null>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [draft, setDraft] = useState<RichMenuBounds | null>(null);
  const full = props.areas.length >= 20;

  function down(event: PointerEvent<HTMLFieldSetElement>) {
    if (!board.current || full || event.button !== 0) return;
    board.current.setPointerCapture(event.pointerId);
    setStart(toImagePoint(board.current, event, props.size));
    setDraft(null);
  }
  function move(event: PointerEvent<HTMLFieldSetElement>) {
    if (!start || !board.current) return;
    setDraft(boundsOf(start, toImagePoint(board.current, event, props.size)));
  }
  function up(event: PointerEvent<HTMLFieldSetElement>) {
    if (!start || !board.current) return;
    const bounds = boundsOf(start, toImagePoint(board.current, event, props.size));
    setStart(null);
    setDraft(null);
    if (bounds.width < MIN_SIDE || bounds.height < MIN_SIDE) {
      props.onSelect(null);
      return;
    }
    const areas = [...props.areas, { bounds, action: defaultAction("message", `ボタン${props.areas.length + 1}`) }];
    props.onChange(areas, areas.length - 1);
  }

  return (
    <div className="card">
      <div className="rm-row">
        <span className="field__hint">
          <Bi ja="テンプレート（今の領域を置き換え）" en="Layout (replaces the areas)" inline />
        </span>
        {LAYOUTS.map((l) => (
          <button
            key={`${l.columns}x${l.rows}`}
            type="button"
            className="btn btn--small"
            onClick={() => props.onChange(gridAreas(props.size, l.columns, l.rows), 0)}
          >
            {l.columns}×{l.rows}
          </button>
        ))}
      </div>
      <MenuBoard
        menuId={props.menuId}
        uploadedAt={props.uploadedAt}
        size={props.size}
        areas={props.areas}
        selected={props.selected}
        onSelect={props.onSelect}
        drawing={!full}
        boardRef={(node) => {
          board.current = node;
        }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        label="メニュー画像：ドラッグして領域を追加 / Menu image: drag to add an area"
      >
        {draft ? <div className="rm-area rm-area--draft" style={boxStyle(draft, props.size)} /> : null}
      </MenuBoard>
      <p className="field__hint">
        {full ? (
          <Bi ja="領域は20個までです。" en="A menu has at most 20 areas." />
        ) : (
          <Bi
            ja="画像の上をドラッグして領域を追加し、クリックで選択します。"
            en="Drag on the image to add an area; click an area to select it."
          />
        )}
      </p>
    </div>
  );
}
