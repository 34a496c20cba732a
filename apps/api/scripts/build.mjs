// Bundles the Lambda entry point into dist/ (lambda.mjs and its chunks/; ESM, minified, Node 20),
// the way the CDK stack ships it. `node scripts/build.mjs [--outdir dir] [--metafile]`.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { rolldown } from "rolldown";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Size trims that change no behaviour (the benchmark's baseline is built with them too):
 * - zod's `locales` namespace re-exports every language (~250 KB) though only English is ever
 *   configured; the bundle gets a namespace holding English only.
 * - @aws-sdk/client-s3 is reached at two versions (s3-presigned-post lags the others); every import
 *   gets this app's copy, so the client is bundled once.
 * - fp-ts is imported as `fp-ts/lib/*` (CommonJS, which esbuild cannot tree-shake); its identical
 *   ES module build `fp-ts/es6/*` is bundled instead, keeping only the functions used.
 * - pino's transports (worker threads, through thread-stream) are never configured: the logger
 *   writes to stdout (@owners/logging). pino's transport module is replaced by one that throws if
 *   called, so the logger's chunk, read by each cold start's first answer, leaves thread-stream out.
 * - The OpenAPI generator (hono-openapi, through @standard-community/standard-json) imports
 *   `zod/v4/core` whole to call `toJSONSchema`; that import gets src/http/zod-json-schema.ts,
 *   which exports just that function, so the rest of zod's core stays tree-shaken.
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
    b.onResolve({ filter: /^zod\/v4\/core$/ }, (args) =>
      args.importer.includes("@standard-community")
        ? { path: join(appDir, "src/http/zod-json-schema.ts") }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/(lib\/)?transport$/ }, (args) =>
      /[\\/]pino[\\/](lib[\\/])?[^\\/]+\.js$/.test(args.importer)
        ? { path: "pino-transport", namespace: "no-pino-transport" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "no-pino-transport" }, () => ({
      contents:
        "module.exports = () => { throw new Error('pino transports are not bundled: the API logs to stdout'); };",
      loader: "js",
    }));
    b.onResolve({ filter: /^@aws-sdk\/client-s3$/ }, (args) =>
      args.pluginData === "app-copy"
        ? undefined
        : b.resolve(args.path, { kind: args.kind, resolveDir: appDir, pluginData: "app-copy" }),
    );
  },
};

/** How every Lambda of the API is bundled (the benchmark builds its baseline through buildLambda too). */
const lambdaBuildOptions = {
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
  // What is imported on demand (the S3 client on the first upload, the SDK's credential
  // providers) goes to chunks a cold start does not read. Needs outdir, not outfile.
  splitting: true,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  plugins: [trims],
  logLevel: "warning",
};

/** Bytes of every file under `dir`: a split bundle is its entry and all its chunks. */
const bundleBytes = async (dir) => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile() && e.name.endsWith(".mjs"))
      .map(async (e) => (await stat(join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((sum, n) => sum + n, 0);
};

/**
 * What a cold start reads of a split bundle: `entry` and every chunk it imports statically,
 * transitively (chunks behind a dynamic import load later, on first use). From esbuild's metafile.
 */
const startupOutputs = (metafile, entry) => {
  const outputs = metafile.outputs;
  const keyOf = (path) => Object.keys(outputs).find((key) => resolve(key) === resolve(path));
  const seen = new Set();
  const pending = [keyOf(entry)];
  while (pending.length > 0) {
    const key = pending.pop();
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    for (const imported of outputs[key].imports)
      if (imported.kind === "import-statement" && !imported.external)
        pending.push(keyOf(imported.path));
  }
  return [...seen].map((key) => ({
    path: resolve(key),
    bytes: outputs[key].bytes,
    inputs: outputs[key].inputs,
  }));
};

/** esbuild chunks below this many bytes are merged (smallLazyChunks). */
const SMALL_CHUNK_BYTES = 2000;

/**
 * esbuild's chunks behind dynamic imports that are smaller than SMALL_CHUNK_BYTES and import
 * nothing but start-up chunks and each other: modules of domain, use cases and stores shared by
 * a few route or use-case groups: 45 files of a few hundred bytes each, a first GET /plans/{id}
 * reading 29 of them. Merged into one file (~27 KB), a first request reads a few KB it does not use
 * instead of paying dozens of file loads; as they import nothing lazy, merging them makes no
 * request load a chunk it did not load before.
 */
const smallLazyChunks = (metafile, startup) => {
  const outputs = new Map(
    Object.entries(metafile.outputs).map(([key, output]) => [resolve(key), output]),
  );
  const small = new Set(
    [...outputs]
      .filter(
        ([path, output]) =>
          path.endsWith(".mjs") &&
          output.entryPoint === undefined &&
          !startup.has(path) &&
          output.bytes < SMALL_CHUNK_BYTES,
      )
      .map(([path]) => path),
  );
  const importsOnlyMerged = (path) =>
    outputs
      .get(path)
      .imports.filter((imported) => imported.kind === "import-statement" && !imported.external)
      .every(
        (imported) => startup.has(resolve(imported.path)) || small.has(resolve(imported.path)),
      );
  for (let changed = true; changed; ) {
    changed = false;
    for (const path of small)
      if (!importsOnlyMerged(path)) {
        small.delete(path);
        changed = true;
      }
  }
  return small;
};

/** The files a cold start reads of rolldown's output: `entry` and the chunks it imports statically. */
const startupFiles = (chunks, entry) => {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const name = pending.pop();
    if (seen.has(name) || !byName.has(name)) continue;
    seen.add(name);
    pending.push(...byName.get(name).imports);
  }
  return [...seen].map((name) => byName.get(name));
};

/**
 * esbuild splits what a cold start imports statically into a chunk per set of dynamic imports
 * sharing it (some 35 files for the API), and every file costs a cold start its own resolve,
 * read, compile and link (~0.4 ms each here, beside its bytes). All of them are read at every
 * start, so rolldown re-bundles esbuild's output with those chunks merged into one: the same
 * modules and bytes at start in two files. Of the chunks behind dynamic imports, the small ones
 * are merged too (smallLazyChunks); the others are left as they are.
 */
const mergeChunks = async (esbuildDir, entryFile, startupChunks, small, outdir, name) => {
  const merged = new Set(startupChunks.filter((path) => path !== resolve(entryFile)));
  const bundle = await rolldown({
    input: { [name]: entryFile },
    platform: "node",
    logLevel: "warn",
  });
  try {
    const { output } = await bundle.write({
      dir: outdir,
      format: "esm",
      minify: true,
      entryFileNames: "[name].mjs",
      chunkFileNames: "chunks/[name]-[hash].mjs",
      codeSplitting: {
        groups: [
          { name: "startup", test: (id) => merged.has(resolve(id)) },
          { name: "small", test: (id) => small.has(resolve(id)) },
        ],
      },
    });
    return output.filter((item) => item.type === "chunk");
  } finally {
    await bundle.close();
    await rm(esbuildDir, { recursive: true, force: true });
  }
};

/**
 * Builds a Lambda into `outdir` (emptied first): `<name>.mjs`, the handler's module, and its
 * `chunks/`. By default the API's (`lambda` from src/lambda.ts); the benchmark builds its baseline
 * through here too, so both are built and measured alike. esbuild bundles (with the trims above),
 * then its start-up chunks and its small lazy ones are merged (mergeChunks). Returns the entry's path, the bytes of
 * all of it and the bytes a cold start reads.
 */
export const buildLambda = async ({
  outdir = join(appDir, "dist"),
  metafile = false,
  name = "lambda",
  source = join(appDir, "src/lambda.ts"),
} = {}) => {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const esbuildDir = await mkdtemp(join(tmpdir(), "owners-lambda-esbuild-"));
  const result = await build({
    ...lambdaBuildOptions,
    entryPoints: { [name]: source },
    outdir: esbuildDir,
    metafile: true,
  });
  // esbuild's metafile: which source modules each of its chunks holds (analysis only).
  if (metafile) await writeFile(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  const esbuildEntry = join(esbuildDir, `${name}.mjs`);
  const startup = startupOutputs(result.metafile, esbuildEntry);
  const startupPaths = startup.map((output) => output.path);
  const chunks = await mergeChunks(
    esbuildDir,
    esbuildEntry,
    startupPaths,
    smallLazyChunks(result.metafile, new Set(startupPaths)),
    outdir,
    name,
  );
  return {
    outfile: join(outdir, `${name}.mjs`),
    bytes: await bundleBytes(outdir),
    startupBytes: startupFiles(chunks, `${name}.mjs`).reduce(
      (sum, chunk) => sum + Buffer.byteLength(chunk.code),
      0,
    ),
    /** Source files (as esbuild names them) whose code a cold start reads. */
    startupInputs: startup.flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  };
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
