import { applyD1Migrations, env } from "cloudflare:test";
import type { TestEnv } from "./test-env.ts";

// The same files wrangler applies (db/migrations), read in vitest.config.ts and handed over as a binding.
await applyD1Migrations(env.DB, (env as TestEnv).TEST_MIGRATIONS);
