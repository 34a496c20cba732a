import {
  editProducerProfile,
  type ProducerId,
  type ProducerProfile,
  type ProducerProfileEdit,
  producerId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError, decided } from "../errors.ts";
import type { Page } from "../pagination.ts";
import type { Clock } from "../ports/clock.ts";
import type { ProducerListQuery, ProducerProfileStore } from "../ports/producer-profile-store.ts";
import { type PhotoVerificationDeps, verifyNewPhotos } from "../uploads/photo-verification.ts";
import { versionGuard } from "./version-guard.ts";

export interface ProducerProfileDeps extends PhotoVerificationDeps {
  readonly producerProfiles: ProducerProfileStore;
  readonly clock: Clock;
}

const producerNotFound = (id: string) =>
  appError("PRODUCER.NOT_FOUND", "no approved producer by that id", { producerId: id });

/** The approved producer's profile, or PRODUCER.NOT_FOUND. */
export const loadProducerProfile = (
  store: ProducerProfileStore,
  id: string,
): TE.TaskEither<AppError, ProducerProfile> =>
  pipe(
    store.get(producerId(id)),
    TE.chain(O.match(() => TE.left<AppError, ProducerProfile>(producerNotFound(id)), TE.right)),
  );

const requireProducer = (actor: Actor): TE.TaskEither<AppError, ProducerId> =>
  actor.role === "producer"
    ? TE.right(producerId(actor.id))
    : TE.left(forbidden("only producers have a producer profile", actor));

/** The signed-in producer's own profile (PRODUCER.NOT_FOUND before its approval created one). */
export const getMyProducerProfile =
  (deps: ProducerProfileDeps) =>
  (actor: Actor): TE.TaskEither<AppError, ProducerProfile> =>
    pipe(
      requireProducer(actor),
      TE.chain((id) => loadProducerProfile(deps.producerProfiles, id)),
    );

export interface EditMyProducerProfileInput {
  readonly edit: ProducerProfileEdit;
  readonly expectedVersion?: number;
}

/**
 * The producer edits its own profile. New photo keys are verified as its own uploads (as plan
 * photos are) and stored as their verified copies; the listing follows in the same write.
 */
export const editMyProducerProfile =
  (deps: ProducerProfileDeps) =>
  (actor: Actor, input: EditMyProducerProfileInput): TE.TaskEither<AppError, ProducerProfile> =>
    pipe(
      getMyProducerProfile(deps)(actor),
      TE.chainFirst((stored) => versionGuard(stored.version, input.expectedVersion)),
      TE.chain((stored) =>
        pipe(
          input.edit.photos === undefined
            ? TE.right(stored.photos)
            : verifyNewPhotos(deps)(actor, input.edit.photos, stored.photos),
          TE.chain((photos) =>
            decided(editProducerProfile(stored, { ...input.edit, photos }, deps.clock.now())),
          ),
          TE.chain((next) => deps.producerProfiles.save(next, stored.version)),
        ),
      ),
    );

/** Approved producers, filtered by prefecture and/or category, a page at a time (anyone). */
export const listProducers =
  (deps: Pick<ProducerProfileDeps, "producerProfiles">) =>
  (query: ProducerListQuery): TE.TaskEither<AppError, Page<ProducerProfile>> =>
    deps.producerProfiles.list(query);

/** What a plan shows of its producer. */
export interface ProducerCard {
  readonly id: ProducerId;
  readonly displayName: string;
  readonly prefecture: string;
}

export const producerCard = (p: ProducerProfile): ProducerCard => ({
  id: p.producerId,
  displayName: p.displayName,
  prefecture: p.prefecture,
});

/** The cards of these producers (one batch read); producers without a profile are absent. */
export const producerCards =
  (deps: Pick<ProducerProfileDeps, "producerProfiles">) =>
  (ids: readonly string[]): TE.TaskEither<AppError, ReadonlyMap<string, ProducerCard>> =>
    ids.length === 0
      ? TE.right(new Map())
      : pipe(
          deps.producerProfiles.getMany([...new Set(ids)].map(producerId)),
          TE.map(
            (found) =>
              new Map([...found.values()].map((p) => [p.producerId as string, producerCard(p)])),
          ),
        );
