import type { OwnerId, ProducerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/** An owner follows a producer: it hears of the producer's next plans. */
export interface Follow {
  readonly ownerId: OwnerId;
  readonly producerId: ProducerId;
  readonly followedAt: Instant;
}
