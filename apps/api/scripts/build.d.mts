import type { BuildOptions } from "esbuild";

/** The esbuild options every Lambda of the API is bundled with (size trims included). */
export declare const lambdaBuildOptions: BuildOptions;

/** Bundles src/lambda.ts into `<outdir>/lambda.mjs`; resolves with its path and size in bytes. */
export declare const buildLambda: (options?: {
  outdir?: string;
  metafile?: boolean;
}) => Promise<{ outfile: string; bytes: number }>;
