// Bundles the batch Lambdas into dist/lambda.mjs (ESM, minified, Node 20): one file whose exports
// are the handlers (closeSales, expireOffers, allocateHarvests, scheduleShipments,
// flushNotifications, handler). `node scripts/build.mjs [--outdir dir]`.
import { mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** zod's `locales` re-exports every language; only English is ever used (as in apps/api). */
const englishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes("zod/v4/")
        ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-en" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

export const buildBatchLambda = async ({ outdir = join(appDir, "dist") } = {}) => {
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, "lambda.mjs");
  await build({
    entryPoints: [join(appDir, "src/lambda.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    minify: true,
    legalComments: "none",
    // CJS dependencies bundled into ESM still call require(): give them one.
    banner: {
      js: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
    },
    mainFields: ["module", "main"],
    plugins: [englishOnly],
    logLevel: "warning",
  });
  return { outfile, bytes: (await stat(outfile)).size };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--outdir");
  const { outfile, bytes } = await buildBatchLambda(
    at >= 0 && args[at + 1] !== undefined ? { outdir: resolve(args[at + 1]) } : {},
  );
  console.log(`built ${outfile} (${(bytes / 1024).toFixed(1)} KB)`);
}
