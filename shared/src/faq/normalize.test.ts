import { describe, expect, it } from "vitest";
import { foldKana, normalizeKey, normalizeText } from "./normalize.ts";
import { romajiToHiragana } from "./romaji.ts";

describe("normalizeText", () => {
  it("applies NFKC: half-width katakana and full-width ASCII become their usual forms", () => {
    expect(normalizeText("ﾜｲﾌｧｲのﾊﾟｽﾜｰﾄﾞ")).toBe("ワイファイのパスワード");
    expect(normalizeText("ＰａｙＰａｙ使える？")).toBe("paypay使える");
  });

  it("turns emoji and punctuation into single spaces", () => {
    expect(normalizeText("wifiある？📶  子連れOK？👶")).toBe("wifiある 子連れok");
  });

  it("joins hyphenated latin words and keeps numbers whole", () => {
    expect(normalizeText("Wi-Fiは？")).toBe("wifiは");
    expect(normalizeText("1000円、3,000円")).toBe("1000円 3 000円");
    // left to right, a letter joins once (as the regular expression this replaced did)
    expect(normalizeText("a-b-c e.mail・x")).toBe("ab c emailx");
  });

  it("collapses emphasis and treats 〜 as a long vowel", () => {
    expect(normalizeText("すごーーーい！！！")).toBe("すごーい");
    expect(normalizeText("いくら〜？")).toBe("いくらー");
    expect(normalizeText("ｗｗｗ 1111 ああ")).toBe("w 1111 ああ");
  });
});

describe("foldKana", () => {
  it("folds katakana onto hiragana, small kana onto full size and drops the long-vowel mark", () => {
    expect(foldKana("ポイント")).toBe(foldKana("ぽいんと"));
    expect(foldKana("ワイファイ")).toBe(foldKana("ワイフアイ"));
    expect(foldKana("サーバー")).toBe(foldKana("サーバ"));
    expect(foldKana("キャンセル")).toBe(foldKana("きゃんせる"));
  });

  it("expands 々 and folds ヴ to ぶ", () => {
    expect(foldKana("時々")).toBe("時時");
    expect(foldKana("ヴィンテージ")).toBe(foldKana("ぶいんてじ"));
  });

  it("leaves kanji and latin untouched", () => {
    expect(foldKana("予約abc")).toBe("予約abc");
  });
});

describe("normalizeKey", () => {
  it("makes the half-width, full-width and hiragana spellings of a word one key", () => {
    const key = normalizeKey("クーポン");
    expect(normalizeKey("ｸｰﾎﾟﾝ")).toBe(key);
    expect(normalizeKey("くーぽん")).toBe(key);
    expect(normalizeKey("クウポン")).not.toBe(key); // a real misspelling is left to the bigrams
  });
});

describe("romajiToHiragana", () => {
  it("reads Hepburn romaji, doubled consonants and ん", () => {
    expect(romajiToHiragana("chuushajou")).toBe("ちゅうしゃじょう");
    expect(romajiToHiragana("kitte")).toBe("きって");
    expect(romajiToHiragana("shinbun")).toBe("しんぶん");
  });

  it("refuses English words so that the lexicon can handle them", () => {
    expect(romajiToHiragana("cancel")).toBeNull();
    expect(romajiToHiragana("map")).toBeNull();
  });
});
