/**
 * Japanese text normalisation for FAQ matching.
 *
 * Two layers: `normalizeText` keeps the text readable (NFKC, lower case, symbols → spaces) so that
 * Intl.Segmenter still sees katakana as katakana; `foldKana` then builds the matching key, where
 * spelling variants that people type in LINE collapse onto one form.
 */

// Latin letters, digits, kana, kanji (incl. 々〆ヶ) and the long-vowel mark survive; emoji, punctuation
// and symbols become spaces so they never glue two words into one n-gram. Explicit ranges rather than
// \p{L}: after NFKC + lower case nothing else matters for Japanese FAQs.
function isText(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xe0 && code <= 0xff) ||
    (code >= 0x3041 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3005 || // 々
    code === 0x3006 // 〆
  );
}
const isLatin = (code: number): boolean => code >= 0x61 && code <= 0x7a;
const LONG_VOWEL = 0x30fc;
const SPACE_CODE = 0x20;

let scratch = new Uint16Array(1024);

/**
 * NFKC (half-width kana → full width, full-width ASCII → ASCII, ㈱ → (株)), lower case, then in order:
 * - 〜 and ~ → ー: 「いくら〜」「ほしい~」 is a stretched vowel;
 * - a hyphen, dot or ・ between two latin letters dropped: 「Wi-Fi」「e-mail」 are 「wifi」「email」
 *   (left to right, a letter joins once: 「a-b-c」 → 「ab-c」);
 * - three or more of one non-digit character → one: 「すごーーーい」「ｗｗｗ」 are emphasis (「1000円」 stays);
 * - everything but text (isText) → one space per stretch, trimmed.
 * Hand-written passes over a code buffer rather than four regular expressions: 3× faster, and this runs
 * over every answer at index build.
 */
export function normalizeText(text: string): string {
  const source = text.normalize("NFKC").toLowerCase();
  const length = source.length;
  if (scratch.length < length) scratch = new Uint16Array(length * 2);
  const out = scratch;
  // Passes 1–2 (〜 → ー, latin joins) into `out`.
  let n = 0;
  let joinedAt = -1; // index in `out` of a letter that closed a join: it cannot open the next one
  for (let i = 0; i < length; i++) {
    let code = source.charCodeAt(i);
    if (code === 0x301c || code === 0x7e) code = LONG_VOWEL;
    else if (
      (code === 0x2d || code === 0x2e || code === 0x30fb) &&
      n > 0 &&
      joinedAt !== n - 1 &&
      isLatin(out[n - 1] as number) &&
      i + 1 < length &&
      isLatin(source.charCodeAt(i + 1))
    ) {
      out[n] = source.charCodeAt(i + 1);
      joinedAt = n++;
      i++;
      continue;
    }
    out[n++] = code;
  }
  // Passes 3–4 (emphasis runs, non-text → one space, trim), in place: the write index never passes
  // the read index.
  let m = 0;
  let i = 0;
  while (i < n) {
    const code = out[i] as number;
    let end = i + 1;
    while (end < n && out[end] === code) end++;
    // A run of one non-digit character, three or more long, is one character; shorter runs stay.
    const count = end - i >= 3 && !(code >= 0x30 && code <= 0x39) ? 1 : end - i;
    if (isText(code)) {
      for (let k = 0; k < count; k++) out[m++] = code;
    } else if (m > 0 && out[m - 1] !== SPACE_CODE) out[m++] = SPACE_CODE; // none at the start: trimmed
    i = end;
  }
  if (m > 0 && out[m - 1] === SPACE_CODE) m--;
  return fromCodes(out, m);
}

/** prefix + codes[from, to) of a buffer, as a string. */
export function fromCodes(codes: Uint16Array, to: number, from = 0, prefix = ""): string {
  if (to - from <= 24) {
    let short = prefix;
    for (let i = from; i < to; i++) short += String.fromCharCode(codes[i] as number);
    return short;
  }
  // apply over a typed array is the fastest portable way back to a string; chunks stay under the
  // engine's argument limit.
  let result = prefix;
  for (let i = from; i < to; i += 8192)
    result += String.fromCharCode.apply(null, codes.subarray(i, Math.min(to, i + 8192)) as unknown as number[]);
  return result;
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
export const ITERATION_MARK = 0x3005; // 々 repeats the previous kanji: 「時々」 = 「時時」

/** One UTF-16 code of the matching key (0: dropped); 々 is the caller's, as in foldKana. */
export function foldCode(code: number): number {
  return code >= 0x3000 && code <= 0x30ff ? (FOLD[code - 0x3000] as number) : code;
}

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
  return fromCodes(out, n);
}

/** normalizeText + foldKana: the form every index key and lexicon form is compared in. */
export function normalizeKey(text: string): string {
  return foldKana(normalizeText(text));
}
