// Bundles the Lambda entry point into dist/lambda.mjs (ESM, minified, Node 20), the way the CDK
// stack ships it. `node scripts/build.mjs [--outdir dir] [--metafile]`.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Size trims that change no behaviour (the benchmark's baseline is built with them too):
 * - zod's `locales` namespace re-exports every language (~250 KB) though only English is ever
 *   configured; the bundle gets a namespace holding English only.
 * - @aws-sdk/client-s3 is reached at two versions (s3-presigned-post lags the others); every import
 *   gets this app's copy, so the client is bundled once.
 * - fp-ts is imported as `fp-ts/lib/*` (CommonJS, which esbuild cannot tree-shake); its identical
 *   ES module build `fp-ts/es6/*` is bundled instead, keeping only the functions used.
 */
const trims = {
  name: "owners-trims",
  setup(b) {
    b.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
      b.resolve(args.path.replace("fp-ts/lib/", "fp-ts/es6/"), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      }),
    );
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"zod"}/v4/`)
        ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-en" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
    b.onResolve({ filter: /^@aws-sdk\/client-s3$/ }, (args) =>
      args.pluginData === "app-copy"
        ? undefined
        : b.resolve(args.path, { kind: args.kind, resolveDir: appDir, pluginData: "app-copy" }),
    );
  },
};

/** How every Lambda of the API is bundled (the benchmark builds its baseline with the same options). */
export const lambdaBuildOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  // CJS dependencies bundled into ESM still call require(): give them one.
  banner: {
    js: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  },
  // ES module builds of dependencies when they ship one: they tree-shake, CJS does not.
  mainFields: ["module", "main"],
  plugins: [trims],
  logLevel: "warning",
};

/** Builds the bundle; returns its path and size in bytes. */
export const buildLambda = async ({ outdir = join(appDir, "dist"), metafile = false } = {}) => {
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, "lambda.mjs");
  const result = await build({
    ...lambdaBuildOptions,
    entryPoints: [join(appDir, "src/lambda.ts")],
    outfile,
    metafile,
  });
  if (metafile) await writeFile(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  const { statSync } = await import("node:fs");
  return { outfile, bytes: statSync(outfile).size };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--outdir");
  const { outfile, bytes } = await buildLambda({
    ...(at >= 0 && args[at + 1] !== undefined ? { outdir: resolve(args[at + 1]) } : {}),
    metafile: args.includes("--metafile"),
  });
  console.log(`built ${outfile} (${(bytes / 1024).toFixed(1)} KB)`);
}
