import {
  followedProducerPublishedMessage,
  type OwnerId,
  type Plan,
  type ProducerId,
  withParams,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import { MAX_PAGE_LIMIT } from "../pagination.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";

export interface NotifyFollowersDeps {
  readonly follows: FollowStore;
  readonly producerProfiles: ProducerProfileStore;
  readonly profiles: OwnerProfileRepository;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
}

/**
 * Run by the fan-out of the trigger the publish wrote in its own write (fan-out-notices.ts).
 * Tells every follower of the plan's producer that it opened a new plan: one outbox message per
 * follower, a page of followers (100) at a time, so a producer with many followers fans out in
 * bounded writes. The dedupe key is (plan, follower): a retry enqueues nobody twice. Followers who
 * turned "followedProducers" off are skipped (their profiles are read in the same page's batch).
 */
export const notifyFollowers =
  (deps: NotifyFollowersDeps) =>
  (plan: Plan): TE.TaskEither<AppError, number> =>
  async () => {
    const profile = await deps.producerProfiles.get(plan.producerId as ProducerId)();
    if (profile._tag === "Left") return profile;
    const producerName = pipe(
      profile.right,
      O.match(
        () => "A producer you follow",
        (p) => p.displayName,
      ),
    );
    let cursor: string | undefined;
    let told = 0;
    do {
      const page = await deps.follows.listFollowers(
        plan.producerId as ProducerId,
        cursor === undefined ? { limit: MAX_PAGE_LIMIT } : { limit: MAX_PAGE_LIMIT, cursor },
      )();
      if (page._tag === "Left") return page;
      const followers = page.right.items.map((f) => f.ownerId);
      const prefs = await deps.profiles.getMany(followers)();
      if (prefs._tag === "Left") return prefs;
      const wanted = followers.filter(
        (ownerId) => prefs.right.get(ownerId)?.notifications.followedProducers !== false,
      );
      const messages = wanted.map((recipient: OwnerId) =>
        withParams(
          followedProducerPublishedMessage({
            id: deps.ids.deterministic("msg", "followed-producer-published", plan.id, recipient),
            recipientId: recipient,
            at: plan.updatedAt,
            plan: { id: plan.id, title: plan.title },
            producerName,
          }),
          { planId: plan.id, planTitle: plan.title, producerName },
        ),
      );
      if (messages.length > 0) {
        const enqueued = await deps.outbox.enqueue(messages)();
        if (enqueued._tag === "Left") return enqueued;
        told += enqueued.right.enqueued;
      }
      cursor = page.right.nextCursor;
    } while (cursor !== undefined);
    return E.right(told);
  };
