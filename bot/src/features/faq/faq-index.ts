import { findApprovedAlternates, findFaqEntries, findFaqIndexCache, storeFaqIndexCache } from "@enishi/db";
import { buildFaqIndex, deserializeFaqIndex, type FaqEntry, type FaqIndex, serializeFaqIndex } from "@enishi/shared/faq/index";
import type { Deps } from "../../deps.ts";
import { toFaqEntry } from "./faq-entries.ts";

export interface LoadedFaq {
  version: number;
  index: FaqIndex;
  entries: ReadonlyMap<string, FaqEntry>;
}

/**
 * The matcher index, once per isolate per FAQ version. Every FAQ change bumps `bot_settings.faq_version`
 * in the same D1 batch as the change, and each message reads the version anyway (with the business
 * hours), so an isolate gets a new index exactly when the FAQ changed — no TTL, no stale answers.
 *
 * A fresh isolate first looks in D1 (`faq_index_cache`, keyed by FAQ version and this Worker's version
 * id): loading a stored index costs a few ms where building 500 entries costs ~35 ms warm and ~100 ms in a
 * cold isolate. The first isolate to miss builds it, answers, and stores it once the reply is out
 * (`deps.afterwards`). The cache is never needed to answer: any failure to read, load or store it is logged
 * and the index built.
 */
let cached: LoadedFaq | undefined;
let building: { version: number; promise: Promise<LoadedFaq> } | undefined;

/** The identity of the deployed code: an index stored by another build is never read. */
function buildId(deps: Deps): string {
  return deps.env.CF_VERSION_METADATA.id;
}

function loaded(version: number, index: FaqIndex): LoadedFaq {
  return { version, index, entries: new Map(index.entries.map((e) => [e.id, e])) };
}

function logCache(event: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ msg: `faq_index_${event}`, ...fields }));
}

async function build(deps: Deps): Promise<FaqIndex> {
  // The version was read before the rows: if a change lands in between, these rows are newer than the
  // version says, and the next message (seeing the bumped version) loads again. Never the other way round.
  const [rows, learned] = await Promise.all([findFaqEntries(deps.db, { enabledOnly: true }), findApprovedAlternates(deps.db)]);
  const entries = rows.map(toFaqEntry);
  const ids = new Set(entries.map((e) => e.id));
  return buildFaqIndex(entries, {
    learned: learned.filter((l) => ids.has(l.entry_id)).map((l) => ({ id: l.entry_id, question: l.question })),
  });
}

/** Never rejects: a failed store only means the next fresh isolate builds too. */
async function store(deps: Deps, key: { faqVersion: number; build: string }, index: FaqIndex, replace: boolean): Promise<void> {
  const version = key.faqVersion;
  try {
    const bytes = serializeFaqIndex(index);
    // too large for a D1 row (~1.4 MB serialized): every fresh isolate builds
    if (!(await storeFaqIndexCache(deps.db, { ...key, bytes, at: Date.now() }, { replace })))
      logCache("too_large", { version, bytes: bytes.length });
  } catch (error) {
    logCache("store_failed", { version, error: String(error) });
  }
}

async function load(deps: Deps, version: number): Promise<LoadedFaq> {
  const key = { faqVersion: version, build: buildId(deps) };
  let unreadable = false;
  try {
    const bytes = await findFaqIndexCache(deps.db, key);
    if (bytes) {
      const started = performance.now();
      const index = deserializeFaqIndex(bytes);
      logCache("loaded", { version, bytes: bytes.length, ms: Math.round(performance.now() - started) });
      return loaded(version, index);
    }
  } catch (error) {
    unreadable = true;
    logCache("cache_unreadable", { version, error: String(error) });
  }

  const index = await build(deps);
  // Stored after the reply: the customer does not wait for the serialisation and the D1 write.
  deps.afterwards.add("faq_index_store", () => store(deps, key, index, unreadable));
  return loaded(version, index);
}

export async function faqFor(deps: Deps, version: number): Promise<LoadedFaq> {
  if (cached?.version === version) return cached;
  // Concurrent messages in one isolate share one load.
  if (building?.version !== version) {
    const promise = load(deps, version).then(
      (result) => {
        if (!cached || cached.version <= result.version) cached = result;
        return result;
      },
      (error: unknown) => {
        building = undefined;
        throw error;
      },
    );
    building = { version, promise };
  }
  return building.promise;
}

/**
 * Tests only: forget this isolate's index, as a fresh isolate would not have it, so that the next message
 * goes to D1's stored index (or builds).
 */
export function forgetFaqIndexForTests(): void {
  cached = undefined;
  building = undefined;
}
