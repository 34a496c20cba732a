import type { ProducerId } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** How many people follow a producer (the follows store keeps the count; lane E implements it). */
export interface FollowerCounts {
  countFor(producerId: ProducerId): TE.TaskEither<AppError, number>;
}
