/** Bundles src/lambda.ts into `<outdir>/lambda.mjs`; resolves with its path and size in bytes. */
export declare const buildLambda: (options?: {
  outdir?: string;
  metafile?: boolean;
}) => Promise<{ outfile: string; bytes: number }>;
