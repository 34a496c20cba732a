import { allocationStatementMessage, type OwnerId, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { AllocationRepository } from "../ports/allocation-repository.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";

export interface AllocationStatementNoticeDeps {
  readonly allocations: AllocationRepository;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

const MESSAGES_PER_ENQUEUE = 500;

interface Totals {
  standardUnits: number;
  offspecUnits: number;
  missingUnits: number;
  refundYen: number;
  creditYen: number;
}

/**
 * Each owner's harvest statement once the shortfall is settled: units received and what the risk
 * terms gave back, summed over its ownerships (from the allocation summaries). Run by the fan-out
 * of the trigger the settlement wrote with the plan; dedupe key (plan, owner).
 */
export const enqueueAllocationStatements =
  (deps: AllocationStatementNoticeDeps) =>
  (plan: Plan): TE.TaskEither<AppError, number> =>
    pipe(
      allPages((page) => deps.allocations.listSummaries(plan.id, page)),
      TE.map((summaries) => {
        const owners = new Map<OwnerId, Totals>();
        for (const s of summaries) {
          const t = owners.get(s.ownerId) ?? {
            standardUnits: 0,
            offspecUnits: 0,
            missingUnits: 0,
            refundYen: 0,
            creditYen: 0,
          };
          owners.set(s.ownerId, {
            standardUnits: t.standardUnits + s.standardUnits,
            offspecUnits: t.offspecUnits + s.offspecUnits,
            missingUnits: t.missingUnits + s.missingUnits,
            refundYen: t.refundYen + s.refundYen,
            creditYen: t.creditYen + s.creditYen,
          });
        }
        const at = deps.clock.now();
        return [...owners.entries()].map(([owner, totals]) =>
          allocationStatementMessage({
            id: deps.ids.deterministic("msg", "allocation-statement", plan.id, owner),
            recipientId: owner,
            at,
            plan: { id: plan.id, title: plan.title },
            unitLabel: plan.unitLabel,
            ...totals,
          }),
        );
      }),
      TE.chain((messages) =>
        eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) =>
          deps.outbox.enqueue(chunk),
        ),
      ),
      TE.map((results) => results.reduce((sum, r) => sum + r.enqueued, 0)),
    );
