import type { ProducerId, ProducerSummary } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { ProducerSummaries } from "../ports/producer-summaries.ts";

export interface ProducerSummaryDeps {
  readonly producerSummaries: ProducerSummaries;
}

const requireProducer = (actor: Actor): TE.TaskEither<AppError, ProducerId> =>
  actor.role === "producer"
    ? TE.right(actor.id as ProducerId)
    : TE.left(forbidden("only producers have a producer summary", actor));

/**
 * The signed-in producer's own figures from the live data (not the analytics export). The stores
 * keep them current in the writes that change them, so this is one read whatever the size.
 */
export const getProducerSummary =
  (deps: ProducerSummaryDeps) =>
  (actor: Actor): TE.TaskEither<AppError, ProducerSummary> =>
    pipe(
      requireProducer(actor),
      TE.chain((producerId) => deps.producerSummaries.summaryOf(producerId)),
    );
