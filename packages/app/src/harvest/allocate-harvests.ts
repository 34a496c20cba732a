import {
  type AllocationTotals,
  type AuditActor,
  allocationReadyMessage,
  auditEntryId,
  domainError,
  type HarvestLot,
  type Instant,
  type LedgerEntryId,
  type LotId,
  markPlanAllocated,
  type Ownership,
  type Plan,
  type PlanId,
  type PlanStatus,
  planChanged,
  settleShortfall,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin, requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { auditActorOf } from "../audit-records.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { AllocationRepository, AllocationSummary } from "../ports/allocation-repository.ts";
import type { ChargeLookup } from "../ports/charge-lookup.ts";
import type { Clock } from "../ports/clock.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { canonicalJson } from "../store-errors.ts";
import { allocationSummaries } from "./allocation-summaries.ts";
import { payShortfallRefunds, type RefundFailure } from "./pay-shortfall-refunds.ts";
import {
  computePlanAllocation,
  lotAllocationRecords,
  type PlanAllocation,
} from "./plan-allocation.ts";
import { ledgerByOwnership, shortfallWrites } from "./shortfall-ledger.ts";

export interface AllocateHarvestsDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
  readonly ledger: LedgerRepository;
  readonly payments: PaymentGateway;
  readonly charges: ChargeLookup;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface AllocateHarvestsInput {
  readonly planId: PlanId;
}

export interface AllocateHarvestsReport {
  readonly planId: PlanId;
  /** Lots allocated by this run, in lot order (earlier runs did the others). */
  readonly lotsAllocated: readonly LotId[];
  readonly activeOwnerships: number;
  readonly totals: AllocationTotals;
  /** Ownerships that got a new shortfall refund or credit in the ledger this run. */
  readonly compensationsWritten: number;
  readonly refundsPaid: number;
  readonly refundYenPaid: number;
  /** Refunds the gateway declined: written in the ledger, retried by the next run. */
  readonly refundFailures: readonly RefundFailure[];
  readonly summariesWritten: number;
  readonly messagesEnqueued: number;
  readonly planStatus: PlanStatus;
}

/** Sizes of the writes: each chunk is one resumable unit of work. */
const LOT_RECORDS_PER_WRITE = 1000;
const MESSAGES_PER_ENQUEUE = 500;
/** Ownerships per ledger append: 3 ledger entries + 1 audit entry each, under a 100-item transaction. */
const OWNERSHIPS_PER_APPEND = 20;
const SUMMARIES_PER_WRITE = 500;

const ALLOCATABLE = ["closed", "allocated"] as const;

interface Run {
  readonly deps: AllocateHarvestsDeps;
  readonly actor: Actor;
  readonly auditActor: AuditActor;
  readonly at: Instant;
}

const requireLots = (
  lots: readonly HarvestLot[],
  planId: PlanId,
): TE.TaskEither<AppError, readonly HarvestLot[]> =>
  lots.length > 0
    ? TE.right(lots)
    : TE.left(
        domainError(
          "HARVEST.NOT_ALLOCATABLE",
          "no harvest lot is recorded; a harvest that failed outright is settled by cancelling the plan",
          { planId },
        ),
      );

/** Step 1: every lot not yet allocated gets its allocations written, its owners told, its mark. */
const allocateNewLots = (run: Run, allocation: PlanAllocation) =>
  pipe(
    run.deps.allocations.allocatedLotIds(allocation.plan.id),
    TE.chain((done) => {
      const pending = allocation.result.lots
        .map((lot, index) => ({ lotId: lot.lotId, index }))
        .filter((lot) => !done.includes(lot.lotId));
      return eachInOrder(pending, ({ lotId, index }) => allocateLot(run, allocation, lotId, index));
    }),
    TE.map((perLot) => ({
      lotsAllocated: perLot.map((lot) => lot.lotId),
      messagesEnqueued: perLot.reduce((sum, lot) => sum + lot.messagesEnqueued, 0),
    })),
  );

const allocateLot = (run: Run, allocation: PlanAllocation, lotId: LotId, index: number) => {
  const { plan } = allocation;
  const records = lotAllocationRecords(allocation, index);
  const messages = records.map((record) =>
    allocationReadyMessage({
      id: run.deps.ids.deterministic("msg", "allocation-ready", record.lotId, record.ownershipId),
      recipientId: record.ownerId,
      at: run.at,
      plan: { id: plan.id, title: plan.title },
      lotId: record.lotId,
      ownershipId: record.ownershipId,
      units: record.units,
      unitLabel: plan.unitLabel,
    }),
  );
  return pipe(
    eachInOrder(chunksOf(records, LOT_RECORDS_PER_WRITE), (chunk) =>
      run.deps.allocations.putLotAllocations(chunk),
    ),
    TE.chain(() =>
      eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) =>
        run.deps.outbox.enqueue(chunk),
      ),
    ),
    // The mark comes last: a crash before it leaves the lot to the next run, which rewrites the same.
    TE.chainFirst(() => run.deps.allocations.markLotAllocated(plan.id, lotId, run.at)),
    TE.map((enqueued) => ({
      lotId,
      messagesEnqueued: enqueued.reduce((sum, r) => sum + r.enqueued, 0),
    })),
  );
};

/** Step 2: the ledger catches up with what the risk terms owe each ownership. */
const writeShortfallCompensation = (run: Run, allocation: PlanAllocation) =>
  pipe(
    TE.fromEither(
      settleShortfall(
        allocation.plan.riskTerms,
        allocation.ownerships.map((ownership, i) => {
          const figures = allocation.result.ownerships[i];
          return {
            ownershipId: ownership.id,
            shares: ownership.shares,
            entitledUnits: figures?.entitledUnits ?? 0,
            receivedStandardUnits: figures?.standardUnits ?? 0,
            paidForSharesYen: ownership.quote.sharesYen,
          };
        }),
      ),
    ),
    TE.bindTo("settlements"),
    TE.bind("before", () => run.deps.ledger.listByPlan(allocation.plan.id)),
    TE.bind("writes", ({ settlements, before }) =>
      TE.fromEither(
        shortfallWrites({
          allocation,
          settlements,
          ledger: ledgerByOwnership(before),
          at: run.at,
          actor: run.auditActor,
          ids: run.deps.ids,
        }),
      ),
    ),
    TE.chainFirst(({ writes }) =>
      eachInOrder(chunksOf(writes, OWNERSHIPS_PER_APPEND), (chunk) =>
        run.deps.ledger.append(
          chunk.flatMap((w) => w.entries),
          chunk.map((w) => w.audit),
        ),
      ),
    ),
    TE.map(({ settlements, before, writes }) => ({
      settlements,
      ledger: ledgerByOwnership([...before, ...writes.flatMap((w) => w.entries)]),
      compensationsWritten: writes.length,
    })),
  );

/** Step 4: summaries that changed are written (a re-run that changes nothing writes nothing). */
const writeSummaries = (
  run: Run,
  summaries: readonly AllocationSummary[],
  stored: ReadonlyMap<string, AllocationSummary>,
) => {
  const changed = summaries.filter((s) => {
    const before = stored.get(s.ownershipId);
    return before === undefined || canonicalJson(before) !== canonicalJson(s);
  });
  return pipe(
    eachInOrder(chunksOf(changed, SUMMARIES_PER_WRITE), (chunk) =>
      run.deps.allocations.putSummaries(chunk),
    ),
    TE.map(() => changed.length),
  );
};

/**
 * Step 0: the plan is marked as being allocated (once), so owners can no longer cancel: an
 * ownership read as active here stays active, and no refunded ownership is ever allocated.
 */
const markAllocationStarted = (run: Run, plan: Plan): TE.TaskEither<AppError, Plan> =>
  plan.allocationStartedAt !== undefined
    ? TE.right(plan)
    : run.deps.plans.save({ ...plan, allocationStartedAt: run.at }, plan.version);

/** Step 5: closed -> allocated, once. */
const markAllocated = (run: Run, planId: PlanId): TE.TaskEither<AppError, Plan> =>
  pipe(
    loadPlan(run.deps.plans, planId),
    TE.chain((plan) => {
      if (plan.status !== "closed") return TE.right(plan);
      return pipe(
        TE.fromEither(markPlanAllocated(plan, run.at)),
        TE.chain((next) =>
          run.deps.plans.save(next, plan.version, [
            planChanged(
              {
                id: auditEntryId(run.deps.ids.deterministic("aud", plan.id, "allocated")),
                at: run.at,
                actor: run.auditActor,
              },
              plan,
              next,
            ),
          ]),
        ),
      );
    }),
  );

const summariesByOwnership = (summaries: readonly AllocationSummary[]) =>
  new Map(summaries.map((s) => [s.ownershipId as string, s]));

const paidBefore = (stored: ReadonlyMap<string, AllocationSummary>) =>
  new Map<string, readonly LedgerEntryId[]>(
    [...stored].map(([id, s]) => [id, s.paidRefundEntryIds]),
  );

/**
 * The allocation batch for one plan, in resumable steps: (1) lots not yet allocated are divided
 * among the active ownerships (the domain's quota method over all lots) and written, owners are
 * told; (2) the shortfall is settled by the plan's risk terms into the ledger; (3) refunds are
 * paid through the gateway, keyed by their ledger entry; (4) summaries and statements are
 * written; (5) the plan becomes allocated. Every write is idempotent with deterministic ids, so a
 * re-run, after success or after a crash anywhere, ends in the same state and pays nothing twice.
 */
export const allocateHarvests =
  (deps: AllocateHarvestsDeps) =>
  (actor: Actor, input: AllocateHarvestsInput): TE.TaskEither<AppError, AllocateHarvestsReport> => {
    const run: Run = { deps, actor, auditActor: auditActorOf(actor), at: deps.clock.now() };
    return pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.chain((plan) => requireStatus(plan, ALLOCATABLE, "allocate the harvest")),
      TE.bindTo("plan"),
      TE.bind("lots", ({ plan }) =>
        pipe(
          deps.harvests.listByPlan(plan.id),
          TE.chain((lots) => requireLots(lots, plan.id)),
        ),
      ),
      // The fence comes before the ownerships are read: an owner's cancellation committed
      // before it is not read as active; one after it is refused by the store.
      TE.chainFirst(({ plan }) => markAllocationStarted(run, plan)),
      TE.bind("ownerships", ({ plan }) =>
        allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
      ),
      TE.bind("allocation", ({ plan, lots, ownerships }) =>
        TE.fromEither(computePlanAllocation(plan, lots, ownerships as readonly Ownership[])),
      ),
      TE.bind("step1", ({ allocation }) => allocateNewLots(run, allocation)),
      TE.bind("step2", ({ allocation }) => writeShortfallCompensation(run, allocation)),
      TE.bind("stored", ({ plan }) =>
        pipe(
          allPages((page) => deps.allocations.listSummaries(plan.id, page)),
          TE.map(summariesByOwnership),
        ),
      ),
      TE.bind("step3", ({ allocation, step2, stored }) =>
        payShortfallRefunds(deps)({
          ownerships: allocation.ownerships,
          ledger: step2.ledger,
          paidBefore: paidBefore(stored),
        }),
      ),
      TE.bind("summariesWritten", ({ allocation, step2, step3, stored }) =>
        pipe(
          TE.fromEither(
            allocationSummaries({
              allocation,
              settlements: step2.settlements,
              ledger: step2.ledger,
              paid: step3.paid,
            }),
          ),
          TE.chain((summaries) => writeSummaries(run, summaries, stored)),
        ),
      ),
      TE.bind("final", ({ plan }) => markAllocated(run, plan.id)),
      TE.map(({ plan, allocation, step1, step2, step3, summariesWritten, final }) => ({
        planId: plan.id,
        lotsAllocated: step1.lotsAllocated,
        activeOwnerships: allocation.ownerships.length,
        totals: allocation.result.totals,
        compensationsWritten: step2.compensationsWritten,
        refundsPaid: step3.paidNow,
        refundYenPaid: step3.paidNowYen,
        refundFailures: step3.failures,
        summariesWritten,
        messagesEnqueued: step1.messagesEnqueued,
        planStatus: final.status,
      })),
    );
  };
