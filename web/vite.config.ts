// The explorer's build (vite) and unit tests (vitest). Preact's JSX needs no plugin: esbuild compiles it.
import { defineConfig } from "vitest/config";

const api = process.env.ACTORGRAPH_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, target: "es2022", chunkSizeWarningLimit: 600 },
  // `npm run dev` serves the app with hot reload and forwards the API (and its WebSocket) to a running API.
  server: { proxy: { "/graphql": { target: api, ws: true } } },
  test: { environment: "jsdom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
