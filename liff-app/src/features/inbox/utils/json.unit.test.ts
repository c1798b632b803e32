import { describe, expect, it } from "vitest";
import { arr, obj, safeColor, safeUrl, str } from "./json.ts";

describe("message JSON readers", () => {
  it("read only values of the expected type", () => {
    expect(obj({ a: 1 })).toEqual({ a: 1 });
    expect(obj([1])).toBeUndefined();
    expect(obj(null)).toBeUndefined();
    expect(str(1)).toBeUndefined();
    expect(arr("x")).toEqual([]);
  });

  it("keep only http(s) URLs, so a message cannot smuggle javascript: or data: links", () => {
    expect(safeUrl("https://example.com/a.png")).toBe("https://example.com/a.png");
    expect(safeUrl("http://127.0.0.1:8787/")).toBe("http://127.0.0.1:8787/");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("data:image/png;base64,AAAA")).toBeUndefined();
    expect(safeUrl(" https://example.com")).toBeUndefined();
  });

  it("keep only hex colours, so a style cannot carry anything else", () => {
    expect(safeColor("#06C755")).toBe("#06C755");
    expect(safeColor("#fff")).toBe("#fff");
    expect(safeColor("#06C755cc")).toBe("#06C755cc");
    expect(safeColor("red; background: url(x)")).toBeUndefined();
  });
});
