import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A worker's files share one module cache: the workspace is imported once, not per file.
    isolate: false,
    include: ["src/**/*.test.ts"],
    // Bundles both Lambdas once for every test file (each file synthesizes its stages once).
    globalSetup: ["./src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      CDK_DISABLE_CLI_TELEMETRY: "true",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  },
});
