// Rich menu object and image rules (https://developers.line.biz/en/reference/messaging-api/#rich-menu-object,
// https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image): size 800–2500 px wide,
// at least 250 px high, aspect ratio ≥ 1.45 (2500×1686 and 2500×843 are the usual ones); ≤ 20 areas, each
// inside the menu; chatBarText ≤ 14; name ≤ 300; image JPEG or PNG, ≤ 1 MB.

import { isRecord } from "../http/env.ts";
import type { LineErrorDetail } from "../http/errors.ts";

export const MAX_AREAS = 20;
export const MAX_IMAGE_BYTES = 1024 * 1024;
export const MAX_RICH_MENUS = 1_000;
export const ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

const ACTION_REQUIRED: Record<string, string[]> = {
  postback: ["data"],
  message: ["text"],
  uri: ["uri"],
  datetimepicker: ["data", "mode"],
  richmenuswitch: ["richMenuAliasId", "data"],
  camera: [],
  cameraRoll: [],
  location: [],
  clipboard: ["clipboardText"],
};
const ACTION_MAX_LENGTH: Record<string, number> = { data: 300, text: 300, uri: 1000, label: 20, displayText: 300 };

const isInt = (value: unknown, min: number): value is number => typeof value === "number" && Number.isInteger(value) && value >= min;

function sizeRules(size: unknown): LineErrorDetail[] {
  if (!isRecord(size) || !isInt(size.width, 1) || !isInt(size.height, 1)) {
    return [{ message: "must be specified", property: "size" }];
  }
  const { width, height } = size;
  if (width < 800 || width > 2500 || height < 250 || width / height < 1.45) {
    return [{ message: "width must be 800–2500, height ≥ 250 and width/height ≥ 1.45", property: "size" }];
  }
  return [];
}

function actionRules(action: unknown, property: string): LineErrorDetail[] {
  if (!isRecord(action)) return [{ message: "must be specified", property }];
  const required = typeof action.type === "string" ? ACTION_REQUIRED[action.type] : undefined;
  if (!required) {
    const types = Object.keys(ACTION_REQUIRED).join(", ");
    return [{ message: `Must be one of the following values: [${types}]`, property: `${property}.type` }];
  }
  const errors: LineErrorDetail[] = required
    .filter((field) => typeof action[field] !== "string" || action[field] === "")
    .map((field) => ({ message: "must be specified", property: `${property}.${field}` }));
  for (const [field, max] of Object.entries(ACTION_MAX_LENGTH)) {
    const value = action[field];
    if (typeof value === "string" && value.length > max) {
      errors.push({ message: `Length must be between 0 and ${max}`, property: `${property}.${field}` });
    }
  }
  return errors;
}

function areaRules(area: unknown, size: unknown, property: string): LineErrorDetail[] {
  if (!isRecord(area)) return [{ message: "must be an object", property }];
  const errors = actionRules(area.action, `${property}.action`);
  const b = area.bounds;
  if (!isRecord(b) || !isInt(b.x, 0) || !isInt(b.y, 0) || !isInt(b.width, 1) || !isInt(b.height, 1)) {
    return [{ message: "x, y ≥ 0 and width, height ≥ 1 must be specified", property: `${property}.bounds` }, ...errors];
  }
  if (isRecord(size) && isInt(size.width, 1) && isInt(size.height, 1)) {
    if (b.x + b.width > size.width || b.y + b.height > size.height) {
      errors.push({ message: "the area is outside the rich menu", property: `${property}.bounds` });
    }
  }
  return errors;
}

function stringRule(value: unknown, max: number, property: string): LineErrorDetail[] {
  if (typeof value !== "string") return [{ message: "must be specified", property }];
  return value.length > max ? [{ message: `Length must be between 0 and ${max}`, property }] : [];
}

export function validateRichMenu(body: unknown): LineErrorDetail[] {
  if (!isRecord(body)) return [{ message: "must be an object", property: "richMenu" }];
  const errors = [
    ...sizeRules(body.size),
    ...(typeof body.selected === "boolean" ? [] : [{ message: "must be specified", property: "selected" }]),
    ...stringRule(body.name, 300, "name"),
    ...stringRule(body.chatBarText, 14, "chatBarText"),
  ];
  const areas = body.areas;
  if (!Array.isArray(areas)) return [...errors, { message: "must be specified", property: "areas" }];
  if (areas.length > MAX_AREAS) errors.push({ message: `Size must be between 0 and ${MAX_AREAS}`, property: "areas" });
  return [...errors, ...areas.flatMap((area, i) => areaRules(area, body.size, `areas[${i}]`))];
}

/** The image format from its first bytes; LINE rejects a body that is not what Content-Type says. */
export function sniffImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => bytes[i] === byte)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}
