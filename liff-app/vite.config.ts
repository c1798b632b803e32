import { env } from "node:process";
import preact from "@preact/preset-vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { MOCK_SANDBOX_KEY, MOCK_USER_KEY } from "./src/lib/mock-session.ts";

/** Where `vite` (dev server) sends /api: wrangler dev of `pnpm dev` unless ENISHI_API_URL says otherwise. */
const apiTarget = env.ENISHI_API_URL ?? "http://127.0.0.1:8787";

/**
 * One source tree, two builds (decision 021):
 * - `customer` (default): the mini-app customers open in LINE — served at `/`, the React components run on
 *   preact/compat, which keeps the first load inside the 60 kB budget (react-dom alone is 67 kB gzip);
 * - `console` (`LIFF_PART=console`): staff and admin screens on React — written to dist/console/, served by
 *   the Worker for /staff and /admin.
 */
const part = env.LIFF_PART === "console" ? "console" : "customer";

/**
 * Mock builds load `src/lib/liff-mock.ts` with a dynamic import as soon as the entry runs; preloading it from
 * index.html fetches it beside the entry chunks instead of one round trip later (the card's time to QR).
 * Production builds have no such chunk (the mock import is dead code there), so nothing is added.
 */
function preloadLiffMock(base: string): Plugin {
  return {
    name: "enishi:preload-liff-mock",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (out) => out.type === "chunk" && (out.facadeModuleId ?? "").endsWith("/src/lib/liff-mock.ts"),
        );
        if (!chunk) return [];
        return [
          { tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: "head-prepend" },
        ];
      },
    },
  };
}

/**
 * Mock builds (and the dev server) ask the sandbox for the customer's ID token from an inline script, while
 * the module scripts are still downloading; liff-mock.ts takes that response if it is for the same user and
 * sandbox. In LINE, liff.init() has the token without a round trip, so this keeps the mock from adding one
 * to the card's time to QR. The keys are liff-mock.ts's sessionStorage keys (src/lib/mock-session.ts).
 */
const EARLY_MOCK_TOKEN = `(() => {
  try {
    const q = new URLSearchParams(location.search);
    const userId = (q.get("mockUser") || "").trim() || sessionStorage.getItem(${JSON.stringify(MOCK_USER_KEY)});
    const sandbox = (q.get("sandbox") ?? sessionStorage.getItem(${JSON.stringify(MOCK_SANDBOX_KEY)}) ?? "").replace(/\\/+$/, "");
    if (!userId || !/^https?:\\/\\//.test(sandbox)) return;
    const response = fetch(sandbox + "/__sandbox/login/id-token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId }),
    });
    window.__enishiEarlyToken = { userId, sandbox, response };
  } catch {}
})();`;

function earlyMockToken(): Plugin {
  return {
    name: "enishi:early-mock-token",
    apply: (_config, { mode, command }) => mode === "mock" || command === "serve",
    transformIndexHtml: () => [{ tag: "script", children: EARLY_MOCK_TOKEN, injectTo: "head-prepend" }],
  };
}

/**
 * `vite build` is the production build (real LIFF, VITE_LIFF_ID); `vite build --mode mock` is the build
 * `pnpm dev` and the tests serve (LIFF mocked, identity from the local LINE sandbox). The package scripts run
 * both parts; the customer part empties dist/ first, the console part writes dist/console/.
 */
export default defineConfig(() => {
  const base = part === "console" ? "/console/" : "/";
  return {
    base,
    define: { "import.meta.env.LIFF_PART": JSON.stringify(part) },
    plugins: [
      part === "console" ? react() : preact({ prefreshEnabled: true, devToolsEnabled: false, prerender: { enabled: false } }),
      preloadLiffMock(base),
      earlyMockToken(),
    ],
    build: {
      outDir: part === "console" ? "dist/console" : "dist",
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // The LIFF SDK and the UI runtime change less often than the app: their own chunks stay cached
              // across deploys. Both are static imports, so index.html preloads them in parallel with the app.
              { name: "liff-sdk", test: /node_modules[\\/](@line[\\/]liff[\\/]|@liff[\\/]|tslib[\\/]|whatwg-fetch[\\/])/, priority: 2 },
              { name: "ui-runtime", test: /node_modules[\\/](react|react-dom|scheduler|preact)[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
    server: {
      host: "127.0.0.1",
      // The Worker (wrangler dev) answers the API, including the staff inbox WebSocket.
      proxy: { "/api": { target: apiTarget, ws: true } },
    },
  };
});
