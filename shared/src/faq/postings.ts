/**
 * Compressed-sparse-row postings: one offsets array per relation instead of one JS array per term, so
 * building a 500-entry index allocates a handful of typed arrays, and scoring walks contiguous memory.
 */

/** Postings of one relation: the items of term t are at [start[t], start[t + 1]). */
export interface Postings {
  start: Int32Array;
  item: Int32Array;
  value: Float64Array;
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

  /** Counting sort by term: O(triples + terms), stable in item order. */
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
    const value = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      const t = terms[k] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      item[at] = items[k] as number;
      value[at] = values[k] as number;
    }
    return { start, item, value };
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
