import { markDevOnly, type ProvisionedConcurrency } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

export interface MemoryProvisionedConcurrency extends ProvisionedConcurrency {
  /** The level set, 0 when cleared (what `pnpm start` and tests read). */
  level(): number;
}

/** Dev-only: keeps the level in memory; there is no function to warm locally. */
export const makeMemoryProvisionedConcurrency = (): MemoryProvisionedConcurrency => {
  let instances = 0;
  return markDevOnly(
    {
      set: (n: number) =>
        TE.fromIO(() => {
          instances = n;
        }),
      clear: () =>
        TE.fromIO(() => {
          instances = 0;
        }),
      level: () => instances,
    },
    "in-memory provisioned concurrency",
  );
};
