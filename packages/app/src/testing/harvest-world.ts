import { makeIdGenerator, makeManualClock } from "@owners/adapter-local";
import {
  makeMemoryAllocationRepository,
  makeMemoryCommunicationRepository,
  makeMemoryExperienceStore,
  makeMemoryHarvestRepository,
  makeMemoryNotifier,
  makeMemoryOutbox,
  makeMemoryOwnerProfileRepository,
  makeMemoryParcelStore,
  makeMemoryPaymentGateway,
  makeMemoryReconciliationMismatches,
  makeMemoryReservationStores,
  makeMemorySeasonReportStore,
  makeMemoryShipmentRepository,
} from "@owners/adapter-memory";
import {
  type HarvestLot,
  type Instant,
  instant,
  type LotGrade,
  localDate,
  lotId,
  type Ownership,
  ownerId,
  type Plan,
  type RawPlanTerms,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { makeCursorCodec } from "../cursor.ts";
import { completeHarvest } from "../harvest/complete-harvest.ts";
import { applyPaymentNews } from "../payments/apply-payment-news.ts";
import type { AllocationRepository } from "../ports/allocation-repository.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnerProfile, OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { ReservationStores } from "../ports/reservation-stores.ts";
import type { ShipmentRepository } from "../ports/shipment-repository.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { scheduleShipments } from "../shipping/schedule-shipments.ts";
import { succeed } from "./contracts/expect-task.ts";
import { sampleProfile } from "./harvest-fixtures.ts";
import { samplePlan, sampleReserveCommand } from "./reservation-fixtures.ts";

/** When harvest-world scenarios happen: after sales closed, before the delivery window. */
export const HARVEST_TIMES = {
  reserved: instant("2026-06-10T00:00:00.000Z"),
  harvest: instant("2026-07-25T00:00:00.000Z"),
} as const;

export const SYSTEM: Actor = { id: "batch-allocate", role: "admin" };

/** Storing ports a test may swap for other adapters (DynamoDB); the rest stay in memory. */
export interface HarvestWorldStorage {
  readonly reservation: ReservationStores;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
  readonly shipments: ShipmentRepository;
  readonly experiences: ExperienceStore;
  readonly communication: CommunicationRepository;
  readonly outbox: Outbox;
  readonly profiles: OwnerProfileRepository;
}

/**
 * Every port the harvest, shipping, experience and communication use cases need, in memory,
 * with helpers to set a plan up the way the reservation slice leaves it.
 */
export const makeHarvestWorld = (storage: Partial<HarvestWorldStorage> = {}) => {
  const cursors = makeCursorCodec("harvest-world-secret");
  const memoryStores = makeMemoryReservationStores(cursors);
  const stores = { ...memoryStores, ...storage.reservation };
  const clock = makeManualClock(HARVEST_TIMES.harvest);
  const ids = makeIdGenerator();
  const payments = makeMemoryPaymentGateway();
  const paymentIds = new Map<string, string>();
  // Over the reservation database's messages: the stores write their notices there themselves.
  const outbox =
    storage.outbox ??
    (storage.reservation === undefined
      ? makeMemoryOutbox(cursors, memoryStores.db.outbox)
      : makeMemoryOutbox());
  const deps = {
    ...stores,
    clock,
    ids,
    cursors,
    payments,
    config: DEFAULT_RESERVATION_CONFIG,
    notifier: makeMemoryNotifier(),
    harvests:
      storage.harvests ??
      makeMemoryHarvestRepository(
        undefined,
        storage.reservation === undefined ? memoryStores.db.plans : undefined,
      ),
    allocations: storage.allocations ?? makeMemoryAllocationRepository(cursors),
    shipments: storage.shipments ?? makeMemoryShipmentRepository(cursors),
    experiences:
      storage.experiences ??
      makeMemoryExperienceStore({
        cursors,
        isActiveOwner: (planId, owner) =>
          pipe(
            stores.ownerships.ownerActiveShares(planId, owner),
            TE.map((shares) => shares > 0),
          ),
        outbox,
        // Ownership cancels release bookings only in the memory reservation stores it shares.
        ...(storage.reservation === undefined ? { reservationDb: memoryStores.db } : {}),
      }),
    communication:
      storage.communication ??
      makeMemoryCommunicationRepository(cursors, { outbox, db: memoryStores.db }),
    outbox,
    profiles: storage.profiles ?? makeMemoryOwnerProfileRepository(),
    reconciliation: makeMemoryReconciliationMismatches(),
    parcels: makeMemoryParcelStore(cursors, outbox),
    // Writes its fan-out trigger into the outbox's messages with the report (memory stores only).
    seasonReports: makeMemorySeasonReportStore(
      storage.outbox === undefined && storage.reservation === undefined
        ? memoryStores.db.outbox
        : undefined,
    ),
  };

  /** An open plan of the producer (sample terms: 4 packs a share, 10 shares, refund terms). */
  const openPlan = async (
    id: string,
    terms: Partial<RawPlanTerms> = {},
    overrides: Partial<Plan> = {},
  ) => succeed(deps.plans.create(samplePlan({ id: id as Plan["id"], ...overrides }, terms)));

  /** A sample reservation of `owner` at minute `minute` of the sales day, its checkout opened. */
  const checkoutOpened = async (
    plan: Plan,
    owner: string,
    shares: number,
    minute: number,
    id: string,
    expiresAt: Instant,
  ) => {
    const at = instant(`2026-06-10T00:${String(minute).padStart(2, "0")}:00.000Z`);
    const command = sampleReserveCommand({ plan, owner, shares, at, id });
    const { ownership: reserved } = command;
    const session = await succeed(
      payments.startCheckout({
        idempotencyKey: reserved.id,
        ownershipId: reserved.id,
        planId: plan.id,
        ownerId: ownerId(owner),
        amountYen: reserved.quote.totalYen,
        applicationFeeYen: reserved.quote.feeYen,
        description: plan.title,
        expiresAt,
        returnUrl: "http://localhost/me",
      }),
    );
    return { at, command, reserved, session };
  };

  /**
   * A reservation as the reservation slice stores it once paid: its checkout completed at the
   * processor, the ownership active with the payment (and its PaymentIntent) recorded.
   */
  const reserve = async (
    plan: Plan,
    owner: string,
    shares: number,
    minute = 0,
    /** Another ownership of the same owner needs its own id. */
    id = `own_${plan.id}_${owner}`,
  ): Promise<Ownership> => {
    const expiresAt = instant("2026-06-10T01:00:00.000Z");
    const { at, command, reserved, session } = await checkoutOpened(
      plan,
      owner,
      shares,
      minute,
      id,
      expiresAt,
    );
    const event = payments.settleCheckout(session.paymentId, "succeeded", at);
    const paymentIntentId =
      event._tag === "Right" && "paymentIntentId" in event.right
        ? event.right.paymentIntentId
        : undefined;
    if (paymentIntentId === undefined) throw new Error("the memory checkout did not succeed");
    const paid: Ownership = {
      ...reserved,
      payment: {
        id: session.paymentId,
        status: "succeeded",
        expiresAt,
        paymentIntentId,
        amountYen: reserved.quote.totalYen,
      },
    };
    const { ownership } = await succeed(deps.ownerships.reserve({ ...command, ownership: paid }));
    paymentIds.set(ownership.id, paymentIntentId);
    return ownership;
  };

  /**
   * A reservation still waiting for its payment (a konbini voucher, say): held as
   * `pending_payment` with its checkout open and no charge recorded yet.
   */
  const holdUnpaid = async (
    plan: Plan,
    owner: string,
    shares: number,
    minute = 0,
  ): Promise<Ownership> => {
    const expiresAt = instant("2026-06-13T00:00:00.000Z");
    const { command, reserved, session } = await checkoutOpened(
      plan,
      owner,
      shares,
      minute,
      `own_${plan.id}_${owner}`,
      expiresAt,
    );
    const held: Ownership = {
      ...reserved,
      status: "pending_payment",
      holdExpiresAt: expiresAt,
      payment: {
        id: session.paymentId,
        status: "pending",
        expiresAt,
        amountYen: reserved.quote.totalYen,
      },
    };
    const { ownership } = await succeed(
      deps.ownerships.reserve({ ...command, ownership: held, ledgerEntries: [] }),
    );
    return ownership;
  };

  /** The held reservation's checkout is paid, and the processor's news applied as the webhook does. */
  const payHold = async (held: Ownership): Promise<Ownership> => {
    const paymentId = held.payment?.id;
    if (paymentId === undefined) throw new Error(`${held.id} has no checkout`);
    const event = payments.settleCheckout(paymentId, "succeeded", clock.now());
    if (E.isLeft(event) || event.right.kind !== "payment.succeeded")
      throw new Error("the memory checkout did not succeed");
    const { paymentIntentId, amountYen } = event.right;
    return succeed(
      applyPaymentNews(deps)(SYSTEM, held.id, {
        paymentId,
        outcome: "succeeded",
        amountYen,
        ...(paymentIntentId === undefined ? {} : { paymentIntentId }),
      }),
    );
  };

  /** Sales end: the plan as the close-sales batch leaves it. */
  const closePlan = async (id: string): Promise<Plan> => {
    const plan = await succeed(deps.plans.get(id as Plan["id"]));
    if (plan._tag === "None") throw new Error(`no plan ${id}`);
    return succeed(deps.plans.save({ ...plan.value, status: "closed" }, plan.value.version));
  };

  /** A lot recorded straight into the repository (the use case has its own tests). */
  const addLot = async (
    plan: Plan,
    id: string,
    quantity: number,
    options: { grade?: LotGrade; readyOn?: string; bestBefore?: string; recordedAt?: Instant } = {},
  ): Promise<HarvestLot> =>
    succeed(
      deps.harvests.add({
        id: lotId(id),
        planId: plan.id,
        quantity,
        grade: options.grade ?? "standard",
        readyOn: localDate(options.readyOn ?? "2026-08-01"),
        bestBefore: localDate(options.bestBefore ?? "2026-08-10"),
        recordedAt: options.recordedAt ?? clock.now(),
      }),
    );

  const producerOf = (plan: Plan): Actor => ({ id: plan.producerId, role: "producer" });
  const owner = (id: string): Actor => ({ id, role: "owner" });

  /** An owner's address as setMyAddress stores it (region kanto unless told). */
  const giveAddress = async (owner: string, region = "kanto"): Promise<OwnerProfile> =>
    succeed(deps.profiles.save(sampleProfile({ ownerId: ownerId(owner), region }), 0));

  /** The plan's producer declares the harvest complete: the shortfall is settled then. */
  const completeHarvestOf = async (plan: Plan) =>
    succeed(completeHarvest(deps)(producerOf(plan), { planId: plan.id }));

  /**
   * A plan reserved by `owners` ([name, shares] in reservation order), closed, harvested with
   * `lots` ([id, quantity, options]), declared complete and allocated (and settled).
   */
  const allocatedPlan = async (
    id: string,
    owners: readonly (readonly [string, number])[],
    lots: readonly (readonly [string, number, Parameters<typeof addLot>[3]?])[],
    terms: Partial<RawPlanTerms> = {},
    overrides: Partial<Plan> = {},
  ): Promise<Plan> => {
    const plan = await openPlan(id, terms, overrides);
    for (const [minute, [owner, shares]] of owners.entries())
      await reserve(plan, owner, shares, minute);
    const closed = await closePlan(plan.id);
    for (const [i, [lot, quantity, options]] of lots.entries())
      await addLot(closed, lot, quantity, {
        recordedAt: instant(`2026-07-20T00:00:0${i}.000Z`),
        ...options,
      });
    await completeHarvestOf(closed);
    const allocated = await succeed(deps.plans.get(closed.id));
    if (allocated._tag === "None") throw new Error(`no plan ${id}`);
    return allocated.value;
  };

  /** An allocated plan (as allocatedPlan) whose parcels the shipping batch has scheduled. */
  const scheduledPlan = async (...args: Parameters<typeof allocatedPlan>): Promise<Plan> => {
    const plan = await allocatedPlan(...args);
    await succeed(scheduleShipments(deps)(SYSTEM, { planId: plan.id }));
    return plan;
  };

  return {
    deps,
    clock,
    payments,
    paymentIds,
    openPlan,
    reserve,
    holdUnpaid,
    payHold,
    closePlan,
    addLot,
    giveAddress,
    allocatedPlan,
    scheduledPlan,
    completeHarvest: completeHarvestOf,
    producerOf,
    owner,
  };
};

export type HarvestWorld = ReturnType<typeof makeHarvestWorld>;
