import type { AppError, PeopleUseCases, ProducerCard } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";

interface ShownPlan {
  readonly producerId: string;
  readonly photoUrls: readonly string[];
}

export type WithProducer<T> = T & {
  readonly producer: ProducerCard | null;
  readonly coverPhotoUrl: string | null;
};

/**
 * Plans as shown with their producer's card (null before the producer has a profile) and their
 * cover photo (the first photo): one batch read of profiles for a whole page.
 */
export const withProducers =
  (people: Pick<PeopleUseCases, "producerCards">) =>
  <T extends ShownPlan>(plans: readonly T[]): TE.TaskEither<AppError, WithProducer<T>[]> =>
    pipe(
      people.producerCards(plans.map((p) => p.producerId)),
      TE.map((cards) =>
        plans.map((plan) => ({
          ...plan,
          producer: cards.get(plan.producerId) ?? null,
          coverPhotoUrl: plan.photoUrls[0] ?? null,
        })),
      ),
    );

/** One plan with its producer card and cover photo. */
export const withProducer =
  (people: Pick<PeopleUseCases, "producerCards">) =>
  <T extends ShownPlan>(plan: T): TE.TaskEither<AppError, WithProducer<T>> =>
    pipe(
      withProducers(people)([plan]),
      TE.map(([shown]) => shown as WithProducer<T>),
    );
