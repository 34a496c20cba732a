import {
  postUpdate as domainPostUpdate,
  type OwnerId,
  type PlanId,
  type PlanUpdate,
  type ProducerId,
  type UpdateVisibility,
  updateId,
  updatePostedMessage,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { type PhotoVerificationDeps, verifyNewPhotos } from "../uploads/photo-verification.ts";

export interface PostUpdateDeps extends PhotoVerificationDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly communication: CommunicationRepository;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface PostUpdateInput {
  readonly planId: PlanId;
  readonly body: string;
  /** Keys from POST /uploads: each is verified as the producer's own photo before posting. */
  readonly photoKeys?: readonly string[];
  readonly visibility: UpdateVisibility;
  /** A retried post with the same key returns the first update and notifies nobody twice. */
  readonly idempotencyKey?: string;
}

const MESSAGES_PER_ENQUEUE = 500;

/** Stores the update, or finds the one a retry with the same key already stored. */
const store = (deps: PostUpdateDeps, update: PlanUpdate, retriable: boolean) =>
  pipe(
    deps.communication.addUpdate(update),
    TE.orElse((error) =>
      error._tag === "STORE.DUPLICATE" && retriable
        ? pipe(
            deps.communication.getUpdate(update.id),
            TE.chain(
              O.match(
                () => TE.left<AppError, PlanUpdate>(error),
                (stored) => TE.right(stored),
              ),
            ),
          )
        : TE.left(error),
    ),
  );

/** Tells every active owner of the plan, once per (update, owner) whatever the retries. */
const notifyOwners = (deps: PostUpdateDeps, update: PlanUpdate, title: string) =>
  pipe(
    allPages((page) => deps.ownerships.listByPlan(update.planId, page)),
    TE.map((ownerships) => [
      ...new Set(ownerships.filter((o) => o.status === "active").map((o) => o.ownerId as string)),
    ]),
    TE.map((owners) =>
      owners.map((recipient) =>
        updatePostedMessage({
          id: deps.ids.deterministic("msg", "update-posted", update.id, recipient),
          recipientId: recipient as OwnerId,
          at: update.postedAt,
          plan: { id: update.planId, title },
          update,
        }),
      ),
    ),
    TE.chain((messages) =>
      eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) => deps.outbox.enqueue(chunk)),
    ),
  );

/**
 * The plan's producer posts news (public or owners-only), its photos verified first; every owner
 * is notified.
 */
export const postUpdate =
  (deps: PostUpdateDeps) =>
  (actor: Actor, input: PostUpdateInput): TE.TaskEither<AppError, PlanUpdate> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.bindTo("plan"),
      // The update keeps the verified copies' keys, never the upload keys it was given.
      TE.bind("photoKeys", () => verifyNewPhotos(deps)(actor, input.photoKeys ?? [])),
      TE.bind("update", ({ plan, photoKeys }) =>
        fromDomain(
          domainPostUpdate(plan, {
            id: updateId(
              input.idempotencyKey === undefined
                ? deps.ids.next("upd")
                : deps.ids.deterministic("upd", plan.id, input.idempotencyKey),
            ),
            authorId: actor.id as ProducerId,
            body: input.body,
            photoKeys: [...photoKeys],
            visibility: input.visibility,
            postedAt: deps.clock.now(),
          }),
        ),
      ),
      TE.bind("stored", ({ update }) => store(deps, update, input.idempotencyKey !== undefined)),
      TE.chainFirst(({ plan, stored }) => notifyOwners(deps, stored, plan.title)),
      TE.map(({ stored }) => stored),
    );
