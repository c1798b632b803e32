import { describe, expect, it } from "vitest";
import { TermIds, TripleList } from "./postings.ts";

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
    const { start, item, value } = list.toPostings(4);
    expect([...start]).toEqual([0, 1000, 2000, 3000, 3000]);
    expect([...item.subarray(1000, 1003)]).toEqual([1, 4, 7]);
    expect(value[1000]).toBe(0.5);
  });
});
