import {
  type Instant,
  type NextSeason,
  nextSeasonFor,
  type OwnerId,
  type Plan,
  type PlanId,
  type ProducerId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface ListNextSeasonsDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly clock: Clock;
}

/** One "reserve again" card: a completed plan the owner held and the producer's next plan. */
export interface NextSeasonCard extends NextSeason<Plan> {
  readonly completedPlan: Pick<Plan, "id" | "title" | "producerId">;
}

const PLANS_PER_GET = 100;

/** The plans among `ids`, read 100 at a time. */
const plansById = (plans: PlanRepository, ids: readonly PlanId[]) =>
  pipe(
    eachInOrder(chunksOf([...ids], PLANS_PER_GET), (chunk) => plans.getMany(chunk)),
    TE.map((pages) => pages.flat()),
  );

/** The producer's open plans (the only ones a next season can be). */
const openPlansOf = (plans: PlanRepository, producerId: ProducerId) =>
  allPages((page) => plans.list({ producerId, status: "open" }, page));

const cardFor =
  (deps: ListNextSeasonsDeps, owner: Actor, now: Instant) =>
  (completed: Plan): TE.TaskEither<AppError, NextSeasonCard | undefined> =>
    pipe(
      TE.Do,
      TE.bind("producerPlans", () => openPlansOf(deps.plans, completed.producerId)),
      TE.bind("ownerships", () =>
        deps.ownerships.listByOwnerAndProducer(owner.id as OwnerId, completed.producerId),
      ),
      TE.map(({ producerPlans, ownerships }) => {
        const offer = nextSeasonFor({
          ownerId: owner.id as OwnerId,
          completed,
          producerPlans,
          ownerships,
          now,
        });
        return offer === undefined
          ? undefined
          : {
              ...offer,
              completedPlan: {
                id: completed.id,
                title: completed.title,
                producerId: completed.producerId,
              },
            };
      }),
    );

/**
 * "Reserve again": for each completed plan the owner holds active shares of, the producer's next
 * open plan, whether the owner may reserve it now (the returning owners' early window the
 * reservation applies) and the shares to prefill. Completed plans without a next plan are left out.
 */
export const listNextSeasons =
  (deps: ListNextSeasonsDeps) =>
  (actor: Actor): TE.TaskEither<AppError, readonly NextSeasonCard[]> =>
    pipe(
      requireOwner(actor),
      TE.chain((ownerId) => allPages((page) => deps.ownerships.listByOwner(ownerId, page))),
      TE.map((ownerships) => [
        ...new Set(ownerships.filter((o) => o.status === "active").map((o) => o.planId)),
      ]),
      TE.chain((ids) => plansById(deps.plans, ids)),
      TE.map((plans) =>
        plans
          .filter((p) => p.status === "completed")
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
      ),
      TE.chain((completed) => eachInOrder(completed, cardFor(deps, actor, deps.clock.now()))),
      TE.map((cards) => cards.filter((c): c is NextSeasonCard => c !== undefined)),
    );
