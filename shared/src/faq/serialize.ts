/**
 * A built FaqIndex as bytes, so that a fresh Worker isolate can load it instead of building it (~35 ms
 * warm, ~100 ms cold for 500 entries). Pure TS, web-platform globals only (TextDecoder): runs in workerd and
 * Node.
 *
 * Layout (little-endian, as every platform Workers and Node run on):
 *   magic "EFQI" · u32 format · u32 total length · two u32 checksums of the rest (see `checksum`) · u32 0
 *   then sections in a fixed order, each 8-byte aligned: u32 tag · u32 element count · the elements.
 * Loading is near zero-copy, because a fresh isolate runs it before the JIT has compiled anything (every
 * loop over the bytes costs tens of ns per element there): the term table (TermTable), the lexicon trie,
 * the postings (values as palette codes) and idf (by df) are stored as the index holds them and become
 * views of the bytes, integers stored narrower being widened natively (TypedArray.set); strings (entries,
 * concepts, latin words) are one UTF-16 block decoded once. What is left to loop over is per entry or
 * per phrasing (entries, concept lists), not per term or per posting.
 *
 * The format number changes whenever the layout does. It does not say which matcher code built the
 * index: a stored index must also be keyed by the code's identity (the bot uses the Worker's version id).
 */
import type { FaqIndex } from "./build.ts";
import { type Postings, TermTable } from "./postings.ts";
import type { FaqEntry } from "./schema.ts";
import { type Lexicon, rootTable, type TermBag } from "./tokenize.ts";

/** "EFQI" */
const MAGIC = [0x45, 0x46, 0x51, 0x49] as const;
/** Bump on any change of the layout below. */
export const FAQ_INDEX_FORMAT = 3;
const HEADER_BYTES = 24;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Section tags, in the order they are written: a reader out of step with the writer fails at once. */
const Tag = {
  Meta: 1,
  Numbers: 2,
  StringLengths: 3,
  StringChars: 4,
  EntryAlternates: 5,
  EntryStrings: 6,
  TermSlots: 7,
  TermBigram: 8,
  TermStart: 9,
  TermChars: 10,
  Df: 11,
  IdfByDf: 12,
  PhrasingEntry: 13,
  PhrasingMass: 14,
  PhrasingLearned: 15,
  EntryNorm: 16,
  PhrasingConceptCounts: 17,
  PhrasingConcepts: 18,
  AnswerConceptCounts: 19,
  AnswerConcepts: 20,
  PostingsStart: 21,
  PostingsItem: 22,
  PostingsCode: 23,
  PostingsPalette: 24,
  OutOfScopeSizes: 25,
  OutOfScopeKeys: 26,
  OutOfScopeWeights: 27,
  LexiconChildStart: 28,
  LexiconChildCode: 29,
  LexiconChildNode: 30,
  LexiconTermStart: 31,
  LexiconTermConcept: 32,
  LexiconConcepts: 33,
  LexiconLatin: 34,
} as const;
type Tag = (typeof Tag)[keyof typeof Tag];

type Section = Int32Array | Float64Array | Uint8Array | Uint16Array;

/** Element kind of a section, stored beside its tag: integers take the narrowest width that holds them. */
const KIND_U8 = 1;
const KIND_U16 = 2;
const KIND_I32 = 3;
const KIND_F64 = 4;
const kindOf = (data: Section): number =>
  data instanceof Uint8Array ? KIND_U8 : data instanceof Uint16Array ? KIND_U16 : data instanceof Int32Array ? KIND_I32 : KIND_F64;
const BYTES_OF_KIND = [0, 1, 2, 4, 8] as const;

/** Bytes that are not an index this code wrote: another format, truncated or altered. */
export class FaqIndexFormatError extends Error {
  override name = "FaqIndexFormatError";
}

function fail(message: string): never {
  throw new FaqIndexFormatError(`serialized FAQ index refused: ${message}`);
}

/** Words the checksum reads at most: every word of an index up to 32 kB, evenly spaced ones beyond. */
export const CHECKED_WORDS = 8192;

/**
 * Fletcher-like checksum of the words after the header, or of a sample of them — every `stride`-th one,
 * the stride chosen so that at most CHECKED_WORDS are read: their sum (any one altered word changes it)
 * and the sum of the running sums (position-sensitive). A fresh isolate cannot afford a pass over every
 * word of a large index before the JIT starts (3–7 ms over format 1's 680 kB; 8,192 words ~0.5 ms), so
 * past 32 kB this catches what storage does to a whole row or a stretch of it — other bytes, a mangled
 * encoding, zeroed or shifted stretches — and a single altered byte only when it lies in a sampled word;
 * truncation and padding are caught by the length in the header. Not tampering. What a missed alteration can do is bounded: the reader checks the structure and every index
 * it hands to code that would throw on a bad one (phrasing → entry, trie → concept), and lookups and
 * loops stay within their arrays (TermTable, accumulate.ts): scores may change, decide() does not crash or
 * hang.
 */
function checksum(words: Int32Array): [number, number] {
  const stride = Math.ceil(words.length / CHECKED_WORDS) || 1;
  let a = 0;
  let b = 0;
  for (let i = 0; i < words.length; i += stride) {
    a = (a + (words[i] as number)) | 0;
    b = (b + a) | 0;
  }
  return [a >>> 0, b >>> 0];
}

// --- writing ---

class StringPool {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

/** Term key as stored: a bigram as is (< 2^30), a string as −(pool id + 1). */
const termKey = (term: string | number, pool: StringPool): number => (typeof term === "number" ? term : -(pool.id(term) + 1));

/** Integers in the narrowest typed array that holds them all. */
function ints(values: ArrayLike<number>): Uint8Array | Uint16Array | Int32Array {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new Error(`serializeFaqIndex: ${v} is not a 32-bit integer`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min >= 0 && max <= 0xff) return Uint8Array.from(values);
  if (min >= 0 && max <= 0xffff) return Uint16Array.from(values);
  return Int32Array.from(values);
}

class Writer {
  readonly sections: Array<[number, Section]> = [];
  ints(tag: Tag, values: ArrayLike<number>): void {
    this.sections.push([tag, ints(values)]);
  }
  raw(tag: Tag, data: Section): void {
    this.sections.push([tag, data]);
  }
  postings(p: Postings): void {
    this.ints(Tag.PostingsStart, p.start);
    this.ints(Tag.PostingsItem, p.item);
    this.ints(Tag.PostingsCode, p.code);
    this.raw(Tag.PostingsPalette, p.palette);
  }
  /** string[][] as counts and pool ids */
  lists(countTag: Tag, listTag: Tag, lists: readonly (readonly string[])[], pool: StringPool): void {
    const flat: number[] = [];
    for (const list of lists) for (const text of list) flat.push(pool.id(text));
    this.ints(
      countTag,
      Array.from(lists, (list) => list.length),
    );
    this.ints(listTag, flat);
  }

  bytes(): Uint8Array {
    let total = HEADER_BYTES;
    for (const [, data] of this.sections) total += 8 + padded(data.byteLength);
    const bytes = new Uint8Array(total);
    const words = new Uint32Array(bytes.buffer);
    bytes.set(MAGIC, 0);
    words[1] = FAQ_INDEX_FORMAT;
    words[2] = total;
    let offset = HEADER_BYTES;
    for (const [tag, data] of this.sections) {
      words[offset / 4] = tag | (kindOf(data) << 16);
      words[offset / 4 + 1] = data.length;
      bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset + 8);
      offset += 8 + padded(data.byteLength);
    }
    [words[3], words[4]] = checksum(new Int32Array(bytes.buffer, HEADER_BYTES));
    return bytes;
  }
}

const padded = (bytes: number): number => (bytes + 7) & ~7;

export function serializeFaqIndex(index: FaqIndex): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error("serializeFaqIndex: big-endian platforms are not supported");
  const pool = new StringPool();
  const out = new Writer();

  const entryStrings: number[] = [];
  for (const entry of index.entries) {
    entryStrings.push(pool.id(entry.id), pool.id(entry.question), pool.id(entry.answer));
    for (const alternate of entry.alternates) entryStrings.push(pool.id(alternate));
  }
  const bagKeys: number[] = [];
  const bagWeights: number[] = [];
  for (const bag of index.outOfScope) {
    for (const [term, weight] of bag) {
      bagKeys.push(termKey(term, pool));
      bagWeights.push(weight);
    }
  }
  // The strings go first (the reader needs them for everything else): gather every one before writing.
  const rest = new Writer();
  rest.ints(
    Tag.EntryAlternates,
    Array.from(index.entries, (e) => e.alternates.length),
  );
  rest.ints(Tag.EntryStrings, entryStrings);
  const { termIds } = index;
  rest.ints(Tag.TermSlots, termIds.slots);
  rest.raw(Tag.TermBigram, termIds.bigram);
  rest.ints(Tag.TermStart, termIds.start);
  rest.raw(Tag.TermChars, termIds.chars);
  rest.ints(Tag.Df, index.df);
  rest.raw(Tag.IdfByDf, index.idfByDf);
  rest.ints(Tag.PhrasingEntry, index.phrasingEntry);
  rest.raw(Tag.PhrasingMass, index.phrasingMass);
  rest.raw(Tag.PhrasingLearned, index.phrasingLearned);
  rest.raw(Tag.EntryNorm, index.entryNorm);
  rest.lists(Tag.PhrasingConceptCounts, Tag.PhrasingConcepts, index.phrasingConcepts, pool);
  rest.lists(Tag.AnswerConceptCounts, Tag.AnswerConcepts, index.answerConcepts, pool);
  rest.postings(index.phrasingPostings);
  rest.postings(index.entryPostings);
  rest.ints(
    Tag.OutOfScopeSizes,
    Array.from(index.outOfScope, (bag) => bag.size),
  );
  rest.raw(Tag.OutOfScopeKeys, Int32Array.from(bagKeys));
  rest.raw(Tag.OutOfScopeWeights, Float64Array.from(bagWeights));
  writeLexicon(rest, index.lexicon, pool);

  const lengths = Int32Array.from(pool.strings, (text) => text.length);
  const chars = new Uint16Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const text of pool.strings) for (let i = 0; i < text.length; i++) chars[at++] = text.charCodeAt(i);

  out.raw(Tag.Meta, Int32Array.from([index.entries.length, index.phrasingEntry.length, termIds.size, index.outOfScope.length]));
  out.raw(Tag.Numbers, Float64Array.from([index.unknownIdf]));
  out.ints(Tag.StringLengths, lengths);
  out.raw(Tag.StringChars, chars);
  out.sections.push(...rest.sections);
  return out.bytes();
}

/** The lexicon's trie as it is (the built-in one too: compiling it costs a cold isolate ~3 ms), its concepts, its latin words. */
function writeLexicon(out: Writer, lexicon: Lexicon, pool: StringPool): void {
  out.ints(Tag.LexiconChildStart, lexicon.childStart);
  out.raw(Tag.LexiconChildCode, lexicon.childCode);
  out.ints(Tag.LexiconChildNode, lexicon.childNode);
  out.ints(Tag.LexiconTermStart, lexicon.termStart);
  out.ints(Tag.LexiconTermConcept, lexicon.termConcept);
  out.ints(
    Tag.LexiconConcepts,
    lexicon.concepts.map((c) => pool.id(c)),
  );
  // per latin word: its pool id, the number of its concepts, their pool ids
  const latin: number[] = [];
  for (const [word, list] of lexicon.latin) latin.push(pool.id(word), list.length, ...list.map((t) => pool.id(t)));
  out.ints(Tag.LexiconLatin, latin);
}

// --- reading ---

const ARRAY_OF_KIND = [undefined, Uint8Array, Uint16Array, Int32Array, Float64Array] as const;

class Reader {
  private offset = HEADER_BYTES;
  private readonly buffer: ArrayBuffer;
  constructor(buffer: ArrayBuffer) {
    this.buffer = buffer;
  }

  /** The next section, which must carry `tag` (and `expected` elements, when given), as a view. */
  section(tag: Tag, expected?: number): Section {
    const { buffer } = this;
    if (this.offset + 8 > buffer.byteLength) fail(`truncated before section ${tag}`);
    const head = new Uint32Array(buffer, this.offset, 2);
    const word = head[0] as number;
    if ((word & 0xffff) !== tag) fail(`section ${word & 0xffff} found where section ${tag} belongs`);
    const kind = word >>> 16;
    const type = ARRAY_OF_KIND[kind];
    if (!type) fail(`section ${tag} has unknown element kind ${kind}`);
    const length = head[1] as number;
    if (expected !== undefined && length !== expected) fail(`section ${tag} holds ${length} elements, ${expected} expected`);
    const bytes = length * (BYTES_OF_KIND[kind as 1] as number);
    if (this.offset + 8 + bytes > buffer.byteLength) fail(`section ${tag} runs past the end`);
    const data = new type(buffer, this.offset + 8, length);
    this.offset += 8 + padded(bytes);
    return data;
  }

  /** Integers of any width (read them by index; Int32Array when the index needs that type). */
  ints(tag: Tag, expected?: number): Uint8Array | Uint16Array | Int32Array {
    const data = this.section(tag, expected);
    if (data instanceof Float64Array) fail(`section ${tag} holds floats, integers expected`);
    return data;
  }

  /** Integers as an Int32Array: a view, or widened natively from a narrower width. */
  int32(tag: Tag, expected?: number): Int32Array {
    const data = this.ints(tag, expected);
    if (data instanceof Int32Array) return data;
    const wide = new Int32Array(data.length);
    wide.set(data);
    return wide;
  }

  uint8(tag: Tag, expected?: number): Uint8Array {
    const data = this.section(tag, expected);
    if (!(data instanceof Uint8Array)) fail(`section ${tag} does not hold bytes`);
    return data;
  }

  uint16(tag: Tag, expected?: number): Uint16Array {
    const data = this.section(tag, expected);
    if (!(data instanceof Uint16Array)) fail(`section ${tag} does not hold UTF-16 codes`);
    return data;
  }

  float64(tag: Tag, expected?: number): Float64Array {
    const data = this.section(tag, expected);
    if (!(data instanceof Float64Array)) fail(`section ${tag} holds no floats`);
    return data;
  }

  /** Offsets are checked at both ends only (codes not at all): accumulate.ts keeps every walk within `item`. */
  postings(termCount: number): Postings {
    const start = this.int32(Tag.PostingsStart, termCount + 1);
    if (start[0] !== 0) fail("postings do not start at 0");
    const item = this.int32(Tag.PostingsItem, start[termCount]);
    const code = this.int32(Tag.PostingsCode, item.length);
    const palette = this.float64(Tag.PostingsPalette);
    return { start, item, code, palette };
  }

  lists(countTag: Tag, listTag: Tag, strings: readonly string[], expected?: number): string[][] {
    const counts = this.ints(countTag, expected);
    const flat = this.ints(listTag);
    const lists: string[][] = [];
    let k = 0;
    for (let i = 0; i < counts.length; i++) {
      const end = k + (counts[i] as number);
      if (end > flat.length) fail(`lists of section ${listTag} run past it`);
      const list: string[] = [];
      for (; k < end; k++) list.push(stringAt(strings, flat[k] as number));
      lists.push(list);
    }
    if (k !== flat.length) fail(`lists of section ${listTag} do not add up`);
    return lists;
  }

  get done(): boolean {
    return this.offset === this.buffer.byteLength;
  }
}

const utf16 = (() => {
  try {
    // ignoreBOM: a U+FEFF starting the block is content (the first string), not a mark to strip
    return new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true });
  } catch {
    return undefined;
  }
})();

/** The block of every string, exactly (lone surrogates included: the fast decoder refuses those). */
function decodeChars(chars: Uint16Array): string {
  if (utf16) {
    try {
      return utf16.decode(chars);
    } catch {
      // a lone surrogate somewhere: decode code by code below
    }
  }
  let text = "";
  for (let i = 0; i < chars.length; i += 8192) text += String.fromCharCode(...chars.subarray(i, i + 8192));
  return text;
}

function stringAt(strings: readonly string[], id: number): string {
  const text = strings[id];
  if (text === undefined) fail(`string ${id} of ${strings.length} referenced`);
  return text;
}

const termOf = (key: number, strings: readonly string[]): string | number => (key >= 0 ? key : stringAt(strings, -key - 1));

/** The term table as views (slots and offsets widened when stored narrower). */
function readTermTable(reader: Reader, termCount: number): TermTable {
  const slots = reader.int32(Tag.TermSlots);
  const bigram = reader.section(Tag.TermBigram, termCount);
  const start = reader.int32(Tag.TermStart, termCount + 1);
  const chars = reader.uint16(Tag.TermChars, start[termCount]);
  if (!(bigram instanceof Int32Array)) fail("bigram keys are not 32-bit integers");
  if (slots.length < 2 || (slots.length & (slots.length - 1)) !== 0 || slots.length < termCount) fail("malformed term table");
  return new TermTable(slots, bigram, start, chars);
}

function readLexicon(reader: Reader, strings: readonly string[]): Lexicon {
  const childStart = reader.int32(Tag.LexiconChildStart);
  const nodes = childStart.length - 1;
  const childCode = reader.uint16(Tag.LexiconChildCode, childStart[nodes]);
  const childNode = reader.int32(Tag.LexiconChildNode, childCode.length);
  const termStart = reader.int32(Tag.LexiconTermStart, nodes + 1);
  const termConcept = reader.int32(Tag.LexiconTermConcept, termStart[nodes]);
  const conceptIds = reader.ints(Tag.LexiconConcepts);
  const latinFlat = reader.ints(Tag.LexiconLatin);
  // The walk in tokenize.ts trusts the trie's ranges and concept numbers: a thousand nodes, checked here.
  if (nodes < 1 || childStart[0] !== 0 || termStart[0] !== 0) fail("malformed lexicon trie");
  for (let node = 0; node < nodes; node++)
    if ((childStart[node + 1] as number) < (childStart[node] as number) || (termStart[node + 1] as number) < (termStart[node] as number))
      fail(`lexicon node ${node} has a broken range`);
  const concepts = Array.from(conceptIds, (id) => stringAt(strings, id));
  for (let k = 0; k < termConcept.length; k++) if ((termConcept[k] as number) >>> 0 >= concepts.length) fail("lexicon form of no concept");
  const latin: Lexicon["latin"] = new Map();
  for (let k = 0; k < latinFlat.length; ) {
    const word = stringAt(strings, latinFlat[k] as number);
    const count = latinFlat[k + 1] ?? 0;
    if (k + 2 + count > latinFlat.length) fail("lexicon latin words run past their section");
    const list: string[] = [];
    for (let j = 0; j < count; j++) list.push(stringAt(strings, latinFlat[k + 2 + j] as number));
    latin.set(word, list);
    k += 2 + count;
  }
  const trie = { childStart, childCode, childNode, termStart, termConcept };
  return { ...trie, concepts, first: rootTable(trie), latin };
}

/**
 * The index serializeFaqIndex() wrote. Throws FaqIndexFormatError on anything else: another format,
 * truncated bytes, a broken structure, altered bytes where the checksum reads. Typed arrays are views of
 * (or expanded from) one private copy of `bytes`.
 */
export function deserializeFaqIndex(bytes: Uint8Array): FaqIndex {
  if (!LITTLE_ENDIAN) throw new Error("deserializeFaqIndex: big-endian platforms are not supported");
  if (!(bytes instanceof Uint8Array)) fail("not a Uint8Array");
  if (bytes.length < HEADER_BYTES) fail(`${bytes.length} bytes, shorter than the header`);
  if (MAGIC.some((b, i) => bytes[i] !== b)) fail("no FAQ index magic (EFQI) at the start");
  // One copy: aligned for every typed array, and nothing the caller does to `bytes` later reaches the index.
  const buffer = bytes.slice().buffer;
  const header = new Uint32Array(buffer, 0, HEADER_BYTES / 4);
  if (header[1] !== FAQ_INDEX_FORMAT) fail(`format ${header[1]}, this code reads format ${FAQ_INDEX_FORMAT}`);
  if (header[2] !== bytes.length) fail(`${bytes.length} bytes, the header says ${header[2]} (truncated or padded)`);
  if (bytes.length % 8 !== 0) fail(`${bytes.length} bytes is not a whole number of sections`);
  const [a, b] = checksum(new Int32Array(buffer, HEADER_BYTES));
  if (a !== header[3] || b !== header[4] || header[5] !== 0) fail("checksum mismatch (altered bytes)");

  const reader = new Reader(buffer);
  const [entryCount, phrasingCount, termCount, outOfScopeCount] = reader.ints(Tag.Meta, 4) as unknown as number[] as [
    number,
    number,
    number,
    number,
  ];
  const numbers = reader.section(Tag.Numbers, 1);
  if (!(numbers instanceof Float64Array)) fail("the numbers section holds no floats");
  const unknownIdf = numbers[0] as number;

  const lengths = reader.ints(Tag.StringLengths);
  const chars = reader.uint16(Tag.StringChars);
  const text = decodeChars(chars);
  const strings: string[] = new Array(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = at + (lengths[i] as number);
    strings[i] = text.slice(at, end);
    at = end;
  }
  if (at !== text.length) fail("string lengths do not add up to the string block");

  const alternateCounts = reader.ints(Tag.EntryAlternates, entryCount);
  const entryStrings = reader.ints(Tag.EntryStrings);
  const entries: FaqEntry[] = [];
  let k = 0;
  for (let e = 0; e < entryCount; e++) {
    const id = stringAt(strings, entryStrings[k++] as number);
    const question = stringAt(strings, entryStrings[k++] as number);
    const answer = stringAt(strings, entryStrings[k++] as number);
    const alternates: string[] = [];
    for (let j = 0; j < (alternateCounts[e] as number); j++) alternates.push(stringAt(strings, entryStrings[k++] as number));
    entries.push({ id, question, answer, alternates });
  }
  if (k !== entryStrings.length) fail("entry strings do not add up");

  const termIds = readTermTable(reader, termCount);
  const df = reader.int32(Tag.Df, termCount);
  const idfByDf = reader.float64(Tag.IdfByDf, entryCount + 1);
  const phrasingEntry = reader.int32(Tag.PhrasingEntry, phrasingCount);
  // ranking looks entries up by these: each must be one
  for (let p = 0; p < phrasingCount; p++) if ((phrasingEntry[p] as number) >= entryCount) fail(`phrasing ${p} of no entry`);
  const phrasingMass = reader.float64(Tag.PhrasingMass, phrasingCount);
  const phrasingLearned = reader.uint8(Tag.PhrasingLearned, phrasingCount);
  const entryNorm = reader.float64(Tag.EntryNorm, entryCount);
  const phrasingConcepts = reader.lists(Tag.PhrasingConceptCounts, Tag.PhrasingConcepts, strings, phrasingCount);
  const answerConcepts = reader.lists(Tag.AnswerConceptCounts, Tag.AnswerConcepts, strings, entryCount);
  const phrasingPostings = reader.postings(termCount);
  const entryPostings = reader.postings(termCount);

  const bagSizes = reader.ints(Tag.OutOfScopeSizes, outOfScopeCount);
  const bagKeys = reader.ints(Tag.OutOfScopeKeys);
  const bagWeights = reader.float64(Tag.OutOfScopeWeights, bagKeys.length);
  const outOfScope: TermBag[] = [];
  k = 0;
  for (let b = 0; b < outOfScopeCount; b++) {
    const bag: TermBag = new Map();
    const end = k + (bagSizes[b] as number);
    if (end > bagKeys.length) fail("out-of-scope terms run past their section");
    for (; k < end; k++) bag.set(termOf(bagKeys[k] as number, strings), bagWeights[k] as number);
    outOfScope.push(bag);
  }
  if (k !== bagKeys.length) fail("out-of-scope terms do not add up");

  const lexicon = readLexicon(reader, strings);
  if (!reader.done) fail("bytes left after the last section");

  return {
    entries,
    lexicon,
    termIds,
    df,
    idfByDf,
    unknownIdf,
    phrasingEntry,
    phrasingMass,
    phrasingLearned,
    phrasingConcepts,
    answerConcepts,
    phrasingPostings,
    entryPostings,
    entryNorm,
    outOfScope,
  };
}
