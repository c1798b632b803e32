import { describe, expect, it } from "vitest";
import { readImageInfo, richMenuImageIssues } from "./image.ts";
import { RichMenuInputSchema, richMenuAreaIssues } from "./schema.ts";

/** The first bytes of a PNG: signature + IHDR with the given size (enough for the header reader). */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

/** SOI, an APP0 segment, then a baseline SOF0 with the given size. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, ...new Array(8).fill(0)]);
}

describe("rich menu image rules", () => {
  it("reads type and size from PNG and JPEG bytes", () => {
    expect(readImageInfo(pngHeader(2500, 1686))).toEqual({ type: "image/png", width: 2500, height: 1686 });
    expect(readImageInfo(jpegHeader(1200, 405))).toEqual({ type: "image/jpeg", width: 1200, height: 405 });
    expect(readImageInfo(new TextEncoder().encode("GIF89a not a menu image"))).toBeNull();
  });

  it("accepts LINE's usual sizes", () => {
    for (const [w, h] of [
      [2500, 1686],
      [2500, 843],
      [800, 270],
    ] as const) {
      expect(richMenuImageIssues({ byteLength: 50_000, declaredType: "image/png", info: readImageInfo(pngHeader(w, h)) })).toEqual([]);
    }
  });

  it("refuses images too narrow, too wide, too short or too tall for their width, with a reason", () => {
    const codes = (w: number, h: number) =>
      richMenuImageIssues({ byteLength: 1000, info: readImageInfo(pngHeader(w, h)) }).map((issue) => issue.code);
    expect(codes(799, 300)).toEqual(["dimensions"]);
    expect(codes(2501, 843)).toEqual(["dimensions"]);
    expect(codes(1000, 249)).toEqual(["dimensions"]);
    expect(codes(1000, 700)).toEqual(["aspect_ratio"]);
  });

  it("refuses files over 1 MB and files whose declared type is not what they contain", () => {
    const info = readImageInfo(jpegHeader(2500, 843));
    const issues = richMenuImageIssues({ byteLength: 1024 * 1024 + 1, declaredType: "image/png", info });
    expect(issues.map((i) => i.code)).toEqual(["type", "too_large"]);
    expect(issues[1]?.ja).toContain("1 MB");
  });

  it("says what to upload when the file is not an image at all", () => {
    expect(richMenuImageIssues({ byteLength: 10, info: null })).toEqual([expect.objectContaining({ code: "unreadable" })]);
  });
});

describe("rich menu areas", () => {
  const size = { width: 2500, height: 843 };
  const area = (x: number, width: number) => ({
    bounds: { x, y: 0, width, height: 843 },
    action: { type: "message" as const, text: "hi" },
  });

  it("accepts areas side by side and refuses ones outside the image or overlapping", () => {
    expect(richMenuAreaIssues(size, [area(0, 833), area(833, 834), area(1667, 833)])).toEqual([]);
    expect(richMenuAreaIssues(size, [area(2000, 600)]).map((i) => i.path)).toEqual(["areas.0.bounds"]);
    expect(richMenuAreaIssues(size, [area(0, 1000), area(900, 500)])[0]?.message).toContain("overlaps");
  });

  it("validates actions as LINE does: alias IDs, URI schemes, label length", () => {
    const base = { name: "main", chatBarText: "メニュー" };
    const bad = RichMenuInputSchema.safeParse({
      ...base,
      areas: [
        { bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: "richmenuswitch", richMenuAliasId: "Tab A", data: "x" } },
        { bounds: { x: 10, y: 0, width: 10, height: 10 }, action: { type: "uri", uri: "javascript:alert(1)" } },
        {
          bounds: { x: 20, y: 0, width: 10, height: 10 },
          action: { type: "message", text: "x", label: "これはとても長いラベルで二十文字を超えています" },
        },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual([
      "areas.0.action.richMenuAliasId",
      "areas.1.action.uri",
      "areas.2.action.label",
    ]);
    expect(RichMenuInputSchema.parse({ ...base, areas: [] })).toMatchObject({ selected: false, aliasId: null });
  });
});
