import { type OwnerId, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { isProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";

export interface DisplayNameDeps {
  readonly profiles: OwnerProfileRepository;
  readonly producerProfiles: ProducerProfileStore;
  readonly plans: PlanRepository;
}

/**
 * The display names of comment authors (owners or producers), shown to every reader of the
 * comments: a name the author chose to show, never its id. Authors without a name are absent.
 */
export const authorNames =
  (deps: DisplayNameDeps) =>
  (ids: readonly string[]): TE.TaskEither<AppError, ReadonlyMap<string, string>> => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return TE.right(new Map());
    return pipe(
      TE.Do,
      TE.apS("owners", deps.profiles.getMany(unique as OwnerId[])),
      TE.apS("producers", deps.producerProfiles.getMany(unique.map(producerId))),
      TE.map(({ owners, producers }) => {
        const names = new Map<string, string>();
        for (const [id, p] of producers) names.set(id, p.displayName);
        for (const [id, p] of owners) if (p.displayName !== undefined) names.set(id, p.displayName);
        return names;
      }),
    );
  };

/**
 * The names of a plan's owners for its allocation table and bookings: only the plan's own
 * producer sees them (an owner sees nobody's, an admin works with ids). Empty for anyone else.
 */
export const ownerNamesForPlan =
  (deps: DisplayNameDeps) =>
  (
    actor: Actor,
    planId: string,
    ownerIds: readonly string[],
  ): TE.TaskEither<AppError, ReadonlyMap<string, string>> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) =>
        !isProducerOf(actor, plan) || ownerIds.length === 0
          ? TE.right(new Map<string, string>())
          : pipe(
              deps.profiles.getMany([...new Set(ownerIds)] as OwnerId[]),
              TE.map(
                (found) =>
                  new Map(
                    [...found.values()].flatMap((p) =>
                      p.displayName === undefined ? [] : [[p.ownerId as string, p.displayName]],
                    ),
                  ),
              ),
            ),
      ),
    );
