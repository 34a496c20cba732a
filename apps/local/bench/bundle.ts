import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { type BuildOptions, build } from "esbuild";
import { REPO_ROOT } from "../src/config.ts";

/**
 * The API's own Lambda build flags (apps/api/scripts/build.mjs), repeated for the baseline so both
 * bundles are made the same way. The API's build adds only size trims for zod locales and a
 * duplicated S3 client, neither of which the baseline contains.
 */
export const lambdaBuildOptions: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  banner: {
    js: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  },
  mainFields: ["module", "main"],
  logLevel: "warning",
};

export interface BuiltBundle {
  readonly path: string;
  readonly bytes: number;
}

/** The API's Lambda bundle, built by the API's own build script into `outdir`. */
export const buildApiLambda = (outdir: string): BuiltBundle => {
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, "apps/api/scripts/build.mjs"), "--outdir", outdir],
    {
      stdio: "ignore",
    },
  );
  const path = join(outdir, "lambda.mjs");
  return { path, bytes: statSync(path).size };
};

/** The baseline Lambda (bench/baseline-lambda.ts) bundled with the same flags. */
export const buildBaselineLambda = async (outdir: string): Promise<BuiltBundle> => {
  const path = join(outdir, "baseline.mjs");
  await build({
    ...lambdaBuildOptions,
    entryPoints: [join(REPO_ROOT, "apps/local/bench/baseline-lambda.ts")],
    outfile: path,
  });
  return { path, bytes: statSync(path).size };
};
