/**
 * LINE's rich menu image rules, checked the same way in the browser (before upload) and in the Worker (which
 * trusts nothing the browser says: it reads type and size from the bytes themselves).
 * https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image-requirements
 */
export const RICH_MENU_IMAGE = {
  types: ["image/png", "image/jpeg"] as const,
  maxBytes: 1024 * 1024,
  minWidth: 800,
  maxWidth: 2500,
  minHeight: 250,
  /** width / height: a menu may not be taller than this allows. */
  minAspectRatio: 1.45,
} as const;

/** The sizes LINE's own templates use; anything within the rules works. */
export const RICH_MENU_COMMON_SIZES = [
  { width: 2500, height: 1686 },
  { width: 2500, height: 843 },
  { width: 1200, height: 810 },
  { width: 1200, height: 405 },
  { width: 800, height: 540 },
  { width: 800, height: 270 },
] as const;

export type RichMenuImageType = (typeof RICH_MENU_IMAGE.types)[number];

export interface ImageInfo {
  type: RichMenuImageType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u32(b: Uint8Array, at: number): number {
  return u16(b, at) * 0x10000 + u16(b, at + 2);
}

/** PNG: the IHDR chunk must come first and holds width and height. */
function readPng(b: Uint8Array): ImageInfo | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null;
  const ihdr = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
  if (ihdr !== "IHDR") return null;
  return { type: "image/png", width: u32(b, 16), height: u32(b, 20) };
}

/** Start-of-frame markers (baseline, progressive, …) carry the size; DHT/JPG/DAC (C4, C8, CC) do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: walk the marker segments to the first start-of-frame. */
function readJpeg(b: Uint8Array): ImageInfo | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Stand-alone markers have no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      at += 2;
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 8 >= b.length) return null;
      return { type: "image/jpeg", height: u16(b, at + 5), width: u16(b, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** Type and dimensions from the file's own bytes, or null when it is neither a PNG nor a JPEG. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  return readPng(bytes) ?? readJpeg(bytes);
}

export interface ImageIssue {
  code: "type" | "too_large" | "dimensions" | "aspect_ratio" | "unreadable";
  ja: string;
  en: string;
}

/** Every rule the image breaks, with a message an operator can act on. Empty = LINE will take it. */
export function richMenuImageIssues(input: {
  byteLength: number;
  declaredType?: string | undefined;
  info: ImageInfo | null;
}): ImageIssue[] {
  const issues: ImageIssue[] = [];
  const { info } = input;
  if (!info) {
    return [{ code: "unreadable", ja: "PNG または JPEG の画像を選んでください。", en: "Choose a PNG or JPEG image." }];
  }
  // A file named .jpg that holds a PNG is refused as LINE would; an unknown declared type is not a claim.
  const declared = input.declaredType;
  if (declared && declared !== "application/octet-stream" && declared !== info.type) {
    issues.push({
      code: "type",
      ja: `ファイルの種類（${declared}）と中身（${info.type}）が一致しません。`,
      en: `The file says ${declared} but contains ${info.type}.`,
    });
  }
  if (input.byteLength > RICH_MENU_IMAGE.maxBytes) {
    const mb = (input.byteLength / 1024 / 1024).toFixed(2);
    issues.push({
      code: "too_large",
      ja: `ファイルが大きすぎます（${mb} MB）。1 MB 以下にしてください。`,
      en: `The file is ${mb} MB; the limit is 1 MB.`,
    });
  }
  const { width, height } = info;
  if (width < RICH_MENU_IMAGE.minWidth || width > RICH_MENU_IMAGE.maxWidth || height < RICH_MENU_IMAGE.minHeight) {
    issues.push({
      code: "dimensions",
      ja: `画像サイズ ${width}×${height} は使えません。幅 800〜2500px、高さ 250px 以上にしてください（例: 2500×1686、2500×843）。`,
      en: `${width}×${height} does not fit: width 800–2500 px, height at least 250 px (e.g. 2500×1686, 2500×843).`,
    });
  } else if (width / height < RICH_MENU_IMAGE.minAspectRatio) {
    issues.push({
      code: "aspect_ratio",
      ja: `画像が縦長すぎます（${width}×${height}）。幅÷高さを 1.45 以上にしてください。`,
      en: `${width}×${height} is too tall: width ÷ height must be at least 1.45.`,
    });
  }
  return issues;
}
