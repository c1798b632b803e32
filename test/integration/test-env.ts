import type { D1Migration } from "cloudflare:test";

/** Bindings the integration project adds on top of the Worker's own (see vitest.config.ts). */
export interface TestEnv extends Env {
  TEST_MIGRATIONS: D1Migration[];
  SANDBOX_URL: string;
}
