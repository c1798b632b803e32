import { env } from "node:process";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Where `vite` (dev server) sends /api: wrangler dev of `pnpm dev` unless ENISHI_API_URL says otherwise. */
const apiTarget = env.ENISHI_API_URL ?? "http://127.0.0.1:8787";

/**
 * Mock builds load `src/lib/liff-mock.ts` with a dynamic import as soon as the entry runs; preloading it from
 * index.html fetches it beside the entry chunks instead of one round trip later (the card's time to QR).
 * Production builds have no such chunk (the mock import is dead code there), so nothing is added.
 */
function preloadLiffMock(): Plugin {
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
        return [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${chunk.fileName}` }, injectTo: "head" }];
      },
    },
  };
}

/**
 * `vite build` is the production build (real LIFF, VITE_LIFF_ID); `vite build --mode mock` is the build
 * `pnpm dev` and the tests serve (LIFF mocked, identity from the local LINE sandbox). Both write to dist/,
 * which the Worker serves as static assets with SPA fallback.
 */
export default defineConfig({
  plugins: [react(), preloadLiffMock()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The LIFF SDK and React change less often than the app: their own chunks stay cached across
            // deploys. Both are static imports, so index.html preloads them in parallel with the app.
            { name: "liff-sdk", test: /node_modules[\\/](@line[\\/]liff[\\/]|@liff[\\/]|tslib[\\/]|whatwg-fetch[\\/])/, priority: 2 },
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 1 },
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
});
