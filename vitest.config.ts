import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Three projects, run one after another by `pnpm test`:
 * - unit: pure logic on Node (matcher, sandbox, helpers) — fast;
 * - integration: the Worker in workerd (Workers Vitest plugin) against the LINE sandbox on Node;
 * - e2e: the whole local stack (wrangler dev + sandbox + LIFF app) driven by Debian Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: [
            "shared/**/*.test.ts",
            "bot/**/*.unit.test.ts",
            "liff-app/**/*.unit.test.ts",
            "test/line-sandbox/**/*.test.ts",
            "test/dev/**/*.test.ts",
          ],
        },
      },
      {
        plugins: [
          cloudflareTest(async ({ inject }) => {
            const sandboxUrl = inject<string>("sandboxUrl");
            const migrations = await readD1Migrations("db/migrations");
            return {
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  LINE_CHANNEL_SECRET: "integration-channel-secret",
                  LINE_CHANNEL_ACCESS_TOKEN: "integration-channel-access-token",
                  CARD_CODE_SECRET: "integration-card-code-secret",
                  SHOP_API_SECRET: "integration-shop-api-secret-0123456789abcdef",
                  LINE_API_BASE_URL: sandboxUrl,
                  LINE_API_DATA_BASE_URL: sandboxUrl,
                  LINE_ACCESS_BASE_URL: sandboxUrl,
                  LINE_LOGIN_CHANNEL_ID: "1234567890",
                  ADMIN_LINE_USER_IDS: "U0000000000000000000000000000ad01",
                  APP_ENV: "test",
                  APP_BASE_URL: "http://app.test",
                  // Short enough that timeout and 5xx retries finish in a test, long enough for a loaded CI box.
                  LINE_API_TIMEOUT_MS: "1500",
                  LINE_API_BACKOFF_MS: "20",
                  SANDBOX_URL: sandboxUrl,
                  TEST_MIGRATIONS: migrations,
                },
              },
            };
          }),
        ],
        test: {
          name: "integration",
          // Worker logs (one JSON line per LINE call) only for tests that fail.
          silent: "passed-only",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/apply-migrations.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // Files share one sandbox whose faults and quota are per endpoint: run them one at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          silent: "passed-only",
          environment: "node",
          include: ["test/e2e/**/*.e2e.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
