import type { Follow, OwnerId, ProducerId } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { FollowerCounts } from "./follower-counts.ts";

/** Who follows whom; the follower count moves in the same write as the follow. */
export interface FollowStore extends FollowerCounts {
  /** Stores the follow; "already" (nothing written, count unchanged) if it exists. */
  follow(follow: Follow): TE.TaskEither<AppError, "followed" | "already">;
  /** Removes the follow; "not-following" (nothing written) if there was none. */
  unfollow(
    ownerId: OwnerId,
    producerId: ProducerId,
  ): TE.TaskEither<AppError, "unfollowed" | "not-following">;
  /** Whether the owner follows the producer. */
  isFollowing(ownerId: OwnerId, producerId: ProducerId): TE.TaskEither<AppError, boolean>;
  /** The producers an owner follows, most recent first. */
  listByOwner(ownerId: OwnerId, page: PageRequest): TE.TaskEither<AppError, Page<Follow>>;
  /** A producer's followers (for telling them of a new plan), in a stable order. */
  listFollowers(producerId: ProducerId, page: PageRequest): TE.TaskEither<AppError, Page<Follow>>;
}
