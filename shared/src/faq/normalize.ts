/**
 * Japanese text normalisation for FAQ matching.
 *
 * Two layers: `normalizeText` keeps the text readable (NFKC, lower case, symbols → spaces) so that
 * Intl.Segmenter still sees katakana as katakana; `foldKana` then builds the matching key, where
 * spelling variants that people type in LINE collapse onto one form.
 */

// Letters (any script incl. kanji/kana), digits and the long-vowel mark survive; emoji, punctuation and
// symbols become spaces so they never glue two words into one n-gram.
const NON_TEXT = /[^\p{L}\p{N}ー々〆ヶ]+/gu;

/** NFKC (half-width kana → full width, full-width ASCII → ASCII, ㈱ → (株)), lower case, symbols dropped. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[〜~]/g, "ー") // 「いくら〜」「ほしい~」: a stretched vowel, same as ー
    .replace(/([a-z])[-.・]([a-z])/g, "$1$2") // 「Wi-Fi」「e-mail」 are one word, as 「wifi」「email」
    .replace(NON_TEXT, " ")
    .replace(/(.)\1{2,}/gu, "$1") // 「すごーーーい」「！！！」: emphasis, not meaning
    .replace(/\s+/g, " ")
    .trim();
}

// Small kana are folded to their full-size twin: users type 「ﾜｲﾌｧｲ」「ワイファイ」「ワイフアイ」 and the
// sokuon っ is often dropped or doubled in casual writing, so keys must not depend on it.
const SMALL_TO_LARGE: Record<string, string> = {
  ぁ: "あ",
  ぃ: "い",
  ぅ: "う",
  ぇ: "え",
  ぉ: "お",
  っ: "つ",
  ゃ: "や",
  ゅ: "ゆ",
  ょ: "よ",
  ゎ: "わ",
  ゕ: "か",
  ゖ: "け",
};

/**
 * Matching key: katakana → hiragana (so 「ポイント」 = 「ぽいんと」), small kana → large, long-vowel marks
 * removed (「サーバー」 = 「サーバ」), ヴ → ぶ, 々 → the kanji it repeats. Lossy on purpose: it is only
 * ever compared with other keys.
 */
export function foldKana(text: string): string {
  let out = "";
  let prev = "";
  for (const ch of text) {
    let c = ch;
    const code = c.charCodeAt(0);
    if (code >= 0x30a1 && code <= 0x30f6) c = String.fromCharCode(code - 0x60);
    if (c === "ゔ") c = "ぶ";
    else if (c === "ー") continue;
    else if (c === "々") c = prev;
    c = SMALL_TO_LARGE[c] ?? c;
    out += c;
    prev = c;
  }
  return out;
}

/** normalizeText + foldKana: the form every index key and lexicon form is compared in. */
export function normalizeKey(text: string): string {
  return foldKana(normalizeText(text));
}

export type Script = "kanji" | "kana" | "latin" | "digit" | "other";

/** Script of one already-folded character (katakana was folded to hiragana by then). */
export function scriptOf(ch: string): Script {
  const code = ch.charCodeAt(0);
  if ((code >= 0x3040 && code <= 0x309f) || (code >= 0x30a0 && code <= 0x30ff)) return "kana";
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || ch === "々" || ch === "ヶ") return "kanji";
  if (/[a-z]/.test(ch)) return "latin";
  if (/[0-9]/.test(ch)) return "digit";
  return "other";
}
