import { describe, expect, it } from "vitest";
import { TermIds, TermTable, TripleList } from "./postings.ts";

describe("TermIds", () => {
  it("gives each distinct term one dense id, bigram keys and strings alike, across table growth", () => {
    const ids = new TermIds();
    const keys: Array<string | number> = [];
    for (let i = 0; i < 20_000; i++) keys.push((i * 7919) % (1 << 30), `r:${i}`);
    const first = keys.map((k) => ids.intern(k));
    expect(new Set(first).size).toBe(keys.length);
    expect(ids.size).toBe(keys.length);
    expect(keys.map((k) => ids.intern(k))).toEqual(first);
    expect(keys.map((k) => ids.get(k))).toEqual(first);
    expect(ids.get(123_456_789)).toBeUndefined();
    expect(ids.get("w:unknown")).toBeUndefined();
    expect(ids.get(0)).toBe(first[0]);
  });
});

describe("TripleList", () => {
  it("sorts triples into postings by term, keeping item order", () => {
    const list = new TripleList();
    for (let k = 0; k < 3000; k++) list.push(k % 3, k, k / 2);
    const { start, item, code, palette } = list.toPostings(4);
    expect([...start]).toEqual([0, 1000, 2000, 3000, 3000]);
    expect([...item.subarray(1000, 1003)]).toEqual([1, 4, 7]);
    expect(palette[code[1000] as number]).toBe(0.5);
  });

  it("codes each distinct value once, in order of first appearance", () => {
    const list = new TripleList();
    for (let k = 0; k < 1000; k++) list.push(k % 7, k, [0.7, -0.7, 2, 0.35][k % 4] as number);
    const { code, palette } = list.toPostings(7);
    expect([...palette]).toEqual([0.7, -0.7, 2, 0.35]);
    expect(Math.max(...code)).toBe(3);
    expect(Array.from(code, (c) => palette[c])).not.toContain(undefined);
  });
});

describe("TermTable", () => {
  const keys: Array<string | number> = [];
  for (let i = 0; i < 5_000; i++) keys.push((i * 7919) % (1 << 30), `r:${i}`, `w:語${i}`);
  const ids = new TermIds();
  for (const key of keys) ids.intern(key);
  const table = TermTable.from(ids);

  it("finds every term of TermIds at its id, and nothing else", () => {
    expect(table.size).toBe(ids.size);
    expect(keys.map((k) => table.get(k))).toEqual(keys.map((k) => ids.get(k)));
    expect(table.get(123_456_789)).toBeUndefined();
    expect(table.get("w:unknown")).toBeUndefined();
    expect(table.get("r:5000")).toBeUndefined();
    expect(table.get("")).toBeUndefined();
    expect(table.slots.length).toBeGreaterThanOrEqual((ids.size * 4) / 3);
  });

  it("works as rebuilt from its arrays (a stored index's views)", () => {
    const copy = new TermTable(table.slots.slice(), table.bigram.slice(), table.start.slice(), table.chars.slice());
    expect(keys.map((k) => copy.get(k))).toEqual(keys.map((k) => table.get(k)));
  });

  it("ends a lookup in a table with no empty slot (altered in storage) instead of looping", () => {
    const full = new TermTable(new Int32Array(8).fill(1), Int32Array.from([5]), Int32Array.from([0, 0]), new Uint16Array(0));
    expect(full.get(5)).toBe(0);
    expect(full.get(6)).toBeUndefined();
    expect(full.get("w:x")).toBeUndefined();
  });

  it("refuses a slot count that is not a power of two", () => {
    expect(() => new TermTable(new Int32Array(6), new Int32Array(0), new Int32Array(1), new Uint16Array(0))).toThrow(/power of two/);
  });
});
