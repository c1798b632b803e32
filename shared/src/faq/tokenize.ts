/**
 * Text → weighted bag of terms. Three kinds of term, each covering what the others miss:
 * - `w:` words from Intl.Segmenter (ICU's dictionary works in workerd and Node): exact content words;
 * - `b:` character bigrams of the folded key: conjugations (「使える」「使えます」), typos (「縮毛強制」), kana
 *   spellings, compounds the segmenter splits differently;
 * - `c:` lexicon concepts: synonyms that share no characters (「値段」「いくら」).
 * Weights say how much a term can tell apart two FAQ entries: kana-only pieces are mostly grammar.
 */
import { CONCEPTS, LOANWORDS } from "./lexicon.ts";
import { foldKana, normalizeText, type Script, scriptOf } from "./normalize.ts";
import { romajiToHiragana } from "./romaji.ts";

export type TermBag = Map<string, number>;

const WEIGHT = {
  word: 1,
  kanaWord: 0.35,
  bigram: 0.5,
  kanaBigram: 0.12,
  concept: 1,
  ...JSON.parse((globalThis as any).process?.env?.W ?? "{}"),
};

// Function words and politeness endings that Intl.Segmenter returns as words.
const STOP_WORDS = new Set(
  "です ます ください くださ さい ですか ますか でしょうか ありますか あります できますか できます ません ました ので のです んです んですが んですけど けど けれど ですが ところ こと もの よう ような みたい など とか って という ちょっと すみません お願い 願い いい よい ある いる する なる できる れる られる".split(
    " ",
  ),
);

interface CompiledLexicon {
  /** folded form → concepts, grouped by first character for a linear scan */
  byFirstChar: Map<string, Array<{ key: string; concept: string }>>;
  /** latin forms match whole words only: 「pt」 must not fire inside 「apt」 */
  latin: Map<string, string[]>;
}

export function compileLexicon(extra: Readonly<Record<string, readonly string[]>> = {}): CompiledLexicon {
  const byFirstChar: CompiledLexicon["byFirstChar"] = new Map();
  const latin: CompiledLexicon["latin"] = new Map();
  for (const [concept, forms] of Object.entries({ ...CONCEPTS, ...extra })) {
    for (const form of forms) {
      const key = foldKana(normalizeText(form));
      if (!key) continue;
      if (/^[a-z0-9 ]+$/.test(key)) {
        latin.set(key, [...(latin.get(key) ?? []), concept]);
        continue;
      }
      const first = key[0] as string;
      const list = byFirstChar.get(first) ?? [];
      list.push({ key, concept });
      byFirstChar.set(first, list);
    }
  }
  return { byFirstChar, latin };
}

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** Romaji words become kana and known English words their katakana, so both meet the FAQ's wording. */
function prepare(text: string, lexicon: CompiledLexicon): string {
  return normalizeText(text).replace(/[a-z]+/g, (word) => {
    if (lexicon.latin.has(word)) return word;
    const loan = LOANWORDS[word];
    if (loan) return ` ${loan} `;
    return romajiToHiragana(word) ?? word;
  });
}

function add(bag: TermBag, term: string, weight: number): void {
  if (weight > (bag.get(term) ?? 0)) bag.set(term, weight);
}

function addWords(bag: TermBag, prepared: string): void {
  for (const { segment, isWordLike } of segmenter.segment(prepared)) {
    if (!isWordLike) continue;
    const key = foldKana(segment);
    if (key.length === 0 || STOP_WORDS.has(key)) continue;
    const kanaOnly = [...segment].every((c) => scriptOf(c) === "kana");
    if (kanaOnly && key.length < 2) continue;
    add(bag, `w:${key}`, kanaOnly ? WEIGHT.kanaWord : WEIGHT.word);
  }
}

function addBigrams(bag: TermBag, prepared: string): void {
  for (const chunk of prepared.split(" ")) {
    // Hiragana vs katakana must be told apart before folding: katakana words are content words.
    const chars: Array<{ key: string; script: Script; hiragana: boolean }> = [];
    for (const ch of chunk) {
      const key = foldKana(ch);
      if (!key) continue;
      const code = ch.charCodeAt(0);
      chars.push({ key, script: scriptOf(ch), hiragana: code >= 0x3041 && code <= 0x309f });
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] as (typeof chars)[number];
      const b = chars[i + 1] as (typeof chars)[number];
      const grammar = a.hiragana && b.hiragana;
      add(bag, `b:${a.key}${b.key}`, grammar ? WEIGHT.kanaBigram : WEIGHT.bigram);
    }
  }
}

function addConcepts(bag: TermBag, prepared: string, lexicon: CompiledLexicon): void {
  const key = foldKana(prepared);
  for (const word of key.split(/[^a-z0-9]+/)) {
    for (const concept of lexicon.latin.get(word) ?? []) add(bag, `c:${concept}`, WEIGHT.concept);
  }
  for (let i = 0; i < key.length; i++) {
    for (const form of lexicon.byFirstChar.get(key[i] as string) ?? []) {
      if (key.startsWith(form.key, i)) add(bag, `c:${form.concept}`, WEIGHT.concept);
    }
  }
}

export interface AnalyzeOptions {
  /** Skip Intl.Segmenter (long answer texts: bigrams and concepts carry them, and it halves build time). */
  words?: boolean;
}

export function analyze(text: string, lexicon: CompiledLexicon, options: AnalyzeOptions = {}): TermBag {
  const bag: TermBag = new Map();
  const prepared = prepare(text, lexicon);
  if (options.words !== false) addWords(bag, prepared);
  addBigrams(bag, prepared);
  addConcepts(bag, prepared, lexicon);
  return bag;
}
