import type { FollowerCounts } from "@owners/app";
import type { ProducerId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";

/**
 * Follower counts held in memory: every producer has none until `follow` is called. The stand-in
 * until the follows store (lane E) counts them; warm-ups are then sized by waiting lines alone.
 */
export const makeMemoryFollowerCounts = (): FollowerCounts & {
  follow(producerId: ProducerId, count: number): void;
} => {
  const counts = new Map<ProducerId, number>();
  return {
    countFor: (producerId) => TE.right(counts.get(producerId) ?? 0),
    follow: (producerId, count) => {
      counts.set(producerId, (counts.get(producerId) ?? 0) + count);
    },
  };
};
