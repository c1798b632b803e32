import { z } from "zod";

/**
 * Everything the Worker reads from its environment, parsed once per request/batch. Base URLs are
 * configuration so the local LINE sandbox (or any emulator) can stand in for LINE.
 */
const ConfigSchema = z.object({
  LINE_CHANNEL_SECRET: z.string().min(1, "LINE_CHANNEL_SECRET is not set (wrangler secret put / .dev.vars)"),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(1, "LINE_CHANNEL_ACCESS_TOKEN is not set (wrangler secret put / .dev.vars)"),
  LINE_API_BASE_URL: z.url().default("https://api.line.me"),
  LINE_API_DATA_BASE_URL: z.url().default("https://api-data.line.me"),
  LINE_ACCESS_BASE_URL: z.url().default("https://access.line.me"),
  LINE_LOGIN_CHANNEL_ID: z.string().min(1),
  LIFF_ID: z.string().default(""),
  APP_BASE_URL: z.string().default(""),
  ADMIN_LINE_USER_IDS: z.string().default(""),
  APP_ENV: z.enum(["production", "development", "test"]).default("production"),
  LINE_API_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  LINE_API_BACKOFF_MS: z.coerce.number().int().nonnegative().default(200),
  SHOP_LOGIN_URL: z.union([z.literal(""), z.url({ protocol: /^https?$/ })]).default(""),
  SHOP_API_SECRET: z.string().default(""),
});

export interface Config {
  channelSecret: string;
  channelAccessToken: string;
  apiBaseUrl: string;
  apiDataBaseUrl: string;
  accessBaseUrl: string;
  loginChannelId: string;
  liffId: string;
  /** Where the LIFF app is served when there is no LIFF ID (local demo): links open it directly. */
  appBaseUrl: string;
  adminUserIds: ReadonlySet<string>;
  appEnv: "production" | "development" | "test";
  lineTimeoutMs: number;
  lineBackoffMs: number;
  /** The shop website's login page for LINE's account-link flow; empty: the built-in demo page (decision 014). */
  shopLoginUrl: string;
  /** Signs the shop's server-to-server calls (auth/shop-signature.ts); empty: that API is off. */
  shopApiSecret: string;
}

const cache = new WeakMap<object, Config>();

export function readConfig(env: Env): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const raw = ConfigSchema.parse(env);
  const config: Config = {
    channelSecret: raw.LINE_CHANNEL_SECRET,
    channelAccessToken: raw.LINE_CHANNEL_ACCESS_TOKEN,
    apiBaseUrl: raw.LINE_API_BASE_URL.replace(/\/+$/, ""),
    apiDataBaseUrl: raw.LINE_API_DATA_BASE_URL.replace(/\/+$/, ""),
    accessBaseUrl: raw.LINE_ACCESS_BASE_URL.replace(/\/+$/, ""),
    loginChannelId: raw.LINE_LOGIN_CHANNEL_ID,
    liffId: raw.LIFF_ID,
    appBaseUrl: raw.APP_BASE_URL.replace(/\/+$/, ""),
    adminUserIds: new Set(
      raw.ADMIN_LINE_USER_IDS.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    appEnv: raw.APP_ENV,
    lineTimeoutMs: raw.LINE_API_TIMEOUT_MS,
    lineBackoffMs: raw.LINE_API_BACKOFF_MS,
    shopLoginUrl: raw.SHOP_LOGIN_URL,
    shopApiSecret: raw.SHOP_API_SECRET,
  };
  cache.set(env, config);
  return config;
}
