/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The LIFF app ID (production). When empty, the app asks GET /api/config for it. */
  readonly VITE_LIFF_ID?: string;
  /** The local LINE sandbox (mock builds only); `?sandbox=` in the URL overrides it. */
  readonly VITE_SANDBOX_URL?: string;
  /** Where a customer adds the official account as a friend, e.g. https://lin.ee/xxxx (optional). */
  readonly VITE_LINE_ADD_FRIEND_URL?: string;
  /** Which build this is (vite.config.ts): the customer mini-app on preact/compat, or the staff/admin console. */
  readonly LIFF_PART: "customer" | "console";
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
