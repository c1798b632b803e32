-- The FAQ matcher's built index (shared/src/faq/serialize.ts), so that a fresh Worker isolate loads it
-- (a few ms) instead of building it (~100 ms for 500 entries): decision 018.
-- Keyed by the FAQ version (bot_settings.faq_version, bumped by every FAQ change) and the identity of the
-- Worker code that built it (its version id, CF_VERSION_METADATA): an index built by other matcher code is
-- never read. A cache only: any row may be deleted at any time; the bot keeps the newest few.
CREATE TABLE faq_index_cache (
  faq_version  INTEGER NOT NULL,
  build        TEXT NOT NULL,
  -- serializeFaqIndex() output in base64 (at most ~1.9 MB: D1 rows are limited to 2 MB). Not a BLOB: D1
  -- returns a BLOB to the Worker as an array of numbers, parsed and copied value by value (CPU time the
  -- cache is there to save); a string crosses as one string and decodes natively.
  data         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (faq_version, build)
);
CREATE INDEX faq_index_cache_created_idx ON faq_index_cache (created_at);
