/**
 * A built FaqIndex as bytes, so that a fresh Worker isolate can load it (a few copies and one string
 * decode) instead of building it (~35 ms warm, ~100 ms cold for 500 entries). Pure TS, web-platform
 * globals only (TextDecoder): runs in workerd and Node.
 *
 * Layout (little-endian, as every platform Workers and Node run on):
 *   magic "EFQI" · u32 format · u32 total length · two u32 checksums of what follows the header · u32 0
 *   then sections in a fixed order, each 8-byte aligned: u32 tag · u32 element count · the elements.
 * Strings (entries, string terms, concepts, out-of-scope terms, a shop lexicon) are one UTF-16 block plus
 * their lengths, decoded once. What is cheap to recompute is recomputed: the built-in lexicon (compiled
 * once per isolate anyway), the term → id table (interned again in id order), Maps.
 *
 * The format number changes whenever the layout does. It does not say which matcher code built the
 * index: a stored index must also be keyed by the code's identity (the bot uses the Worker's version id).
 */
import type { FaqIndex } from "./build.ts";
import { type Postings, TermIds } from "./postings.ts";
import type { FaqEntry } from "./schema.ts";
import { compileLexicon, type Lexicon, type TermBag } from "./tokenize.ts";

/** "EFQI" */
const MAGIC = [0x45, 0x46, 0x51, 0x49] as const;
/** Bump on any change of the layout below. */
export const FAQ_INDEX_FORMAT = 1;
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
  TermStrings: 7,
  TermTable: 28,
  Idf: 8,
  PhrasingEntry: 9,
  PhrasingMass: 10,
  PhrasingLearned: 11,
  EntryNorm: 12,
  PhrasingConceptCounts: 13,
  PhrasingConcepts: 14,
  AnswerConceptCounts: 15,
  AnswerConcepts: 16,
  PostingsStart: 17,
  PostingsItem: 18,
  PostingsValue: 19,
  OutOfScopeSizes: 20,
  OutOfScopeKeys: 21,
  OutOfScopeWeights: 22,
  LexiconParent: 23,
  LexiconCode: 24,
  LexiconTermCounts: 25,
  LexiconTerms: 26,
  LexiconLatin: 27,
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

/**
 * Fletcher-like checksum of whole words: their sum (any one altered word changes it) and the sum of the
 * running sums (position-sensitive). Two additions per word: a fresh isolate checks 1 MB in a few ms
 * before the JIT has compiled anything. Catches corruption and truncation, not tampering.
 */
function checksum(words: Int32Array): [number, number] {
  let a = 0;
  let b = 0;
  const n = words.length;
  let i = 0;
  // four words per turn: less loop overhead while this still runs in the interpreter
  for (; i + 4 <= n; i += 4) {
    a = (a + (words[i] as number)) | 0;
    b = (b + a) | 0;
    a = (a + (words[i + 1] as number)) | 0;
    b = (b + a) | 0;
    a = (a + (words[i + 2] as number)) | 0;
    b = (b + a) | 0;
    a = (a + (words[i + 3] as number)) | 0;
    b = (b + a) | 0;
  }
  for (; i < n; i++) {
    a = (a + (words[i] as number)) | 0;
    b = (b + a) | 0;
  }
  return [a >>> 0, b >>> 0];
}

// --- TermIds: its tables are private to postings.ts; the serializer reads them through this shape. ---

interface TermIdsInternals {
  size: number;
  numbers: number;
  strings: Map<string, number>;
  keys: Int32Array;
  ids: Int32Array;
}

/** The term → id tables, checked to be what this file expects. */
function termIdsTables(termIds: TermIds): TermIdsInternals {
  const inside = termIds as unknown as TermIdsInternals;
  if (
    !(inside.strings instanceof Map) ||
    !(inside.keys instanceof Int32Array) ||
    !(inside.ids instanceof Int32Array) ||
    inside.keys.length !== inside.ids.length ||
    typeof inside.numbers !== "number" ||
    inside.strings.size + inside.numbers !== inside.size
  )
    throw new Error("serializeFaqIndex: TermIds no longer has the tables (strings, keys, ids, numbers) serialize.ts reads — update it");
  return inside;
}

/**
 * TermIds with its tables restored: string terms into a Map, bigrams into the open-addressing table as
 * postings.ts lays it out (its hash is repeated here; the round-trip tests compare every term's id).
 */
function readTermIds(reader: Reader, termCount: number, strings: readonly string[]): TermIds {
  const pairs = reader.ints(Tag.TermStrings);
  const slots = reader.int32(Tag.TermTable, 1)[0] as number;
  const bigrams = reader.int32(Tag.TermTable);
  if (pairs.length % 2 !== 0 || bigrams.length % 2 !== 0 || slots < 2 * (bigrams.length / 2) || (slots & (slots - 1)) !== 0)
    fail("malformed term tables");
  const map = new Map<string, number>();
  for (let k = 0; k < pairs.length; k += 2) map.set(stringAt(strings, pairs[k] as number), pairs[k + 1] as number);
  // The bigram table filled as TermIds.intern() fills it (same hash, linear probing), from the pairs in slot order.
  const keys = new Int32Array(slots);
  const ids = new Int32Array(slots);
  const mask = slots - 1;
  for (let k = 0; k < bigrams.length; k += 2) {
    const key = bigrams[k] as number;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = key;
    ids[slot] = bigrams[k + 1] as number;
  }
  if (map.size !== pairs.length / 2 || map.size + bigrams.length / 2 !== termCount) fail("term tables do not hold every term once");
  const termIds = new TermIds();
  Object.assign(termIds as unknown as TermIdsInternals, { size: termCount, strings: map, keys, ids, numbers: termCount - map.size });
  return termIds;
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

/**
 * Floats as a palette of their distinct values plus an index into it per element, when that is smaller
 * (term weights and idf take a few hundred distinct values); else as they are (empty palette).
 */
function floats(values: Float64Array): [Float64Array, Section] {
  const raw: [Float64Array, Section] = [new Float64Array(0), values];
  const palette = new Map<number, number>();
  const index = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === 0 && 1 / v < 0) return raw; // −0: a Map key would lose the sign
    let k = palette.get(v);
    if (k === undefined) {
      if (palette.size === 0x10000) return raw;
      k = palette.size;
      palette.set(v, k);
    }
    index[i] = k;
  }
  const width = palette.size <= 0x100 ? 1 : 2;
  if (palette.size * 8 + values.length * width >= values.byteLength) return raw;
  return [Float64Array.from(palette.keys()), width === 1 ? Uint8Array.from(index) : index];
}

class Writer {
  readonly sections: Array<[number, Section]> = [];
  ints(tag: Tag, values: ArrayLike<number>): void {
    this.sections.push([tag, ints(values)]);
  }
  raw(tag: Tag, data: Section): void {
    this.sections.push([tag, data]);
  }
  floats(tag: Tag, values: Float64Array): void {
    const [palette, data] = floats(values);
    this.sections.push([tag, palette], [tag, data]);
  }
  /** Starts as they are (a view when loaded: no prefix sum to run in a cold isolate). */
  postings(p: Postings): void {
    this.raw(Tag.PostingsStart, p.start);
    this.ints(Tag.PostingsItem, p.item);
    this.floats(Tag.PostingsValue, p.value);
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
  const termTable = termIdsTables(index.termIds);
  // string terms as (pool id, term id) pairs, in the Map's order
  const stringTerms = new Int32Array(2 * termTable.strings.size);
  let s = 0;
  for (const [term, id] of termTable.strings) {
    stringTerms[s++] = pool.id(term);
    stringTerms[s++] = id;
  }
  const bagKeys: number[] = [];
  const bagWeights: number[] = [];
  for (const bag of index.outOfScope) {
    for (const [term, weight] of bag) {
      bagKeys.push(termKey(term, pool));
      bagWeights.push(weight);
    }
  }
  const defaultLexicon = index.lexicon === compileLexicon();
  // The strings go first (the reader needs them for everything else): gather every one before writing.
  const rest = new Writer();
  rest.ints(
    Tag.EntryAlternates,
    Array.from(index.entries, (e) => e.alternates.length),
  );
  rest.ints(Tag.EntryStrings, entryStrings);
  rest.raw(Tag.TermStrings, stringTerms);
  // bigram terms as (key + 1, term id) pairs, slot by slot, and the table's size
  const bigramTerms = new Int32Array(2 * termTable.numbers);
  let b = 0;
  for (let slot = 0; slot < termTable.keys.length; slot++) {
    const key = termTable.keys[slot] as number;
    if (key === 0) continue;
    bigramTerms[b++] = key;
    bigramTerms[b++] = termTable.ids[slot] as number;
  }
  rest.raw(Tag.TermTable, Int32Array.from([termTable.keys.length]));
  rest.raw(Tag.TermTable, bigramTerms);
  rest.floats(Tag.Idf, index.idf);
  rest.ints(Tag.PhrasingEntry, index.phrasingEntry);
  rest.floats(Tag.PhrasingMass, index.phrasingMass);
  rest.raw(Tag.PhrasingLearned, index.phrasingLearned);
  rest.floats(Tag.EntryNorm, index.entryNorm);
  rest.lists(Tag.PhrasingConceptCounts, Tag.PhrasingConcepts, index.phrasingConcepts, pool);
  rest.lists(Tag.AnswerConceptCounts, Tag.AnswerConcepts, index.answerConcepts, pool);
  rest.postings(index.phrasingPostings);
  rest.postings(index.entryPostings);
  rest.postings(index.answerPostings);
  rest.ints(
    Tag.OutOfScopeSizes,
    Array.from(index.outOfScope, (bag) => bag.size),
  );
  rest.raw(Tag.OutOfScopeKeys, Int32Array.from(bagKeys));
  rest.floats(Tag.OutOfScopeWeights, Float64Array.from(bagWeights));
  if (!defaultLexicon) writeLexicon(rest, index.lexicon, pool);

  const lengths = Int32Array.from(pool.strings, (text) => text.length);
  const chars = new Uint16Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const text of pool.strings) for (let i = 0; i < text.length; i++) chars[at++] = text.charCodeAt(i);

  out.raw(
    Tag.Meta,
    Int32Array.from([index.entries.length, index.phrasingEntry.length, termTable.size, index.outOfScope.length, defaultLexicon ? 0 : 1]),
  );
  out.raw(Tag.Numbers, Float64Array.from([index.unknownIdf]));
  out.ints(Tag.StringLengths, lengths);
  out.raw(Tag.StringChars, chars);
  out.sections.push(...rest.sections);
  return out.bytes();
}

/** A shop's own lexicon (FaqIndexOptions.synonyms): its trie as parent and code per node. The built-in one is compiled again. */
function writeLexicon(out: Writer, lexicon: Lexicon, pool: StringPool): void {
  const nodes = lexicon.next.length;
  const parent = new Int32Array(nodes);
  const code = new Int32Array(nodes);
  lexicon.next.forEach((children, node) => {
    for (const [c, child] of children) {
      if (child <= node) throw new Error("serializeFaqIndex: lexicon trie child numbered before its parent");
      parent[child] = node;
      code[child] = c;
    }
  });
  out.ints(Tag.LexiconParent, parent);
  out.ints(Tag.LexiconCode, code);
  out.lists(
    Tag.LexiconTermCounts,
    Tag.LexiconTerms,
    lexicon.terms.map((list) => list ?? []),
    pool,
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

  floats(tag: Tag, expected?: number): Float64Array {
    const palette = this.section(tag);
    if (!(palette instanceof Float64Array)) fail(`section ${tag} has no palette`);
    const data = this.section(tag, expected);
    if (palette.length === 0) {
      if (!(data instanceof Float64Array)) fail(`section ${tag} holds no floats`);
      return data;
    }
    if (!(data instanceof Uint8Array || data instanceof Uint16Array)) fail(`section ${tag} holds no palette indices`);
    if (palette.length === 1) return new Float64Array(data.length).fill(palette[0] as number);
    const values = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = palette[data[i] as number];
      if (v === undefined) fail(`section ${tag} refers past its palette`);
      values[i] = v;
    }
    return values;
  }

  postings(termCount: number): Postings {
    const start = this.int32(Tag.PostingsStart, termCount + 1);
    if (start[0] !== 0) fail("postings do not start at 0");
    const item = this.int32(Tag.PostingsItem, start[termCount]);
    const value = this.floats(Tag.PostingsValue, item.length);
    return { start, item, value };
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

function readLexicon(reader: Reader, strings: readonly string[]): Lexicon {
  const parent = reader.ints(Tag.LexiconParent);
  const code = reader.ints(Tag.LexiconCode, parent.length);
  const terms = reader.lists(Tag.LexiconTermCounts, Tag.LexiconTerms, strings, parent.length);
  const latinFlat = reader.ints(Tag.LexiconLatin);
  const next: Lexicon["next"] = [];
  for (let node = 0; node < parent.length; node++) {
    next.push(new Map());
    if (node === 0) continue;
    const p = parent[node] as number;
    if (p >= node) fail(`lexicon node ${node} has parent ${p}`);
    (next[p] as Map<number, number>).set(code[node] as number, node);
  }
  const first = new Int32Array(0x10000);
  for (const [c, child] of next[0] ?? []) first[c] = child;
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
  return { next, terms: terms.map((list) => (list.length > 0 ? list : undefined)), first, latin };
}

/**
 * The index serializeFaqIndex() wrote. Throws FaqIndexFormatError on anything else: another format,
 * truncated or altered bytes. Typed arrays are views of (or expanded from) one private copy of `bytes`.
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
  const [entryCount, phrasingCount, termCount, outOfScopeCount, lexiconKind] = reader.ints(Tag.Meta, 5) as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
  ];
  const numbers = reader.section(Tag.Numbers, 1);
  if (!(numbers instanceof Float64Array)) fail("the numbers section holds no floats");
  const unknownIdf = numbers[0] as number;

  const lengths = reader.ints(Tag.StringLengths);
  const chars = reader.section(Tag.StringChars);
  if (!(chars instanceof Uint16Array)) fail("the string block is not UTF-16");
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

  const termIds = readTermIds(reader, termCount, strings);
  const idf = reader.floats(Tag.Idf, termCount);
  const phrasingEntry = reader.int32(Tag.PhrasingEntry, phrasingCount);
  const phrasingMass = reader.floats(Tag.PhrasingMass, phrasingCount);
  const phrasingLearned = reader.uint8(Tag.PhrasingLearned, phrasingCount);
  const entryNorm = reader.floats(Tag.EntryNorm, entryCount);
  const phrasingConcepts = reader.lists(Tag.PhrasingConceptCounts, Tag.PhrasingConcepts, strings, phrasingCount);
  const answerConcepts = reader.lists(Tag.AnswerConceptCounts, Tag.AnswerConcepts, strings, entryCount);
  const phrasingPostings = reader.postings(termCount);
  const entryPostings = reader.postings(termCount);
  const answerPostings = reader.postings(termCount);

  const bagSizes = reader.ints(Tag.OutOfScopeSizes, outOfScopeCount);
  const bagKeys = reader.ints(Tag.OutOfScopeKeys);
  const bagWeights = reader.floats(Tag.OutOfScopeWeights, bagKeys.length);
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

  if (lexiconKind !== 0 && lexiconKind !== 1) fail(`unknown lexicon kind ${lexiconKind}`);
  const lexicon = lexiconKind === 0 ? compileLexicon() : readLexicon(reader, strings);
  if (!reader.done) fail("bytes left after the last section");

  return {
    entries,
    lexicon,
    termIds,
    idf,
    unknownIdf,
    phrasingEntry,
    phrasingMass,
    phrasingLearned,
    phrasingConcepts,
    answerConcepts,
    phrasingPostings,
    entryPostings,
    answerPostings,
    entryNorm,
    outOfScope,
  };
}
