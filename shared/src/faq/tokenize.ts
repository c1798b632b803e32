/**
 * Text → weighted bag of terms. Four kinds of term, each covering what the others miss:
 * - words from Intl.Segmenter (ICU's dictionary, available in workerd and Node): exact content words,
 *   including kana ones; skipped for answers, where it would cost ~1 µs per character at build time;
 * - script runs (a whole kanji, katakana or latin stretch, 「指名料」「ポイント」): cheap word-like units;
 * - character bigrams of the folded key, only between non-hiragana characters (hiragana pairs are mostly
 *   grammar and measured as noise on both data sets), plus kanji pairs across one okurigana kana
 *   (「申し込み」 ≈ 「申込」): typo and spelling tolerance (「縮毛強制」 still shares 「縮毛」);
 * - lexicon concepts: synonyms that share no characters (「値段」「いくら」).
 * Bigrams are numeric keys (two UTF-16 codes): no string is built per character, which keeps an
 * index build of 500 entries within budget.
 */
import { CONCEPTS, LOANWORDS } from "./lexicon.ts";
import { foldCode, foldKana, fromCodes, ITERATION_MARK, normalizeText } from "./normalize.ts";
import { romajiToHiragana } from "./romaji.ts";

/** term → weight; bigrams are numbers, other terms prefixed strings (`w:`, `r:`, `c:`) */
export type TermBag = Map<string | number, number>;

/** How much a term can tell two FAQ entries apart; tuned on salon, checked on localgovfaq. */
const WEIGHT = { word: 0.5, kanaWord: 0.35, run: 0.5, bigram: 0.7, concept: 2 };

// Function words and politeness endings that Intl.Segmenter returns as words (hiragana words of one or
// two characters are dropped wholesale: 「たい」「から」「だけ」 are grammar).
const STOP_WORDS = new Set(
  "です ます ください くださ ですか ますか ですが でしょうか でしょう ありますか あります できますか できます ません ました ので のです んです んですが んですけど けれど ところ こと もの よう ような みたい など とか って という ちょっと すみません お願い ある いる する なる できる れる られる ない なく しまい しまう いただけ いただく もらえ もらう くれる"
    .split(" ")
    .map((word) => `w:${foldKana(word)}`),
);

export interface Lexicon {
  /**
   * The forms as a trie over folded UTF-16 codes, in flat typed arrays (what a stored index keeps as is):
   * node 0 is the root; node n's children are childNode[k] under code childCode[k] for k in
   * [childStart[n], childStart[n + 1]), codes ascending. The forms ending at node n give the concept terms
   * concepts[termConcept[k]] for k in [termStart[n], termStart[n + 1]) — one per form, so a text matching
   * two forms of one concept at one place counts twice, as it did form by form.
   */
  childStart: Int32Array;
  childCode: Uint16Array;
  childNode: Int32Array;
  termStart: Int32Array;
  termConcept: Int32Array;
  /** the concept terms (`c:…`) */
  concepts: string[];
  /** the root's children by UTF-16 code (0: no form starts with it), a table rather than a search */
  first: Int32Array;
  /** latin forms match whole words only: 「pt」 must not fire inside 「apt」 */
  latin: Map<string, string[]>;
}

let defaultLexicon: Lexicon | undefined;

/** The built-in lexicon plus a shop's synonym groups; the built-in one alone is compiled once. */
export function compileLexicon(extra?: Readonly<Record<string, readonly string[]>>): Lexicon {
  if (!extra || Object.keys(extra).length === 0) {
    defaultLexicon ??= compileForms(CONCEPTS);
    return defaultLexicon;
  }
  return compileForms({ ...CONCEPTS, ...extra });
}

function compileForms(groups: Readonly<Record<string, readonly string[]>>): Lexicon {
  // The trie with a Map per node first, then flattened.
  const next: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  const concepts: string[] = [];
  const latin: Lexicon["latin"] = new Map();
  for (const [concept, forms] of Object.entries(groups)) {
    const term = `c:${concept}`;
    const c = concepts.push(term) - 1;
    for (const form of forms) {
      const key = foldKana(normalizeText(form));
      if (!key) continue;
      if (/^[a-z0-9]+$/.test(key)) {
        latin.set(key, [...(latin.get(key) ?? []), term]);
        continue;
      }
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        const children = next[node] as Map<number, number>;
        let child = children.get(code);
        if (child === undefined) {
          child = next.length;
          children.set(code, child);
          next.push(new Map());
          ends.push([]);
        }
        node = child;
      }
      (ends[node] as number[]).push(c);
    }
  }
  const childStart = new Int32Array(next.length + 1);
  const childCode = new Uint16Array(next.length - 1);
  const childNode = new Int32Array(next.length - 1);
  const termStart = new Int32Array(next.length + 1);
  const termConcept: number[] = [];
  let k = 0;
  next.forEach((children, node) => {
    for (const code of [...children.keys()].sort((a, b) => a - b)) {
      childCode[k] = code;
      childNode[k++] = children.get(code) as number;
    }
    childStart[node + 1] = k;
    termConcept.push(...(ends[node] as number[]));
    termStart[node + 1] = termConcept.length;
  });
  const trie = { childStart, childCode, childNode, termStart, termConcept: Int32Array.from(termConcept) };
  return { ...trie, concepts, first: rootTable(trie), latin };
}

/** Lexicon.first from the root's children. */
export function rootTable(trie: Pick<Lexicon, "childStart" | "childCode" | "childNode">): Int32Array {
  const first = new Int32Array(0x10000);
  for (let k = 0; k < (trie.childStart[1] ?? 0); k++) first[trie.childCode[k] as number] = trie.childNode[k] as number;
  return first;
}

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** Romaji words become kana and known English words their katakana, so both meet the FAQ's wording. */
function prepare(text: string, lexicon: Lexicon): string {
  return normalizeText(text).replace(/[a-z]+/g, (word) => {
    if (lexicon.latin.has(word)) return word;
    const loan = LOANWORDS[word];
    if (loan) return ` ${loan} `;
    return romajiToHiragana(word) ?? word;
  });
}

// Character classes, computed once per character of the prepared text.
const SPACE = 0;
const HIRAGANA = 1;
const KATAKANA = 2;
const KANJI = 3;
const LATIN = 4;
const DIGIT = 5;

const PARTICLES = new Set([..."のをにがはでともへやか"].map((c) => c.charCodeAt(0)));

/**
 * The class of every UTF-16 code, one table lookup per character (64 KB, built once by range fills: a
 * callback per code cost ~5 ms at a cold start). Anything outside the ranges counts as kanji (surrogate
 * halves of rare kanji, symbols normalizeText let through).
 */
const CLASS = (() => {
  const table = new Uint8Array(0x10000).fill(KANJI);
  table.fill(HIRAGANA, 0x3041, 0x30a0);
  table.fill(KATAKANA, 0x30a1, 0x3100);
  table.fill(LATIN, 0x61, 0x7b);
  table.fill(DIGIT, 0x30, 0x3a);
  table[0x20] = SPACE;
  return table;
})();

/**
 * UTF-16 code → 15 bits (ASCII/Latin-1, kana, CJK, compatibility kanji), so that a bigram key stays a
 * small integer: V8 hashes those far faster than heap numbers or strings. Anything else (surrogate
 * halves) shares the last 4,096 values: rare, collisions harmless. Arithmetic rather than a 64 K table:
 * filling one code by code cost every fresh isolate ~2–3 ms at module init, and the branches are as fast.
 */
export function compactCode(code: number): number {
  if (code >= 0x3400 && code < 0xa000) return code - 0x3400 + 0x200; // CJK, the usual case
  if (code < 0x100) return code;
  if (code >= 0x3000 && code < 0x3100) return code - 0x3000 + 0x100; // kana
  if (code >= 0xf900 && code < 0xfb00) return code - 0xf900 + 0x6e00; // compatibility kanji
  return 0x7000 + (code % 0x1000);
}

/** Receives every term occurrence; analyze() folds them into a bag, buildFaqIndex() into its arrays. */
export type TermSink = (term: string | number, weight: number) => void;

function emitWords(sink: TermSink, prepared: string): void {
  for (const { segment, isWordLike } of segmenter.segment(prepared)) {
    if (!isWordLike) continue;
    // `w:` + foldKana(segment), built in one pass with the hiragana check.
    let term = "w:";
    let hiraganaOnly = true;
    for (let i = 0; i < segment.length; i++) {
      let code = segment.charCodeAt(i);
      if (CLASS[code] !== HIRAGANA) hiraganaOnly = false;
      if (code === ITERATION_MARK && term.length > 2) code = term.charCodeAt(term.length - 1);
      else if (code === 0x30fc)
        continue; // ー
      else code = foldCode(code);
      term += String.fromCharCode(code);
    }
    if (term.length === 2 || STOP_WORDS.has(term)) continue;
    if (hiraganaOnly && term.length <= 4) continue; // hiragana words of one or two characters are grammar
    sink(term, hiraganaOnly ? WEIGHT.kanaWord : WEIGHT.word);
  }
}

// Per-text scratch buffers (folded codes and the classes of the characters they came from), grown as
// needed: no allocation per text.
let codes = new Uint16Array(512);
let classes = new Uint8Array(512);

/**
 * Bigrams, script runs and lexicon concepts in one pass over the folded key (foldKana's, computed
 * here code by code rather than as a string: only runs and latin words need one).
 */
function emitCharacterTerms(sink: TermSink, prepared: string, lexicon: Lexicon): void {
  if (codes.length < prepared.length + 1) {
    codes = new Uint16Array(2 * prepared.length + 2);
    classes = new Uint8Array(2 * prepared.length + 2);
  }
  let n = 0;
  let latinWords = false;
  for (let i = 0; i < prepared.length; i++) {
    const code = prepared.charCodeAt(i);
    if (code === 0x30fc) continue; // ー, which foldKana drops
    const folded = code === ITERATION_MARK && n > 0 ? (codes[n - 1] as number) : foldCode(code);
    codes[n] = folded;
    const c = CLASS[code] as number;
    classes[n++] = c;
    if (c === LATIN || c === DIGIT) latinWords = true;
  }
  classes[n] = SPACE;
  let runStart = 0;
  let prev = SPACE;
  for (let i = 0; i <= n; i++) {
    const c = classes[i] as number;
    if (prev !== SPACE && prev !== HIRAGANA && c !== SPACE && c !== HIRAGANA)
      sink(compactCode(codes[i - 1] as number) * 0x8000 + compactCode(codes[i] as number), WEIGHT.bigram);
    // Okurigana skipped: 「申し込み」「取り消し」「持ち帰り」 also give the bigram of 「申込」「取消」「持帰」
    // (a particle between two kanji, 「市の税」, is not okurigana).
    else if (i > 1 && c === KANJI && prev === HIRAGANA && classes[i - 2] === KANJI && !PARTICLES.has(codes[i - 1] as number))
      sink(compactCode(codes[i - 2] as number) * 0x8000 + compactCode(codes[i] as number), WEIGHT.bigram);
    if (c !== prev) {
      if (i - runStart >= 2 && (prev === KANJI || prev === KATAKANA || prev === LATIN))
        sink(fromCodes(codes, i, runStart, "r:"), WEIGHT.run);
      runStart = i;
    }
    prev = c;
  }

  // Concepts: latin forms as whole words, the others by walking the trie from every start character.
  if (latinWords && lexicon.latin.size > 0) {
    for (const word of fromCodes(codes, n).match(/[a-z0-9]+/g) ?? []) {
      for (const term of lexicon.latin.get(word) ?? []) sink(term, WEIGHT.concept);
    }
  }
  const { childStart, childCode, childNode, termStart, termConcept, concepts, first } = lexicon;
  for (let i = 0; i < n; i++) {
    let node = first[codes[i] as number] as number;
    for (let j = i + 1; node !== 0; j++) {
      for (let k = termStart[node] as number, end = termStart[node + 1] as number; k < end; k++)
        sink(concepts[termConcept[k] as number] as string, WEIGHT.concept);
      if (j === n) break;
      // the child under the next code (children ascending by code; 0: none)
      const code = codes[j] as number;
      let child = 0;
      for (let k = childStart[node] as number, end = childStart[node + 1] as number; k < end; k++) {
        const c = childCode[k] as number;
        if (c >= code) {
          if (c === code) child = childNode[k] as number;
          break;
        }
      }
      node = child;
    }
  }
}

/** Every term occurrence of a text, in order; `words: false` skips Intl.Segmenter (long answers). */
export function emitTerms(text: string, lexicon: Lexicon, words: boolean, sink: TermSink): void {
  const prepared = prepare(text, lexicon);
  if (words) emitWords(sink, prepared);
  emitCharacterTerms(sink, prepared, lexicon);
}

/**
 * A text's terms with their largest weight: presence, not frequency, so that a message repeating
 * 「ポイント」 three times does not outweigh what it asks.
 */
export function analyze(text: string, lexicon: Lexicon): TermBag {
  const bag: TermBag = new Map();
  emitTerms(text, lexicon, true, (term, weight) => {
    if (weight > (bag.get(term) ?? 0)) bag.set(term, weight);
  });
  return bag;
}
