import { type ProducerId, type ProducerSummary, producerSummary } from "@owners/domain";
import * as A from "fp-ts/lib/Array.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface ProducerSummaryDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly ledger: LedgerRepository;
}

const requireProducer = (actor: Actor): TE.TaskEither<AppError, ProducerId> =>
  actor.role === "producer"
    ? TE.right(actor.id as ProducerId)
    : TE.left(forbidden("only producers have a producer summary", actor));

/**
 * The signed-in producer's own figures from the live data (not the analytics export): every plan
 * it made, their ownerships and ledgers. Reads grow with its ownerships; plans are read one after
 * another so a big producer does not burst the table.
 */
export const getProducerSummary =
  (deps: ProducerSummaryDeps) =>
  (actor: Actor): TE.TaskEither<AppError, ProducerSummary> =>
    pipe(
      requireProducer(actor),
      TE.chain((producerId) => allPages((page) => deps.plans.list({ producerId }, page))),
      TE.chain((plans) =>
        pipe(
          plans,
          A.map((plan) =>
            pipe(
              TE.Do,
              TE.apS(
                "ownerships",
                allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
              ),
              TE.apS("ledger", deps.ledger.listByPlan(plan.id)),
            ),
          ),
          A.sequence(TE.ApplicativeSeq),
          TE.map((perPlan) =>
            producerSummary({
              plans,
              ownerships: perPlan.flatMap((p) => p.ownerships),
              ledger: perPlan.flatMap((p) => p.ledger),
            }),
          ),
        ),
      ),
    );
