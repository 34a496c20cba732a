import {
  type AllocationTotals,
  type AuditActor,
  allocationReadyMessage,
  auditEntryId,
  deliveryWindowEnded,
  domainError,
  HARVEST_COMPLETABLE,
  type HarvestLot,
  harvestCompleted,
  type Instant,
  japanDayOf,
  type LedgerEntry,
  type LedgerEntryId,
  type LotId,
  markPlanAllocated,
  markShortfallSettled,
  type Ownership,
  type OwnershipSettlement,
  type Plan,
  type PlanId,
  type PlanStatus,
  planChanged,
  settleShortfall,
  touchPlan,
  withParams,
} from "@owners/domain";
import { sequenceS } from "fp-ts/lib/Apply.js";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin, requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { auditActorOf } from "../audit-records.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { allocationStatementFanOut } from "../plans/plan-fan-outs.ts";
import type { AllocationRepository, AllocationSummary } from "../ports/allocation-repository.ts";
import type { Clock } from "../ports/clock.ts";
import type { CreditBalances } from "../ports/credit-balances.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { canonicalJson } from "../store-errors.ts";
import { allocationSummaries } from "./allocation-summaries.ts";
import { compensationChunks } from "./compensation-chunks.ts";
import { payShortfallRefunds, type RefundFailure } from "./pay-shortfall-refunds.ts";
import {
  computePlanAllocation,
  lotAllocationRecords,
  type PlanAllocation,
} from "./plan-allocation.ts";
import { entriesOf, ledgerByOwnership, shortfallWrites } from "./shortfall-ledger.ts";

export interface AllocateHarvestsDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
  readonly ledger: LedgerRepository;
  readonly payments: Pick<PaymentGateway, "refundPayment">;
  /** Shortfall refunds the processor does not confirm at once are tracked as refund intents. */
  readonly refundIntents: Pick<RefundIntentStore, "listByPlan" | "create">;
  /** Shortfall credit is recorded with the owner's balance at the producer. */
  readonly creditBalances: CreditBalances;
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
  /**
   * Whether the harvest is final (declared complete, or past the delivery window): only then is
   * the shortfall settled, once, from the final allocation.
   */
  readonly harvestFinal: boolean;
  /** Ownerships that got a new shortfall refund or credit in the ledger this run. */
  readonly compensationsWritten: number;
  readonly refundsPaid: number;
  readonly refundYenPaid: number;
  /**
   * Refunds the gateway declined: written in the ledger, retried by the next run (or, when the
   * processor failed a refund it took, by reconciliation under its refund intent).
   */
  readonly refundFailures: readonly RefundFailure[];
  /** Refunds taken but not confirmed yet (pending or failed at the processor): not paid. */
  readonly refundsUnconfirmed: number;
  readonly summariesWritten: number;
  readonly messagesEnqueued: number;
  readonly planStatus: PlanStatus;
}

/** Sizes of the writes: each chunk is one resumable unit of work. */
const LOT_RECORDS_PER_WRITE = 1000;
const MESSAGES_PER_ENQUEUE = 500;
const SUMMARIES_PER_WRITE = 500;

const ALLOCATABLE = HARVEST_COMPLETABLE;

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

/**
 * Who shares the harvest must be settled before any of it is divided: a reservation still waiting
 * for its payment (a konbini voucher may take days) could become active after a lot went to the
 * others, and its owner would be left short on the lots already written. Such a plan waits; its
 * holds end by themselves (paid, or released when they expire), and a later run allocates.
 */
const requireNoPaymentPending = (
  plan: Plan,
  ownerships: readonly Ownership[],
): TE.TaskEither<AppError, readonly Ownership[]> => {
  const waiting = ownerships.filter((o) => o.status === "pending_payment");
  return waiting.length === 0
    ? TE.right(ownerships)
    : TE.left(
        domainError(
          "HARVEST.PAYMENTS_PENDING",
          `${waiting.length} reservation(s) still wait for their payment: the harvest is allocated once each is paid or its hold ends`,
          { planId: plan.id, waiting: waiting.length },
        ),
      );
};

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
  // A fan-out whose trigger is the lot itself: it is marked allocated only after these are
  // enqueued, so a crash in between leaves it to the next run, which enqueues the same keys again.
  const messages = records.map((record) =>
    withParams(
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
      {
        planId: plan.id,
        planTitle: plan.title,
        lotId: record.lotId,
        ownershipId: record.ownershipId,
        units: record.units,
        unitLabel: plan.unitLabel,
      },
    ),
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

/** The settlement lines of the allocation so far (what would be owed if it were final). */
const settlementOf = (allocation: PlanAllocation) =>
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
  );

/** Before the harvest is final nothing is owed yet: every line says so. */
const pendingLine = (line: OwnershipSettlement): OwnershipSettlement => ({
  ...line,
  compensation: { kind: "none", amountYen: 0 as OwnershipSettlement["compensation"]["amountYen"] },
  reason: "the shortfall is settled once the harvest is complete",
});

/**
 * Step 2: once the harvest is final, the ledger catches up with what the risk terms owe each
 * ownership for the final allocation (refunds appended; credits recorded with the balance). Before
 * that nothing is written: lots so far are not the harvest.
 */
const writeShortfallCompensation = (
  run: Run,
  allocation: PlanAllocation,
  final: boolean,
  before: readonly LedgerEntry[],
) =>
  pipe(
    settlementOf(allocation),
    TE.map((lines) => (final ? lines : lines.map(pendingLine))),
    TE.bindTo("settlements"),
    TE.let("before", () => before),
    TE.bind("writes", ({ settlements, before }) =>
      final
        ? TE.fromEither(
            shortfallWrites({
              allocation,
              settlements,
              ledger: ledgerByOwnership(before),
              at: run.at,
              actor: run.auditActor,
              ids: run.deps.ids,
            }),
          )
        : TE.right([]),
    ),
    TE.chainFirst(({ writes }) =>
      eachInOrder(compensationChunks(writes), (chunk) => {
        const refunds = chunk.flatMap((w) => (w.refund === undefined ? [] : [w.refund]));
        const credits = chunk.flatMap((w) => (w.credit === undefined ? [] : [w.credit]));
        return pipe(
          refunds.length === 0
            ? TE.right(undefined)
            : run.deps.ledger.append(
                refunds.flatMap((r) => r.entries),
                refunds.map((r) => r.audit),
              ),
          TE.chain(() =>
            credits.length === 0
              ? TE.right(undefined)
              : run.deps.creditBalances.record({
                  entries: credits.flatMap((c) => c.entries),
                  audit: credits.map((c) => c.audit),
                  changes: credits.map((c) => c.change),
                }),
          ),
        );
      }),
    ),
    TE.map(({ settlements, before, writes }) => ({
      settlements,
      ledger: ledgerByOwnership([...before, ...entriesOf(writes)]),
      compensationsWritten: writes.length,
    })),
  );

/**
 * Step 0: a plan whose delivery window has ended is complete without its producer saying so (no
 * lot comes after it): the mark is written once, as the producer's would be.
 */
const finalizeByWindow = (run: Run, plan: Plan): TE.TaskEither<AppError, Plan> => {
  if (plan.harvestCompletedAt !== undefined || !deliveryWindowEnded(plan, japanDayOf(run.at)))
    return TE.right(plan);
  const next = touchPlan(plan, { harvestCompletedAt: run.at }, run.at);
  return run.deps.plans.save(next, plan.version, [
    harvestCompleted(
      {
        id: auditEntryId(run.deps.ids.deterministic("aud", plan.id, "harvest-completed")),
        at: run.at,
        actor: run.auditActor,
      },
      plan,
      next,
    ),
  ]);
};

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

/**
 * Step 5: closed -> allocated, once; and once the final allocation's shortfall is all written
 * and paid, the plan records it as settled (the batch has nothing more to do for it).
 */
const markAllocated = (
  run: Run,
  planId: PlanId,
  settledNow: boolean,
): TE.TaskEither<AppError, Plan> =>
  pipe(
    loadPlan(run.deps.plans, planId),
    TE.chain((plan) => {
      const settle = settledNow && plan.shortfallSettledAt === undefined;
      if (plan.status !== "closed" && !settle) return TE.right(plan);
      return pipe(
        TE.fromEither(plan.status === "closed" ? markPlanAllocated(plan, run.at) : E.right(plan)),
        TE.map((next) => (settle ? markShortfallSettled(next, run.at) : next)),
        TE.chain((next) =>
          run.deps.plans.save(
            next,
            plan.version,
            [
              planChanged(
                {
                  id: auditEntryId(
                    run.deps.ids.deterministic(
                      "aud",
                      plan.id,
                      plan.status === "closed" ? "allocated" : "shortfall-settled",
                    ),
                  ),
                  at: run.at,
                  actor: run.auditActor,
                },
                plan,
                next,
              ),
            ],
            // Settled now: each owner's statement (refund, credit) goes out through ONE fan-out
            // trigger written with the settlement itself.
            settle ? allocationStatementFanOut(run.deps.ids, next) : [],
          ),
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
 * The allocation batch for one plan, in resumable steps, once no reservation of it still waits
 * for its payment (HARVEST.PAYMENTS_PENDING until then): (1) lots not yet allocated are divided
 * among the active ownerships (the domain's quota method over all lots) and written, owners are
 * told; (2) alongside (1), once the harvest is final (declared complete, or its delivery window
 * over: step 0 marks that), the shortfall of the final allocation is settled by the plan's risk
 * terms into the ledger, credit with the owners' balances; (3) refunds are paid back to each
 * ownership's payment, keyed by their ledger entry (one the processor does not confirm at once is
 * tracked by a refund intent until it does); (4) summaries and statements are written
 * (pending before the harvest is final); (5) the plan becomes allocated, and settled once
 * everything is paid and confirmed. Every write is idempotent with deterministic ids, so a
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
      TE.chain((plan) => finalizeByWindow(run, plan)),
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
      // The plan's ledger and stored summaries are read with the ownerships, page for page in
      // parallel (round trips, not work, for the store): step 1 writes neither, and nothing else
      // may write them while the batch holds the plan's lease past the fence. Its refund intents
      // too: only step 3 creates those of shortfall refunds (webhooks and reconciliation move
      // them on; a move read late is seen by the next run).
      TE.bind("read", ({ plan }) =>
        sequenceS(TE.ApplyPar)({
          ownerships: allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
          ledger: deps.ledger.listByPlan(plan.id),
          stored: pipe(
            allPages((page) => deps.allocations.listSummaries(plan.id, page)),
            TE.map(summariesByOwnership),
          ),
          intents: deps.refundIntents.listByPlan(plan.id),
        }),
      ),
      TE.bind("ownerships", ({ plan, read }) =>
        requireNoPaymentPending(plan, read.ownerships as readonly Ownership[]),
      ),
      TE.let("stored", ({ read }) => read.stored),
      TE.bind("allocation", ({ plan, lots, ownerships }) =>
        TE.fromEither(computePlanAllocation(plan, lots, ownerships)),
      ),
      TE.let("final", ({ plan }) => plan.harvestCompletedAt !== undefined),
      // Steps 1 and 2 write disjoint items from the same computed allocation (lot allocations and
      // messages; ledger, audit and balances), each idempotent on its own: they run side by side,
      // and a crash in either leaves both to the next run, which converges to the same state.
      TE.bind("steps", ({ allocation, final, read }) =>
        sequenceS(TE.ApplyPar)({
          step1: allocateNewLots(run, allocation),
          step2: writeShortfallCompensation(run, allocation, final, read.ledger),
        }),
      ),
      TE.let("step1", ({ steps }) => steps.step1),
      TE.let("step2", ({ steps }) => steps.step2),
      TE.bind("step3", ({ allocation, step2, stored, read }) =>
        payShortfallRefunds(deps)({
          ownerships: allocation.ownerships,
          ledger: step2.ledger,
          paidBefore: paidBefore(stored),
          intents: read.intents,
        }),
      ),
      TE.bind("summariesWritten", ({ allocation, step2, step3, stored, final }) =>
        pipe(
          TE.fromEither(
            allocationSummaries({
              allocation,
              settled: final,
              settlements: step2.settlements,
              ledger: step2.ledger,
              paid: step3.paid,
            }),
          ),
          TE.chain((summaries) => writeSummaries(run, summaries, stored)),
        ),
      ),
      TE.bind("saved", ({ plan, final, step3 }) =>
        markAllocated(
          run,
          plan.id,
          final && step3.failures.length === 0 && step3.unconfirmed === 0,
        ),
      ),
      TE.map(({ plan, allocation, step1, step2, step3, summariesWritten, saved, final }) => ({
        planId: plan.id,
        harvestFinal: final,
        lotsAllocated: step1.lotsAllocated,
        activeOwnerships: allocation.ownerships.length,
        totals: allocation.result.totals,
        compensationsWritten: step2.compensationsWritten,
        refundsPaid: step3.paidNow,
        refundYenPaid: step3.paidNowYen,
        refundFailures: step3.failures,
        refundsUnconfirmed: step3.unconfirmed,
        summariesWritten,
        messagesEnqueued: step1.messagesEnqueued,
        planStatus: saved.status,
      })),
    );
  };
