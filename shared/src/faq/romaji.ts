/**
 * Romaji → hiragana, for messages typed on a keyboard without Japanese input (「chuushajou arimasu ka?」).
 * Only whole words that parse completely are converted, so English words (「cancel」「map」) are left
 * alone and handled by the lexicon instead.
 */

const VOWELS: Record<string, string> = { a: "あ", i: "い", u: "う", e: "え", o: "お" };

// Consonant onsets → the kana row (a, i, u, e, o). Hepburn and Kunrei spellings both appear.
const ROWS: Record<string, [string, string, string, string, string]> = {
  k: ["か", "き", "く", "け", "こ"],
  g: ["が", "ぎ", "ぐ", "げ", "ご"],
  s: ["さ", "し", "す", "せ", "そ"],
  z: ["ざ", "じ", "ず", "ぜ", "ぞ"],
  t: ["た", "ち", "つ", "て", "と"],
  d: ["だ", "ぢ", "づ", "で", "ど"],
  n: ["な", "に", "ぬ", "ね", "の"],
  h: ["は", "ひ", "ふ", "へ", "ほ"],
  b: ["ば", "び", "ぶ", "べ", "ぼ"],
  p: ["ぱ", "ぴ", "ぷ", "ぺ", "ぽ"],
  m: ["ま", "み", "む", "め", "も"],
  y: ["や", "い", "ゆ", "いぇ", "よ"],
  r: ["ら", "り", "る", "れ", "ろ"],
  w: ["わ", "うぃ", "う", "うぇ", "を"],
  f: ["ふぁ", "ふぃ", "ふ", "ふぇ", "ふぉ"],
  j: ["じゃ", "じ", "じゅ", "じぇ", "じょ"],
  v: ["ゔぁ", "ゔぃ", "ゔ", "ゔぇ", "ゔぉ"],
  ky: ["きゃ", "きぃ", "きゅ", "きぇ", "きょ"],
  gy: ["ぎゃ", "ぎぃ", "ぎゅ", "ぎぇ", "ぎょ"],
  sh: ["しゃ", "し", "しゅ", "しぇ", "しょ"],
  sy: ["しゃ", "しぃ", "しゅ", "しぇ", "しょ"],
  ch: ["ちゃ", "ち", "ちゅ", "ちぇ", "ちょ"],
  ty: ["ちゃ", "ちぃ", "ちゅ", "ちぇ", "ちょ"],
  ts: ["つぁ", "つぃ", "つ", "つぇ", "つぉ"],
  zy: ["じゃ", "じぃ", "じゅ", "じぇ", "じょ"],
  jy: ["じゃ", "じぃ", "じゅ", "じぇ", "じょ"],
  ny: ["にゃ", "にぃ", "にゅ", "にぇ", "にょ"],
  hy: ["ひゃ", "ひぃ", "ひゅ", "ひぇ", "ひょ"],
  by: ["びゃ", "びぃ", "びゅ", "びぇ", "びょ"],
  py: ["ぴゃ", "ぴぃ", "ぴゅ", "ぴぇ", "ぴょ"],
  my: ["みゃ", "みぃ", "みゅ", "みぇ", "みょ"],
  ry: ["りゃ", "りぃ", "りゅ", "りぇ", "りょ"],
  dy: ["ぢゃ", "ぢぃ", "ぢゅ", "ぢぇ", "ぢょ"],
};
const VOWEL_INDEX: Record<string, number> = { a: 0, i: 1, u: 2, e: 3, o: 4 };

/** Hiragana for a lower-case ASCII word, or null when it is not plausible romaji. */
export function romajiToHiragana(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  let out = "";
  let i = 0;
  while (i < word.length) {
    const c = word[i] as string;
    const vowel = VOWELS[c];
    if (vowel) {
      out += vowel;
      i += 1;
      continue;
    }
    const next = word[i + 1];
    // 「ん」: n before a consonant, before an apostrophe-less end, or written nn / n'.
    if (c === "n" && (next === undefined || (!(next in VOWELS) && next !== "y"))) {
      out += "ん";
      i += next === "n" && !(word[i + 2] ?? "").match(/[aiueoy]/) ? 2 : 1;
      continue;
    }
    // Doubled consonant → っ (「kitte」), also 「tch」 (「matcha」).
    if (next === c || (c === "t" && next === "c")) {
      out += "っ";
      i += 1;
      continue;
    }
    const two = word.slice(i, i + 2);
    const afterTwo = word[i + 2];
    const onset = ROWS[two] && afterTwo !== undefined && afterTwo in VOWELS ? two : c;
    const row = ROWS[onset];
    const v = word[i + onset.length];
    if (!row || v === undefined || !(v in VOWELS)) return null;
    out += row[VOWEL_INDEX[v] as number];
    i += onset.length + 1;
  }
  return out;
}
