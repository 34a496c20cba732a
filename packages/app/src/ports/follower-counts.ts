import type { ProducerId } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** How many owners follow a producer (warm-up sizing, the public page): one read. */
export interface FollowerCounts {
  /** The number of current followers (0 for a producer nobody follows). */
  countFor(producerId: ProducerId): TE.TaskEither<AppError, number>;
}
