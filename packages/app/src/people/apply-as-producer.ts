import {
  type ProducerApplication,
  type ProducerApplicationInput,
  submitProducerApplication,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, decided } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

export interface ApplyDeps {
  readonly producerApplications: ProducerApplicationStore;
  readonly clock: Clock;
}

/**
 * An owner asks to become a producer. Refused while its earlier application is pending or after
 * one was approved; a rejected one is replaced. The store's version check makes two concurrent
 * submissions end with one (the other: STORE.VERSION_CONFLICT).
 */
export const applyAsProducer =
  (deps: ApplyDeps) =>
  (actor: Actor, input: ProducerApplicationInput): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      requireOwner(actor),
      TE.chain((applicantId) =>
        pipe(
          deps.producerApplications.get(applicantId),
          TE.chain((previous) =>
            decided(
              submitProducerApplication(
                O.toUndefined(previous),
                applicantId,
                input,
                deps.clock.now(),
              ),
            ),
          ),
        ),
      ),
      TE.chain((application) => deps.producerApplications.save(application, application.version)),
    );
