import type { Kysely } from "kysely";
import type { Database } from "../database.ts";

/** Rows kept: the current FAQ version under the current build, and a few before (a deploy or edit in progress). */
export const FAQ_INDEX_CACHE_KEEP = 4;
/** Largest stored text: D1 limits a row to 2,000,000 bytes. */
export const FAQ_INDEX_CACHE_MAX_CHARS = 1_900_000;

// Stored as base64 text (0012 says why). Uint8Array.fromBase64/toBase64 are native in workerd; Node 22 lacks them.
type Base64Native = { fromBase64?: (text: string) => Uint8Array };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Native).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The stored index for this FAQ version and build, as bytes (undefined: none). Throws on text that is not base64. */
export async function findFaqIndexCache(db: Kysely<Database>, key: { faqVersion: number; build: string }): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("faq_index_cache")
    .select("data")
    .where("faq_version", "=", key.faqVersion)
    .where("build", "=", key.build)
    .executeTakeFirst();
  return row ? fromBase64(row.data) : undefined;
}

/**
 * Stores an index unless one is already there for this key (another isolate built it at the same time:
 * same input, same bytes), then deletes all but the newest FAQ_INDEX_CACHE_KEEP rows. `replace` overwrites
 * a stored row that could not be read. Returns false, storing nothing, when the index is too large for a row.
 */
export async function storeFaqIndexCache(
  db: Kysely<Database>,
  row: { faqVersion: number; build: string; bytes: Uint8Array; at: number },
  options: { replace?: boolean } = {},
): Promise<boolean> {
  const data = toBase64(row.bytes);
  if (data.length > FAQ_INDEX_CACHE_MAX_CHARS) return false;
  const insert = db.insertInto("faq_index_cache").values({ faq_version: row.faqVersion, build: row.build, data, created_at: row.at });
  await (options.replace
    ? insert.onConflict((oc) => oc.columns(["faq_version", "build"]).doUpdateSet({ data, created_at: row.at }))
    : insert.orIgnore()
  ).execute();
  await db
    .deleteFrom("faq_index_cache")
    .where("created_at", "<", (eb) =>
      eb
        .selectFrom("faq_index_cache")
        .select("created_at")
        .orderBy("created_at", "desc")
        .limit(1)
        .offset(FAQ_INDEX_CACHE_KEEP - 1),
    )
    .execute();
  return true;
}
