import { describe, expect, it } from "vitest";
import { buildFaqIndex, type FaqIndex, type FaqIndexOptions } from "./build.ts";
import { decide } from "./decide.ts";
import { loadSalon, salonPresent, salonTitle } from "./salon-data.testing.ts";
import { CHECKED_WORDS, deserializeFaqIndex, FAQ_INDEX_FORMAT, FaqIndexFormatError, serializeFaqIndex } from "./serialize.ts";

const SMALL = [
  { id: "parking", question: "駐車場はありますか", answer: "店舗裏に3台分の駐車場がございます。", alternates: ["車で行けますか"] },
  { id: "hours", question: "営業時間を教えてください", answer: "10時から19時まで営業しています。", alternates: [] },
  {
    id: "pay",
    question: "カードは使えますか",
    answer: "VISA・JCB・PayPayがご利用いただけます。",
    alternates: ["クレジット払いできる？", "paypay"],
  },
  // a lone surrogate must survive too (the fast UTF-16 decoder refuses it)
  { id: "odd", question: "絵文字\ud83dの質問", answer: "はい。", alternates: [] },
];
const MESSAGES = [
  "駐車場ある？",
  "何時まで開いてますか",
  "paypayで払えますか",
  "ありがとう",
  "スタッフと話したい",
  "絵文字\ud83d",
  "全然関係ない話",
];

/** What the bot acts on, plus the scores, for every message: must not change through a round trip. */
function decisions(index: FaqIndex, messages: readonly string[]) {
  return messages.map((m) => {
    const { action, ids, trace } = decide(index, m);
    return { action, ids, confidence: trace.confidence, candidates: trace.candidates };
  });
}

function roundTrip(index: FaqIndex): FaqIndex {
  return deserializeFaqIndex(serializeFaqIndex(index));
}

/** Every term of the original has the same id after loading. */
function expectSameTerms(original: FaqIndex, loaded: FaqIndex): void {
  const { bigram, start, chars } = original.termIds;
  expect(loaded.termIds.size).toBe(original.termIds.size);
  for (let id = 0; id < original.termIds.size; id++) {
    const key = bigram[id] as number;
    const term = key >= 0 ? key : String.fromCharCode(...chars.subarray(start[id], start[id + 1]));
    expect(original.termIds.get(term)).toBe(id);
    expect(loaded.termIds.get(term)).toBe(id);
  }
  expect(loaded.termIds.get("w:存在しない語")).toBeUndefined();
  expect(loaded.termIds.get(123_456_789)).toBeUndefined();
}

/** The lexicon as plain data, to compare. */
const lexiconData = ({ childStart, childCode, childNode, termStart, termConcept, concepts, first, latin }: FaqIndex["lexicon"]) => ({
  trie: [childStart, childCode, childNode, termStart, termConcept, first].map((array) => [...array]),
  concepts,
  latin: [...latin],
});

describe("serializeFaqIndex / deserializeFaqIndex", () => {
  const options: FaqIndexOptions = {
    learned: [{ id: "parking", question: "車停められるところありますか？" }],
    outOfScope: ["求人の応募をしたいです", "忘れ物をしました"],
  };

  it("round-trips a small FAQ: same arrays, same term ids, same decisions", () => {
    const index = buildFaqIndex(SMALL, options);
    const loaded = roundTrip(index);
    expect(loaded.entries).toEqual(index.entries);
    for (const key of ["df", "idfByDf", "phrasingEntry", "phrasingMass", "phrasingLearned", "entryNorm"] as const)
      expect(loaded[key]).toEqual(index[key]);
    for (const key of ["phrasingPostings", "entryPostings"] as const) expect(loaded[key]).toEqual(index[key]);
    expect(loaded.phrasingConcepts).toEqual(index.phrasingConcepts);
    expect(loaded.answerConcepts).toEqual(index.answerConcepts);
    expect(loaded.outOfScope.map((bag) => [...bag])).toEqual(index.outOfScope.map((bag) => [...bag]));
    expect(loaded.unknownIdf).toBe(index.unknownIdf);
    expect(lexiconData(loaded.lexicon)).toEqual(lexiconData(index.lexicon)); // stored, the built-in one too
    expectSameTerms(index, loaded);
    expect(decisions(loaded, MESSAGES)).toEqual(decisions(index, MESSAGES));
  });

  it("stores a shop's own synonyms lexicon and matches with it after loading", () => {
    const index = buildFaqIndex(SMALL, { ...options, synonyms: { car: ["くるま", "マイカー", "suv"], parking: ["パーキング"] } });
    const loaded = roundTrip(index);
    expect(lexiconData(loaded.lexicon)).toEqual(lexiconData(index.lexicon));
    expect(loaded.lexicon.concepts).toContain("c:car");
    const messages = [...MESSAGES, "マイカーで行きます、停められる？", "suvでも大丈夫？"];
    expect(decisions(loaded, messages)).toEqual(decisions(index, messages));
  });

  it("keeps a byte-order mark that starts the string block", () => {
    const index = buildFaqIndex([{ id: "\ufeffbom", question: "駐車場はありますか", answer: "あります。", alternates: [] }]);
    expect(roundTrip(index).entries[0]?.id).toBe("\ufeffbom");
  });

  it("keeps every float exactly: any palette, a −0, values that do not repeat", () => {
    const index = buildFaqIndex(SMALL);
    const { palette } = index.entryPostings;
    index.entryPostings.palette = Float64Array.from(palette, (_, k) => (k === 0 ? -0 : Math.PI * k));
    index.phrasingMass = Float64Array.from(index.phrasingMass, (_, k) => Math.E * k);
    const loaded = roundTrip(index);
    expect(loaded.entryPostings.palette).toEqual(index.entryPostings.palette);
    expect(Object.is(loaded.entryPostings.palette[0], -0)).toBe(true);
    expect(loaded.phrasingMass).toEqual(index.phrasingMass);
  });

  it("round-trips an empty FAQ", () => {
    const loaded = roundTrip(buildFaqIndex([]));
    expect(loaded.entries).toEqual([]);
    expect(decide(loaded, "駐車場ある？").action).toBe("escalate");
  });

  it("starts with the magic and the format number", () => {
    const bytes = serializeFaqIndex(buildFaqIndex(SMALL));
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("EFQI");
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(FAQ_INDEX_FORMAT);
  });

  it("loads from a view at an odd offset of a larger buffer, and keeps no tie to it", () => {
    const bytes = serializeFaqIndex(buildFaqIndex(SMALL, options));
    const host = new Uint8Array(bytes.length + 3);
    host.set(bytes, 3);
    const loaded = deserializeFaqIndex(host.subarray(3));
    host.fill(0);
    expect(decisions(loaded, MESSAGES)).toEqual(decisions(buildFaqIndex(SMALL, options), MESSAGES));
  });

  describe("refuses bytes it did not write", () => {
    const bytes = serializeFaqIndex(buildFaqIndex(SMALL, options));
    const refused = (input: Uint8Array, message: RegExp) => {
      expect(() => deserializeFaqIndex(input)).toThrow(FaqIndexFormatError);
      expect(() => deserializeFaqIndex(input)).toThrow(message);
    };

    it("empty, short or foreign bytes", () => {
      refused(new Uint8Array(0), /shorter than the header/);
      refused(new TextEncoder().encode("SQLite format 3\u0000 and more bytes"), /magic/);
    });

    it("another format number", () => {
      const other = bytes.slice();
      new DataView(other.buffer).setUint32(4, FAQ_INDEX_FORMAT + 1, true);
      refused(other, new RegExp(`format ${FAQ_INDEX_FORMAT + 1}, this code reads format ${FAQ_INDEX_FORMAT}`));
    });

    it("truncated anywhere, or with bytes appended", () => {
      for (const length of [24, 32, 100, bytes.length >> 1, bytes.length - 8, bytes.length - 1])
        refused(bytes.subarray(0, length), /truncated/);
      const longer = new Uint8Array(bytes.length + 8);
      longer.set(bytes);
      refused(longer, /truncated or padded/);
    });

    it("any single altered byte past the header (an index up to 32 kB is checked whole)", () => {
      expect(bytes.length - 24).toBeLessThanOrEqual(4 * CHECKED_WORDS);
      for (let at = 24; at < bytes.length; at++) {
        const altered = bytes.slice();
        altered[at] = (altered[at] as number) ^ 0x5a;
        refused(altered, /checksum mismatch/);
      }
    });
  });
});

describe("a large serialized index (checksum on a sample of words)", () => {
  // 150 entries with their own words (kanji pairs): ~110 kB, over three times the 32 kB checked whole
  const word = (i: number) => String.fromCharCode(0x4e00 + ((i * 37) % 5000), 0x4e00 + ((i * 91 + 7) % 5000));
  const entries = Array.from({ length: 150 }, (_, i) => ({
    id: `e${i}`,
    question: `${word(i)}の在庫と${word(i + 1000)}の送料はどうなっていますか`,
    answer: `${word(i + 2000)}は店頭にございます。送料は${i * 10}円、${word(i + 3000)}もご利用いただけます。`,
    alternates: [`${word(i + 4000)}の値段は？`],
  }));
  const index = buildFaqIndex(entries, { outOfScope: ["求人の応募をしたいです"], synonyms: { car: ["くるま", "suv"] } });
  const bytes = serializeFaqIndex(index);
  const messages = [...MESSAGES, `${word(12)}の送料はいくら？`, "在庫ありますか", "suvで行けますか"];
  const expected = decisions(index, messages);

  it("is larger than what the checksum reads whole", () => {
    expect(bytes.length - 24).toBeGreaterThan(3 * 4 * CHECKED_WORDS);
  });

  it("refuses an altered stretch of 1 kB anywhere", () => {
    for (let at = 24; at + 1024 <= bytes.length; at += 1000) {
      const altered = bytes.slice();
      for (let k = at; k < at + 1024; k++) altered[k] = (altered[k] as number) ^ 0x5a;
      expect(() => deserializeFaqIndex(altered)).toThrow(FaqIndexFormatError);
    }
  });

  it("refuses a single altered byte where the checksum reads; elsewhere loads an index that decides without throwing", () => {
    let refused = 0;
    for (let at = 24; at < bytes.length; at += 61) {
      const altered = bytes.slice();
      altered[at] = (altered[at] as number) ^ 0xff;
      let loaded: FaqIndex;
      try {
        loaded = deserializeFaqIndex(altered);
      } catch (error) {
        expect(error).toBeInstanceOf(FaqIndexFormatError);
        refused++;
        continue;
      }
      expect(decisions(loaded, messages)).toHaveLength(messages.length);
    }
    expect(refused).toBeGreaterThan(0);
  });

  it("round-trips with the same decisions", () => {
    expect(decisions(roundTrip(index), messages)).toEqual(expected);
  });

  it("keeps postings walks within the postings when an offset is damaged (offsets are not checked one by one)", () => {
    const damaged = roundTrip(index);
    const id = damaged.termIds.get("c:price") as number;
    expect(id).toBeDefined();
    damaged.phrasingPostings.start[id + 1] = 0x7fffffff;
    damaged.entryPostings.start[id + 1] = 0x7fffffff;
    expect(decide(damaged, "料金はいくらですか").trace.candidates.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!salonPresent)(salonTitle("serialized salon index"), () => {
  function load() {
    const { entries, queries } = loadSalon();
    return { entries, messages: queries.map((q) => q.q), queries };
  }

  it("decides every salon message alike after a round trip", () => {
    const { entries, messages } = load();
    const index = buildFaqIndex(entries);
    const loaded = roundTrip(index);
    expectSameTerms(index, loaded);
    expect(decisions(loaded, messages)).toEqual(decisions(index, messages));
  });

  it("and with learned phrasings (half the messages) and out-of-scope messages", () => {
    const { entries, messages, queries } = load();
    const learned = queries.filter((q, i) => i % 2 === 0 && q.expected).map((q) => ({ id: q.expected as string, question: q.q }));
    const outOfScope = queries.filter((q, i) => i % 2 === 0 && !q.expected).map((q) => q.q);
    expect(learned.length).toBeGreaterThan(10);
    const index = buildFaqIndex(entries, { learned, outOfScope });
    const loaded = roundTrip(index);
    expect(loaded.phrasingLearned).toEqual(index.phrasingLearned);
    expect(decisions(loaded, messages)).toEqual(decisions(index, messages));
  });
});
