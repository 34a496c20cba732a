import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * The API function's pre-initialised instances (Lambda provisioned concurrency on its alias):
 * raised before a rush so the crowd meets warm instances, removed after.
 */
export interface ProvisionedConcurrency {
  /** Keeps exactly `instances` warm (a positive count); replaces the level set before. */
  set(instances: number): TE.TaskEither<AppError, void>;
  /** Keeps none warm; succeeds when none was set. */
  clear(): TE.TaskEither<AppError, void>;
}
