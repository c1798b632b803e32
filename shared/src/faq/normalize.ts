/**
 * Japanese text normalisation for FAQ matching.
 *
 * Two layers: `normalizeText` keeps the text readable (NFKC, lower case, symbols → spaces) so that
 * Intl.Segmenter still sees katakana as katakana; `foldKana` then builds the matching key, where
 * spelling variants that people type in LINE collapse onto one form.
 */

// Latin letters, digits, kana, kanji (incl. 々〆ヶ) and the long-vowel mark survive; emoji, punctuation
// and symbols become spaces so they never glue two words into one n-gram. Explicit ranges rather than
// \p{L}: four times faster, and after NFKC + lower case nothing else matters for Japanese FAQs.
const NON_TEXT = /[^0-9a-z\u00e0-\u00ff\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]+/g;

/** NFKC (half-width kana → full width, full-width ASCII → ASCII, ㈱ → (株)), lower case, symbols dropped. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[〜~]/g, "ー") // 「いくら〜」「ほしい~」: a stretched vowel, same as ー
    .replace(/([a-z])[-.・]([a-z])/g, "$1$2") // 「Wi-Fi」「e-mail」 are one word, as 「wifi」「email」
    .replace(/([^0-9])\1{2,}/g, "$1") // 「すごーーーい」「ｗｗｗ」: emphasis, not meaning (「1000円」 stays)
    .replace(NON_TEXT, " ") // also collapses runs of spaces
    .trim();
}

// Folding table for U+3000–U+30FF: katakana → hiragana, small kana → full size (users type 「ﾜｲﾌｧｲ」
// 「ワイファイ」「ワイフアイ」, and the sokuon っ is often dropped or doubled in casual writing), ヴ → ぶ,
// ー → dropped (「サーバー」 = 「サーバ」). 0 means "drop". Built once; a table lookup per character keeps
// folding a 500-entry FAQ within the index-build budget.
const FOLD = (() => {
  const table = new Uint16Array(0x100);
  for (let i = 0; i < 0x100; i++) table[i] = 0x3000 + i;
  for (let code = 0x30a1; code <= 0x30f6; code++) table[code - 0x3000] = code - 0x60;
  const small = "ぁあぃいぅうぇえぉおっつゃやゅゆょよゎわゕかゖけ";
  for (let i = 0; i < small.length; i += 2) {
    const from = small.charCodeAt(i);
    const to = small.charCodeAt(i + 1);
    table[from - 0x3000] = to;
    table[from + 0x60 - 0x3000] = to; // the katakana twin (ァ, ッ, ャ …)
  }
  table[0x3094 - 0x3000] = "ぶ".charCodeAt(0); // ゔ
  table[0x30f4 - 0x3000] = "ぶ".charCodeAt(0); // ヴ
  table[0x30fc - 0x3000] = 0; // ー
  return table;
})();
const ITERATION_MARK = 0x3005; // 々 repeats the previous kanji: 「時々」 = 「時時」

/**
 * Matching key: the FOLD table applied, 々 expanded. Lossy on purpose: it is only ever compared with
 * other keys. Every character but ー maps to exactly one UTF-16 unit, which tokenize.ts relies on.
 */
let buffer = new Uint16Array(1024);
export function foldKana(text: string): string {
  // Short strings (words): concatenation beats a typed-array round trip by 4×.
  if (text.length <= 24) {
    let short = "";
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code === ITERATION_MARK && short.length > 0) code = short.charCodeAt(short.length - 1);
      else if (code >= 0x3000 && code <= 0x30ff) {
        code = FOLD[code - 0x3000] as number;
        if (code === 0) continue;
      }
      short += String.fromCharCode(code);
    }
    return short;
  }
  if (buffer.length < text.length) buffer = new Uint16Array(text.length * 2);
  const out = buffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === ITERATION_MARK && n > 0) code = out[n - 1] as number;
    else if (code >= 0x3000 && code <= 0x30ff) {
      code = FOLD[code - 0x3000] as number;
      if (code === 0) continue;
    }
    out[n++] = code;
  }
  // apply over a typed array is the fastest portable way back to a string; chunks stay under the
  // engine's argument limit.
  let result = "";
  for (let i = 0; i < n; i += 8192)
    result += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return result;
}

/** normalizeText + foldKana: the form every index key and lexicon form is compared in. */
export function normalizeKey(text: string): string {
  return foldKana(normalizeText(text));
}
