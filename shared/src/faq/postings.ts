/**
 * Compressed-sparse-row postings: one offsets array per relation instead of one JS array per term, so
 * building a 500-entry index allocates a handful of typed arrays, and scoring walks contiguous memory.
 */

/**
 * Postings of one relation: the items of term t are at [start[t], start[t + 1]), the value of item k is
 * palette[code[k]]. Values are term weights or sums of a few of them, so they take few distinct values:
 * a stored index keeps the codes as small integers and a fresh isolate loads them as they are, where a
 * float per posting would have to be stored whole or expanded one by one.
 */
export interface Postings {
  start: Int32Array;
  item: Int32Array;
  code: Int32Array;
  palette: Float64Array;
}

/**
 * (term, item, value) triples gathered while analysing entries, sorted into Postings once. Typed
 * buffers that double when full: no per-element boxing, little garbage.
 */
export class TripleList {
  length = 0;
  terms = new Int32Array(1024);
  items = new Int32Array(1024);
  values = new Float64Array(1024);

  push(term: number, item: number, value: number): void {
    if (this.length === this.terms.length) this.grow();
    this.terms[this.length] = term;
    this.items[this.length] = item;
    this.values[this.length] = value;
    this.length++;
  }

  private grow(): void {
    const size = this.terms.length * 2;
    const terms = new Int32Array(size);
    const items = new Int32Array(size);
    const values = new Float64Array(size);
    terms.set(this.terms);
    items.set(this.items);
    values.set(this.values);
    this.terms = terms;
    this.items = items;
    this.values = values;
  }

  /**
   * Counting sort by term: O(triples + terms), stable in item order; values coded in order of first
   * appearance (0 and −0 are one value: no posting weighs 0).
   */
  toPostings(termCount: number): Postings {
    const { terms, items, values, length } = this;
    const start = new Int32Array(termCount + 1);
    for (let k = 0; k < length; k++) {
      const t = terms[k] as number;
      start[t + 1] = (start[t + 1] as number) + 1;
    }
    for (let t = 0; t < termCount; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    const fill = start.slice(0, termCount);
    const item = new Int32Array(length);
    const code = new Int32Array(length);
    const palette = new Map<number, number>();
    for (let k = 0; k < length; k++) {
      const t = terms[k] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      item[at] = items[k] as number;
      const value = values[k] as number;
      let c = palette.get(value);
      if (c === undefined) {
        c = palette.size;
        palette.set(value, c);
      }
      code[at] = c;
    }
    return { start, item, code, palette: Float64Array.from(palette.keys()) };
  }
}

/**
 * Term → dense id. Bigrams (non-negative integers below 2^30, tokenize.ts) live in an open-addressing
 * table of typed arrays, the far fewer string terms in a Map: a build looks a term up once per
 * occurrence (~150,000 times for 500 entries), and a Map keyed by both kinds was a tenth of its time.
 */
export class TermIds {
  size = 0;
  private readonly strings = new Map<string, number>();
  /** bigram + 1 per slot (0: empty), and its id */
  private keys = new Int32Array(1 << 14);
  private ids = new Int32Array(1 << 14);
  private numbers = 0;

  get(term: string | number): number | undefined {
    if (typeof term === "string") return this.strings.get(term);
    const mask = this.keys.length - 1;
    const key = term + 1;
    for (let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const at = this.keys[slot] as number;
      if (at === key) return this.ids[slot] as number;
      if (at === 0) return undefined;
    }
  }

  /** The term's id, a new one (= the previous size) when it was not known. */
  intern(term: string | number): number {
    if (typeof term === "string") {
      let id = this.strings.get(term);
      if (id === undefined) {
        id = this.size++;
        this.strings.set(term, id);
      }
      return id;
    }
    const mask = this.keys.length - 1;
    const key = term + 1;
    for (let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const at = this.keys[slot] as number;
      if (at === key) return this.ids[slot] as number;
      if (at === 0) {
        this.keys[slot] = key;
        const id = this.size++;
        this.ids[slot] = id;
        if (++this.numbers * 2 > this.keys.length) this.grow();
        return id;
      }
    }
  }

  /** Every term, at its id. */
  termsById(): Array<string | number> {
    const terms: Array<string | number> = new Array(this.size);
    for (const [term, id] of this.strings) terms[id] = term;
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot] as number;
      if (key !== 0) terms[this.ids[slot] as number] = key - 1;
    }
    return terms;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as number;
      if (key === 0) continue;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.ids[slot] = ids[k] as number;
    }
  }
}

const GOLDEN = 0x9e3779b1;

/** FNV-1a over the UTF-16 codes, then mixed so that the high bits (the slot) depend on every code. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h, GOLDEN);
}

/**
 * The frozen term → id table of a built index: typed arrays only, so that a stored index (serialize.ts)
 * is loaded as views of its bytes instead of rebuilding a Map and a hash table term by term.
 * Open addressing with linear probing over all terms: `slots` holds id + 1 (0: empty) at the high bits of
 * the term's hash; a bigram's key is `bigram[id]` (−1 for a string term), a string term's characters are
 * `chars[start[id], start[id + 1])` (none for a bigram). At most three quarters of the slots are full.
 * TermIds interns while building (its Map is faster for that); the index keeps this table.
 * Probing stops after every slot, so that even a table altered in storage cannot make a lookup loop.
 */
export class TermTable {
  readonly slots: Int32Array;
  readonly bigram: Int32Array;
  readonly start: Int32Array;
  readonly chars: Uint16Array;
  readonly size: number;
  private readonly mask: number;
  /** 32 − log2(slots): a hash shifted right by this is a slot */
  private readonly shift: number;

  constructor(slots: Int32Array, bigram: Int32Array, start: Int32Array, chars: Uint16Array) {
    if (slots.length < 2 || (slots.length & (slots.length - 1)) !== 0 || start.length !== bigram.length + 1)
      throw new Error("TermTable: slots must be a power of two ≥ 2, and start one longer than bigram");
    this.slots = slots;
    this.bigram = bigram;
    this.start = start;
    this.chars = chars;
    this.size = bigram.length;
    this.mask = slots.length - 1;
    this.shift = Math.clz32(this.mask);
  }

  static from(termIds: TermIds): TermTable {
    const terms = termIds.termsById();
    let slotCount = 8;
    while (slotCount * 3 < terms.length * 4) slotCount *= 2;
    const slots = new Int32Array(slotCount);
    const bigram = new Int32Array(terms.length).fill(-1);
    const start = new Int32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, id) => {
      if (typeof term === "string") total += term.length;
      start[id + 1] = total;
    });
    const chars = new Uint16Array(total);
    const table = new TermTable(slots, bigram, start, chars);
    terms.forEach((term, id) => {
      if (typeof term === "number") bigram[id] = term;
      else for (let i = 0; i < term.length; i++) chars[(start[id] as number) + i] = term.charCodeAt(i);
      let slot = table.slotOf(term);
      while (slots[slot] !== 0) slot = (slot + 1) & table.mask;
      slots[slot] = id + 1;
    });
    return table;
  }

  /** The first slot probed for a term. */
  private slotOf(term: string | number): number {
    return (typeof term === "number" ? Math.imul(term + 1, GOLDEN) : hashString(term)) >>> this.shift;
  }

  get(term: string | number): number | undefined {
    const { slots, mask } = this;
    let slot = this.slotOf(term);
    if (typeof term === "number") {
      for (let n = 0; n <= mask; n++, slot = (slot + 1) & mask) {
        const id = (slots[slot] as number) - 1;
        if (id < 0) return undefined;
        if (this.bigram[id] === term) return id;
      }
      return undefined;
    }
    const { start, chars } = this;
    for (let n = 0; n <= mask; n++, slot = (slot + 1) & mask) {
      const id = (slots[slot] as number) - 1;
      if (id < 0) return undefined;
      const from = start[id] as number;
      if (this.bigram[id] !== -1 || (start[id + 1] as number) - from !== term.length) continue;
      let i = 0;
      while (i < term.length && chars[from + i] === term.charCodeAt(i)) i++;
      if (i === term.length) return id;
    }
    return undefined;
  }
}
