import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A worker's files share one module cache: the workspace is imported once, not per file.
    isolate: false,
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
