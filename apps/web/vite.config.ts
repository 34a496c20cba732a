import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The site is static files; /api is proxied to a local API while developing with `vite`.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { "/api": process.env.OWNERS_API_URL ?? "http://127.0.0.1:3000" },
  },
  test: {
    // A worker's files share one module cache: the workspace is imported once, not per file.
    isolate: false,
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "happy-dom",
    setupFiles: ["src/testing/setup.ts"],
    // The browser files serve one build of the site, made once before any file runs.
    globalSetup: ["e2e/build-site.global.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
