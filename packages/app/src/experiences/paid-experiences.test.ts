import { makeMemoryBatchStores } from "@owners/adapter-memory";
import { addMillis, type ExperienceBooking, type Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { beforeEach, describe, expect, it } from "vitest";
import { type BatchPorts, runBatch } from "../batch/registry.ts";
import { appError } from "../errors.ts";
import { onBookingPayment } from "../payments/on-booking-payment.ts";
import { onDisputeOpened } from "../payments/on-dispute-opened.ts";
import { onRefundUpdated } from "../payments/on-refund-updated.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { bookExperience } from "./book-experience.ts";
import { cancelBooking } from "./cancel-booking.ts";
import { createExperience } from "./create-experience.ts";

describe("paid experiences", () => {
  let world: HarvestWorld;
  let plan: Plan;
  let lunch: { id: ExperienceBooking["experienceId"] };
  beforeEach(async () => {
    world = makeHarvestWorld();
    plan = await world.openPlan("plan_lunch");
    for (const [i, owner] of ["o1", "o2", "o3"].entries()) await world.reserve(plan, owner, 1, i);
    lunch = await succeed(
      createExperience(world.deps)(world.producerOf(plan), {
        planId: plan.id,
        title: "Harvest lunch",
        startsAt: "2026-09-01T01:00:00.000Z",
        capacity: 4,
        priceYenPerSeat: 3_000,
      }),
    );
  });

  const book = (owner: string, seats: number, key = "k") =>
    bookExperience(world.deps)(world.owner(owner), {
      experienceId: lunch.id,
      seats,
      idempotencyKey: key,
    });
  const stored = async (booking: ExperienceBooking) =>
    O.toUndefined(await succeed(world.deps.experiences.getBooking(lunch.id, booking.id)));
  const seatsBooked = async () =>
    O.toUndefined(await succeed(world.deps.experiences.get(lunch.id)))?.seatsBooked;
  /** The processor's webhook about the booking's checkout, applied as the webhook route does. */
  const processorSays = async (
    booking: ExperienceBooking,
    outcome: "succeeded" | "failed" | "expired",
  ) => {
    const event = world.deps.payments.settleCheckout(
      booking.payment?.id ?? "",
      outcome,
      world.deps.clock.now(),
    );
    if (E.isLeft(event) || event.right.kind !== "booking.payment")
      throw new Error("no booking payment event");
    await succeed(onBookingPayment(world.deps)(event.right));
  };
  const refunds = () => world.deps.payments.movements().filter((m) => m.kind === "refund");
  const refundIntent = async (booking: ExperienceBooking) =>
    O.toUndefined(await succeed(world.deps.refundIntents.get(`refund:${booking.id}`)));
  /** The hourly reconcile-payments batch. */
  const reconcile = () =>
    runBatch({ ...world.deps, ...makeMemoryBatchStores() } as BatchPorts)("reconcile-payments");
  const bookedNotices = async (booking: ExperienceBooking) =>
    O.toUndefined(await succeed(world.deps.outbox.get(`experience-booked#${booking.id}`)));

  it("holds the seats and opens one checkout for seats x price, the platform fee to the platform", async () => {
    const { booking } = await succeed(book("o1", 2));
    expect(booking).toMatchObject({ status: "pending_payment", amountYen: 6_000, seats: 2 });
    expect(booking.payment).toMatchObject({ status: "pending", checkoutUrl: expect.any(String) });
    expect(await seatsBooked()).toBe(2);
    const bookingCheckouts = () =>
      world.deps.payments.checkouts().filter((c) => c.request.bookingId !== undefined);
    const opened = bookingCheckouts();
    expect(opened).toHaveLength(1);
    expect(opened[0]?.request).toMatchObject({
      bookingId: booking.id,
      experienceId: lunch.id,
      amountYen: 6_000,
      applicationFeeYen: Math.floor((6_000 * plan.platformFeeBps) / 10_000),
    });
    // A retried click: the same booking and checkout, no more seats.
    const again = await succeed(book("o1", 2));
    expect(again.kind).toBe("replayed");
    expect(again.booking.payment?.id).toBe(booking.payment?.id);
    expect(bookingCheckouts()).toHaveLength(1);
    expect(await seatsBooked()).toBe(2);
    // Not booked until paid: no booked notice yet.
    expect(await bookedNotices(booking)).toBeUndefined();
  });

  it("confirms the seats once paid, with one booked notice, whatever the repeats", async () => {
    const { booking } = await succeed(book("o1", 2));
    await processorSays(booking, "succeeded");
    await processorSays(booking, "succeeded");
    expect(await stored(booking)).toMatchObject({
      status: "active",
      payment: { status: "succeeded", paymentIntentId: expect.any(String) },
    });
    expect(await bookedNotices(booking)).toMatchObject({ kind: "experience-booked" });
    expect(await seatsBooked()).toBe(2);
  });

  it("gives the seats back when the checkout fails or its hold ends unpaid", async () => {
    const declined = (await succeed(book("o1", 2))).booking;
    await processorSays(declined, "failed");
    expect((await stored(declined))?.status).toBe("cancelled");
    expect(await seatsBooked()).toBe(0);

    // The hourly reconcile-payments batch ends holds past their time, asking the processor first.
    const lapsed = (await succeed(book("o2", 1))).booking;
    const paidLate = (await succeed(book("o3", 3))).booking;
    world.deps.payments.settleCheckout(
      paidLate.payment?.id ?? "",
      "succeeded",
      world.deps.clock.now(),
    );
    world.deps.clock.advance(plan.paymentHoldMinutes * 60_000 + 1);
    const deps: BatchPorts = { ...world.deps, ...makeMemoryBatchStores() };
    const run = await succeed(runBatch(deps)("reconcile-payments"));
    expect(run.counts.holdsExpired).toBe(2);
    expect((await stored(lapsed))?.status).toBe("cancelled");
    expect(
      world.deps.payments.checkouts().find((c) => c.paymentId === lapsed.payment?.id)?.state,
    ).toBe("expired");
    // Paid meanwhile (its webhook not come yet): confirmed, not released.
    expect((await stored(paidLate))?.status).toBe("active");
    expect(await seatsBooked()).toBe(3);
  });

  it("refunds a paid booking in full, once, when its owner cancels it", async () => {
    const { booking } = await succeed(book("o1", 2));
    await processorSays(booking, "succeeded");
    const cancel = () =>
      cancelBooking(world.deps)(world.owner("o1"), {
        experienceId: lunch.id,
        bookingId: booking.id,
      });
    const result = await succeed(cancel());
    expect(result.booking).toMatchObject({
      status: "cancelled",
      payment: { refundIntentId: `refund:${booking.id}` },
    });
    expect(await refundIntent(booking)).toMatchObject({
      state: "succeeded",
      refundId: expect.any(String),
      amountYen: 6_000,
      booking: { bookingId: booking.id, experienceId: lunch.id },
    });
    expect(refunds().map((m) => m.amountYen)).toEqual([6_000]);
    expect(await seatsBooked()).toBe(0);
    expect((await failWith(cancel()))._tag).toBe("EXPERIENCE.INVALID");
    expect(refunds()).toHaveLength(1);
  });

  it("cancels with the refund committed when the processor is unreachable; reconciliation pays it once", async () => {
    const { booking } = await succeed(book("o1", 1));
    await processorSays(booking, "succeeded");
    world.deps.payments.setAvailable(false);
    await succeed(
      cancelBooking(world.deps)(world.owner("o1"), {
        experienceId: lunch.id,
        bookingId: booking.id,
      }),
    );
    expect((await stored(booking))?.status).toBe("cancelled");
    expect(await refundIntent(booking)).toMatchObject({ state: "pending" });
    expect(refunds()).toEqual([]);
    world.deps.payments.setAvailable(true);
    const run = await succeed(reconcile());
    expect(run.counts.refundsSucceeded).toBe(1);
    expect(await succeed(reconcile())).toMatchObject({ counts: { refundsSucceeded: 0 } });
    expect(refunds().map((m) => m.amountYen)).toEqual([3_000]);
    expect(await refundIntent(booking)).toMatchObject({ state: "succeeded" });
  });

  it("tracks a refund the processor answers failed: reported, retried under a fresh key", async () => {
    const { booking } = await succeed(book("o1", 1));
    await processorSays(booking, "succeeded");
    const failing = {
      ...world.deps,
      payments: {
        ...world.deps.payments,
        refundPayment: ((request) =>
          TE.right({
            refundId: "re_failed",
            state: "failed" as const,
            amountYen: request.amountYen,
          })) as typeof world.deps.payments.refundPayment,
      },
    };
    await succeed(
      cancelBooking(failing)(world.owner("o1"), { experienceId: lunch.id, bookingId: booking.id }),
    );
    expect(await stored(booking)).toMatchObject({ status: "cancelled" });
    expect(await refundIntent(booking)).toMatchObject({
      state: "failed",
      declines: 1,
      refundId: "re_failed",
    });
    expect(refunds()).toEqual([]);
    const run = await succeed(reconcile());
    expect(run.counts.refundsSucceeded).toBe(1);
    expect(refunds().map((m) => [m.amountYen, m.idempotencyKey])).toEqual([
      [3_000, `refund:${booking.id}:retry-1`],
    ]);
  });

  it("a booking refund the processor accepts and fails later is retried, then reported if refused", async () => {
    const { booking } = await succeed(book("o1", 2));
    await processorSays(booking, "succeeded");
    // The processor accepts the first attempt (pending, as a konbini refund waits for the owner's
    // bank details) and moves no money yet.
    const accepting = {
      ...world.deps,
      payments: {
        ...world.deps.payments,
        refundPayment: ((request) =>
          TE.right({
            refundId: "re_later",
            state: "pending" as const,
            amountYen: request.amountYen,
          })) as typeof world.deps.payments.refundPayment,
      },
    };
    await succeed(
      cancelBooking(accepting)(world.owner("o1"), {
        experienceId: lunch.id,
        bookingId: booking.id,
      }),
    );
    expect(await refundIntent(booking)).toMatchObject({ state: "pending", refundId: "re_later" });
    // Then it fails it (refund.updated), as the webhook applies it.
    await succeed(
      onRefundUpdated(world.deps)({
        eventId: "evt_refund_failed",
        createdAt: world.deps.clock.now(),
        kind: "refund.updated",
        refundId: "re_later",
        paymentIntentId: (await stored(booking))?.payment?.paymentIntentId ?? "",
        state: "failed",
        amountYen: 6_000 as never,
      }),
    );
    expect(await refundIntent(booking)).toMatchObject({ state: "failed", declines: 1 });
    // Refused again at the next run: reported as a problem, left failed for the one after.
    world.deps.payments.setDeclineRule(() => "bank account closed");
    const refused = await succeed(reconcile());
    expect(refused.counts.refundsFailed).toBe(1);
    expect(refused.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ item: booking.id })]),
    );
    world.deps.payments.setDeclineRule(undefined);
    const paid = await succeed(reconcile());
    expect(paid.counts.refundsSucceeded).toBe(1);
    expect(refunds().map((m) => [m.amountYen, m.idempotencyKey])).toEqual([
      [6_000, `refund:${booking.id}:retry-2`],
    ]);
    expect(await refundIntent(booking)).toMatchObject({ state: "succeeded" });
  });

  it("ends an unpaid hold's checkout when its owner cancels, and refunds money that comes after", async () => {
    const { booking } = await succeed(book("o1", 1));
    await succeed(
      cancelBooking(world.deps)(world.owner("o1"), {
        experienceId: lunch.id,
        bookingId: booking.id,
      }),
    );
    expect(
      world.deps.payments.checkouts().find((c) => c.paymentId === booking.payment?.id)?.state,
    ).toBe("expired");
    expect(refunds()).toHaveLength(0);

    // A hold released by a failed payment, then paid after all (a late konbini, say): refunded.
    const second = (await succeed(book("o2", 1, "k2"))).booking;
    await succeed(
      onBookingPayment(world.deps)({
        eventId: "evt_fail",
        createdAt: world.deps.clock.now(),
        kind: "booking.payment",
        outcome: "failed",
        paymentId: second.payment?.id ?? "",
        bookingId: second.id,
        experienceId: lunch.id,
        amountYen: 3_000 as never,
      }),
    );
    await processorSays(second, "succeeded");
    await processorSays(second, "succeeded");
    expect(await stored(second)).toMatchObject({
      status: "cancelled",
      payment: { refundIntentId: `refund:${second.id}` },
    });
    expect(await refundIntent(second)).toMatchObject({ state: "succeeded", amountYen: 3_000 });
    expect(refunds().map((m) => m.amountYen)).toEqual([3_000]);
    expect(await seatsBooked()).toBe(0);
  });

  it("moves no booking money when the owner's cancellation is refused (allocation started)", async () => {
    const { booking } = await succeed(book("o1", 2));
    await processorSays(booking, "succeeded");
    // Sales closed early and the allocation batch has fenced the plan; the owner's deadline has
    // not passed, so only the fence refuses the cancellation.
    const closed = O.toUndefined(await succeed(world.deps.plans.get(plan.id)));
    if (closed === undefined) throw new Error("no plan");
    await succeed(
      world.deps.plans.save(
        {
          ...closed,
          status: "closed",
          cancellationDeadline: addMillis(world.deps.clock.now(), 86_400_000),
          allocationStartedAt: world.deps.clock.now(),
        },
        closed.version,
      ),
    );
    const ownership = `own_${plan.id}_o1`;
    const refused = await failWith(
      cancelOwnership(world.deps)(world.owner("o1"), { ownershipId: ownership }),
    );
    expect(refused._tag).toBe("OWNERSHIP.CANCELLATION_CLOSED");
    expect(refunds()).toEqual([]);
    expect(await stored(booking)).toMatchObject({ status: "active", seats: 2 });
  });

  it("moves no booking money when the ownership's cancel write is refused, and refunds once after", async () => {
    const { booking } = await succeed(book("o1", 2));
    await processorSays(booking, "succeeded");
    const ownershipId = `own_${plan.id}_o1`;
    // The owner's deadline has not passed: the domain's rule lets the cancellation through.
    const open = O.toUndefined(await succeed(world.deps.plans.get(plan.id)));
    if (open === undefined) throw new Error("no plan");
    await succeed(
      world.deps.plans.save(
        { ...open, cancellationDeadline: addMillis(world.deps.clock.now(), 86_400_000) },
        open.version,
      ),
    );
    // The store refuses the write for a reason the domain's rule cannot see beforehand.
    const refusing = {
      ...world.deps,
      ownerships: {
        ...world.deps.ownerships,
        cancel: () => TE.left(appError("STORE.UNAVAILABLE", "the write was refused")),
      },
    };
    expect(
      (await failWith(cancelOwnership(refusing)(world.owner("o1"), { ownershipId })))._tag,
    ).toBe("STORE.UNAVAILABLE");
    expect(refunds()).toEqual([]);
    expect(await stored(booking)).toMatchObject({ status: "active", seats: 2 });
    expect(await refundIntent(booking)).toBeUndefined();

    await succeed(cancelOwnership(world.deps)(world.owner("o1"), { ownershipId }));
    expect(await stored(booking)).toMatchObject({
      status: "cancelled",
      payment: { refundIntentId: `refund:${booking.id}` },
    });
    expect(await refundIntent(booking)).toMatchObject({ state: "succeeded", amountYen: 6_000 });
    expect(refunds().filter((m) => m.amountYen === 6_000)).toHaveLength(1);
  });

  it("flags a disputed booking payment once and tells the producer and the administrators", async () => {
    const { booking } = await succeed(book("o1", 2));
    await processorSays(booking, "succeeded");
    const paid = await stored(booking);
    const dispute = onDisputeOpened({ ...world.deps, config: DEFAULT_RESERVATION_CONFIG });
    const event = {
      eventId: "evt_dispute",
      createdAt: world.deps.clock.now(),
      kind: "dispute.opened" as const,
      disputeId: "dp_booking",
      paymentIntentId: paid?.payment?.paymentIntentId ?? "",
      amountYen: 6_000 as never,
      reason: "fraudulent",
    };
    await succeed(dispute(event));
    await succeed(dispute(event));
    expect(await stored(booking)).toMatchObject({
      status: "active",
      payment: { disputeId: "dp_booking" },
      version: (paid?.version ?? 0) + 1,
    });
    for (const recipient of [world.producerOf(plan).id, "admins"])
      expect(
        O.toUndefined(
          await succeed(world.deps.outbox.get(`payment-disputed#dp_booking#${recipient}`)),
        ),
      ).toMatchObject({
        kind: "payment-disputed",
        params: { bookingId: booking.id, experienceTitle: "Harvest lunch" },
      });
  });
});
