import { env } from "node:process";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `vite` (dev server) sends /api: wrangler dev of `pnpm dev` unless ENISHI_API_URL says otherwise. */
const apiTarget = env.ENISHI_API_URL ?? "http://127.0.0.1:8787";

/**
 * `vite build` is the production build (real LIFF, VITE_LIFF_ID); `vite build --mode mock` is the build
 * `pnpm dev` and the tests serve (LIFF mocked, identity from the local LINE sandbox). Both write to dist/,
 * which the Worker serves as static assets with SPA fallback.
 */
export default defineConfig({
  plugins: [react()],
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
