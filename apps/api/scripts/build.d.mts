import type { BuildOptions } from "esbuild";

/** The esbuild options every Lambda of the API is bundled with (size trims included). */
export declare const lambdaBuildOptions: BuildOptions;

/** Bytes of every .mjs file under `dir` (a split bundle: its entry and all its chunks). */
export declare const bundleBytes: (dir: string) => Promise<number>;

/** Bundles src/lambda.ts into `<outdir>/lambda.mjs` and `<outdir>/chunks/`; resolves with the entry and the bytes of all of it. */
export declare const buildLambda: (options?: {
  outdir?: string;
  metafile?: boolean;
}) => Promise<{ outfile: string; bytes: number }>;
