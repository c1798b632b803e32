import { describe, expect, it } from "vitest";
import { analyze, compactCode, compileLexicon } from "./tokenize.ts";

const lexicon = compileLexicon();
const terms = (text: string) => analyze(text, lexicon);
const shared = (a: string, b: string) => [...terms(a).keys()].filter((t) => terms(b).has(t));

describe("analyze", () => {
  it("gives synonyms that share no character a common concept term", () => {
    expect(terms("値段を知りたい").has("c:price")).toBe(true);
    expect(terms("おいくら？").has("c:price")).toBe(true);
    expect(terms("wifiある？").has("c:internet")).toBe(true);
    expect(terms("ワイファイのパスワード").has("c:internet")).toBe(true);
  });

  it("reads romaji and kana spellings of kanji words through the lexicon", () => {
    expect(terms("chuushajou arimasu ka?").has("c:parking")).toBe(true);
    expect(terms("予約へんこうしたい").has("c:change")).toBe(true);
  });

  it("tolerates a typo in a kanji compound through shared bigrams", () => {
    expect(shared("縮毛強制の値段", "縮毛矯正の料金").length).toBeGreaterThan(1);
    expect(shared("会員症ってどこ", "会員証の提示").length).toBeGreaterThan(0);
  });

  it("matches half-width, katakana and hiragana spellings of a word", () => {
    const key = [...terms("クーポン")].filter(([t]) => t !== "c:coupon");
    for (const [term] of key) expect(terms("ｸｰﾎﾟﾝ使いたい").has(term)).toBe(true);
  });

  it("keeps grammar out: no hiragana bigrams, no short hiragana words, no politeness endings", () => {
    const bag = terms("ありますか？できますか？");
    expect([...bag.keys()].filter((t) => typeof t === "number")).toEqual([]);
    expect(bag.has("w:ですか")).toBe(false);
    expect([...terms("今日は何時までですか").keys()]).not.toContain("w:まで");
  });

  it("does not read 「オフ」 as a discount nor 「切りたい」 as stopping notifications", () => {
    expect(terms("通知をオフにしたい").has("c:discount")).toBe(false);
    expect(terms("髪を切りたい").has("c:stop")).toBe(false);
  });

  it("accepts a shop's own synonym groups", () => {
    const shop = compileLexicon({ headSpa: ["ヘッドスパ", "頭皮マッサージ"] });
    expect(analyze("頭皮マッサージはありますか", shop).has("c:headSpa")).toBe(true);
  });
});

describe("compactCode", () => {
  it("maps UTF-16 codes to 15 bits as the 64 K table it replaced did (bigram keys are stored in indexes)", () => {
    const table = new Uint16Array(0x10000);
    for (let code = 0; code < 0x10000; code++) table[code] = 0x7000 + (code % 0x1000);
    for (let code = 0; code < 0x100; code++) table[code] = code;
    for (let code = 0x3000; code < 0x3100; code++) table[code] = code - 0x3000 + 0x100;
    for (let code = 0x3400; code < 0xa000; code++) table[code] = code - 0x3400 + 0x200;
    for (let code = 0xf900; code < 0xfb00; code++) table[code] = code - 0xf900 + 0x6e00;
    for (let code = 0; code < 0x10000; code++)
      if (compactCode(code) !== table[code]) expect([code, compactCode(code)]).toEqual([code, table[code]]);
  });
});
