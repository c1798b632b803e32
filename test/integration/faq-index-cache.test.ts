import { buildFaqIndex, deserializeFaqIndex, serializeFaqIndex } from "@enishi/shared/faq/index";
import { describe, expect, it } from "vitest";
import { forgetFaqIndexForTests } from "../../bot/src/features/faq/faq-index.ts";
import { call, newCustomer } from "./card.fixtures.ts";
import { testEnv, waitFor } from "./helpers.ts";
import { nthBotMessage, SHOP_FAQ, say, setUpShop } from "./takeover.fixtures.ts";

/**
 * The matcher index stored in D1 (decision 018): a fresh isolate loads it instead of building it. Each
 * test forgets this isolate's index (forgetFaqIndexForTests) to stand for a message landing on a fresh one.
 */
const PARKING = "店舗裏に3台分の駐車場がございます。";

async function faqVersion(): Promise<number> {
  const row = await testEnv.DB.prepare("SELECT faq_version FROM bot_settings WHERE id = 1").first<{ faq_version: number }>();
  if (!row) throw new Error("no bot_settings row");
  return row.faq_version;
}

/** The stored bytes for this FAQ version under the running Worker's build, as D1 returns them. */
async function storedBytes(version: number): Promise<Uint8Array | undefined> {
  const row = await testEnv.DB.prepare("SELECT data FROM faq_index_cache WHERE faq_version = ? AND build = ?")
    .bind(version, testEnv.CF_VERSION_METADATA.id)
    .first<{ data: string }>();
  return row ? base64Bytes(row.data) : undefined;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function replaceStored(version: number, data: Uint8Array | string): Promise<void> {
  const text = typeof data === "string" ? data : btoa(String.fromCharCode(...data));
  const result = await testEnv.DB.prepare("UPDATE faq_index_cache SET data = ? WHERE faq_version = ? AND build = ?")
    .bind(text, version, testEnv.CF_VERSION_METADATA.id)
    .run();
  expect(result.meta.changes).toBe(1);
}

async function ask(name: string, text: string): Promise<string | undefined> {
  const { userId } = await newCustomer(name);
  await say(userId, text);
  return (await nthBotMessage(userId, 2)).text;
}

describe("FAQ index cache in D1", () => {
  it("stores the index built for the first message, keyed by FAQ version and Worker build; an FAQ change adds a new one", async () => {
    const admin = await setUpShop({ open: true });
    forgetFaqIndexForTests();
    const version = await faqVersion();
    expect(testEnv.CF_VERSION_METADATA.id).toMatch(/\S/);
    expect(await storedBytes(version)).toBeUndefined();

    expect(await ask("初回", "駐車場ってありますか？")).toBe(PARKING);
    const stored = await waitFor(() => storedBytes(version), "stored index");
    const index = deserializeFaqIndex(stored);
    expect(index.entries.map((e) => e.id)).toEqual(SHOP_FAQ.entries.map((e) => e.id));

    // An edit bumps the version: the next message gets a new index (answering the edit) and stores it.
    const edited = await call("/api/admin/faq/parking", admin, { method: "PUT", body: { answer: "駐車場は5台分あります。" } });
    expect(edited.status).toBe(200);
    const next = await faqVersion();
    expect(next).toBeGreaterThan(version);
    expect(await ask("編集後", "駐車場ってありますか？")).toBe("駐車場は5台分あります。");
    const newer = deserializeFaqIndex(await waitFor(() => storedBytes(next), "stored index of the new version"));
    expect(newer.entries.find((e) => e.id === "parking")?.answer).toBe("駐車場は5台分あります。");
    expect(await storedBytes(version)).toBeDefined(); // the older row stays until pruned
  });

  it("a fresh isolate answers from the stored index rather than building one", async () => {
    await setUpShop({ open: true });
    forgetFaqIndexForTests();
    const version = await faqVersion();
    await ask("保存", "駐車場ってありますか？");
    await waitFor(() => storedBytes(version), "stored index");

    // Replace the stored index with one whose parking answer differs from D1's entries: only an isolate that
    // loads the stored index (and does not build from faq_entries) can send it.
    const marked = SHOP_FAQ.entries.map((e) => (e.id === "parking" ? { ...e, answer: "（保存された索引からの回答）" } : e));
    await replaceStored(version, serializeFaqIndex(buildFaqIndex(marked)));
    forgetFaqIndexForTests();
    expect(await ask("新しい分離環境", "駐車場ってありますか？")).toBe("（保存された索引からの回答）");
  });

  it("answers despite a corrupted stored index, and stores a good one in its place", async () => {
    await setUpShop({ open: true });
    forgetFaqIndexForTests();
    const version = await faqVersion();
    await ask("壊れる前", "駐車場ってありますか？");
    const good = await waitFor(() => storedBytes(version), "stored index");

    const corrupted = good.slice();
    corrupted[corrupted.length >> 1] = (corrupted[corrupted.length >> 1] as number) ^ 0xff;
    await replaceStored(version, corrupted);
    forgetFaqIndexForTests();
    expect(await ask("壊れた後", "駐車場ってありますか？")).toBe(PARKING);
    // the unreadable row was replaced by the index the bot built
    const repaired = await waitFor(async () => {
      const bytes = await storedBytes(version);
      return bytes && bytes[bytes.length >> 1] === good[good.length >> 1] ? bytes : undefined;
    }, "repaired row");
    expect(deserializeFaqIndex(repaired).entries).toHaveLength(SHOP_FAQ.entries.length);

    // bytes that are not an index at all, and text that is not even base64
    await replaceStored(version, new TextEncoder().encode("not an index"));
    forgetFaqIndexForTests();
    expect(await ask("ごみ", "駐車場ってありますか？")).toBe(PARKING);
    await replaceStored(version, "not base64!");
    forgetFaqIndexForTests();
    expect(await ask("非base64", "駐車場ってありますか？")).toBe(PARKING);
  });

  it("keeps only the newest few rows", async () => {
    const admin = await setUpShop({ open: true });
    for (let i = 0; i < 6; i++) {
      const edited = await call("/api/admin/faq/parking", admin, { method: "PUT", body: { answer: `駐車場は${i + 1}台分あります。` } });
      expect(edited.status).toBe(200);
      forgetFaqIndexForTests();
      expect(await ask(`剪定${i}`, "駐車場ってありますか？")).toBe(`駐車場は${i + 1}台分あります。`);
      await waitFor(async () => (await storedBytes(await faqVersion())) !== undefined, "stored index");
    }
    const { results } = await testEnv.DB.prepare("SELECT faq_version FROM faq_index_cache ORDER BY faq_version").all<{
      faq_version: number;
    }>();
    const version = await faqVersion();
    expect(results.map((r) => r.faq_version)).toEqual([version - 3, version - 2, version - 1, version]);
  });
});
