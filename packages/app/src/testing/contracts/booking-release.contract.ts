import { experienceId, ownerId, type Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { bookExperience } from "../../experiences/book-experience.ts";
import { createExperience } from "../../experiences/create-experience.ts";
import { onBookingPayment } from "../../payments/on-booking-payment.ts";
import { cancelOwnership } from "../../reservations/cancel-ownership.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../../reservations/reservation-deps.ts";
import { joinWaitlist } from "../../waitlist/join-waitlist.ts";
import type { HarvestWorld } from "../harvest-world.ts";
import { failWith, succeed } from "./expect-task.ts";

/**
 * Cancelling an owner's last paid ownership of a plan cancels its experience bookings and frees
 * their seats in the same write, whatever the storage: the ownership and experience stores of
 * one technology, wired together as a deployment wires them.
 */
export const describeBookingReleaseContract = (
  name: string,
  makeWorld: () => Promise<{ world: HarvestWorld; cleanup: () => Promise<void> }>,
) => {
  describe(`bookings released with the ownership: ${name}`, () => {
    let counter = 0;
    const setUp = async () => {
      counter += 1;
      const { world, cleanup } = await makeWorld();
      const plan = await world.openPlan(
        `plan_release_${counter}`,
        {},
        { cancellationDeadline: "2026-12-31T00:00:00.000Z" as Plan["cancellationDeadline"] },
      );
      const deps = { ...world.deps, config: DEFAULT_RESERVATION_CONFIG };
      const experience = (id: string, capacity: number) =>
        succeed(
          createExperience(deps)(world.producerOf(plan), {
            planId: plan.id,
            title: `Harvest day ${id}`,
            startsAt: "2026-09-01T01:00:00.000Z",
            capacity,
            location: "Farm gate",
          }),
        );
      const book = (owner: string, exp: { id: string }, seats: number, key: string) =>
        bookExperience(deps)(world.owner(owner), {
          experienceId: experienceId(exp.id),
          seats,
          idempotencyKey: key,
        });
      const cancel = (owner: string, ownershipId: string) =>
        cancelOwnership(deps)(world.owner(owner), { ownershipId });
      const seatsBooked = async (id: string) =>
        O.toUndefined(await succeed(deps.experiences.get(experienceId(id))))?.seatsBooked;
      return { world, deps, plan, experience, book, cancel, seatsBooked, cleanup };
    };

    it("cancels the owner's bookings, frees the seats and tells the owner, in one write", async () => {
      const t = await setUp();
      try {
        const leaving = await t.world.reserve(t.plan, "leaving", 1, 0);
        await t.world.reserve(t.plan, "staying", 1, 1);
        const a = await t.experience("a", 5);
        const b = await t.experience("b", 5);
        const first = await succeed(t.book("leaving", a, 2, "k1"));
        await succeed(t.book("leaving", a, 1, "k2"));
        await succeed(t.book("leaving", b, 1, "k3"));
        const kept = await succeed(t.book("staying", a, 1, "k4"));
        await succeed(t.cancel("leaving", leaving.id));

        expect(await t.seatsBooked(a.id)).toBe(1);
        expect(await t.seatsBooked(b.id)).toBe(0);
        const stored = await succeed(t.deps.experiences.getBooking(a.id, first.booking.id));
        expect(O.toUndefined(stored)?.status).toBe("cancelled");
        const other = await succeed(t.deps.experiences.getBooking(a.id, kept.booking.id));
        expect(O.toUndefined(other)?.status).toBe("active");
        expect(await succeed(t.deps.experiences.ownerSeats(a.id, leaving.ownerId))).toBe(0);
        const notice = await succeed(t.deps.outbox.get(`experience-cancelled#${first.booking.id}`));
        expect(O.toUndefined(notice)).toMatchObject({
          kind: "experience-cancelled",
          recipientId: "leaving",
        });
        expect(O.toUndefined(notice)?.body).toContain("ownership of the plan was cancelled");
        // The freed seats are for others now; the former owner may not book again.
        expect((await failWith(t.book("leaving", a, 1, "k5")))._tag).toBe("EXPERIENCE.NOT_OWNER");
        expect(E.isRight(await t.book("staying", a, 3, "k6")())).toBe(true);
      } finally {
        await t.cleanup();
      }
    });

    it("fits one write with a long line and bookings on four experiences, offering the rest after", async () => {
      const t = await setUp();
      try {
        const plan = await t.world.openPlan(
          `plan_crowded_${counter}`,
          { totalShares: 40, maxSharesPerOwner: 20 },
          {
            cancellationDeadline: "2026-12-31T00:00:00.000Z" as Plan["cancellationDeadline"],
            // Still selling now: a line forms only while the plan sells.
            salesWindow: {
              opensAt: "2026-06-01T00:00:00.000Z" as Plan["salesWindow"]["opensAt"],
              closesAt: "2026-08-31T00:00:00.000Z" as Plan["salesWindow"]["closesAt"],
            },
          },
        );
        const leaving = await t.world.reserve(plan, "leaving", 20, 0);
        await t.world.reserve(plan, "staying", 20, 1);
        const waiters = Array.from({ length: 20 }, (_, i) => `waiter${i}`);
        for (const waiter of waiters) {
          await succeed(
            joinWaitlist(t.deps)(t.world.owner(waiter), { planId: plan.id, shares: 1 }),
          );
          t.world.clock.advance(1);
        }
        for (const name of ["w", "x", "y", "z"]) {
          const day = await succeed(
            createExperience(t.deps)(t.world.producerOf(plan), {
              planId: plan.id,
              title: `Day ${name}`,
              startsAt: "2026-09-01T01:00:00.000Z",
              capacity: 5,
            }),
          );
          await succeed(t.book("leaving", day, 1, `k-${name}`));
        }
        await succeed(t.cancel("leaving", leaving.id));
        const { waitlist } = await succeed(t.deps.waitlists.load(plan.id, t.world.clock.now()));
        expect(waitlist.offers.map((o) => o.ownerId)).toEqual(waiters);
        expect(waitlist.heldForLine ?? 0).toBe(0);
        const bookings = await succeed(
          t.deps.experiences.listBookingsByOwner(ownerId("leaving"), { limit: 10 }),
        );
        expect(bookings.items.map((b) => b.status)).toEqual(Array(4).fill("cancelled"));
      } finally {
        await t.cleanup();
      }
    });

    it("keeps the bookings while the owner still owns other shares of the plan", async () => {
      const t = await setUp();
      try {
        const one = await t.world.reserve(t.plan, "twice", 1, 0);
        const a = await t.experience("c", 5);
        await succeed(t.book("twice", a, 2, "k1"));
        // A second ownership of the same owner (its own id), then the first one goes.
        await t.world.reserve(t.plan, "twice", 1, 2, "own_twice_second");
        await succeed(t.cancel("twice", one.id));
        expect(await t.seatsBooked(a.id)).toBe(2);
      } finally {
        await t.cleanup();
      }
    });

    it("refunds paid seats and ends unpaid checkouts released with the ownership", async () => {
      const t = await setUp();
      try {
        const leaving = await t.world.reserve(t.plan, "payer", 1, 0);
        const lunch = await succeed(
          createExperience(t.deps)(t.world.producerOf(t.plan), {
            planId: t.plan.id,
            title: "Harvest lunch",
            startsAt: "2026-09-01T01:00:00.000Z",
            capacity: 10,
            priceYenPerSeat: 3_000,
          }),
        );
        const paid = await succeed(t.book("payer", lunch, 2, "p1"));
        const held = await succeed(t.book("payer", lunch, 1, "p2"));
        const paidCheckout = paid.booking.payment?.id ?? "";
        const event = t.world.deps.payments.settleCheckout(
          paidCheckout,
          "succeeded",
          t.world.deps.clock.now(),
        );
        if (E.isLeft(event) || event.right.kind !== "booking.payment")
          throw new Error("no payment event");
        await succeed(onBookingPayment(t.deps)(event.right));
        expect(await t.seatsBooked(lunch.id)).toBe(3);

        await succeed(t.cancel("payer", leaving.id));
        expect(await t.seatsBooked(lunch.id)).toBe(0);
        const refunds = t.world.deps.payments.movements().filter((m) => m.kind === "refund");
        // The paid booking's 6,000 yen back (the ownership's own refund is the other one).
        expect(refunds.filter((m) => m.amountYen === 6_000)).toHaveLength(1);
        const stored = O.toUndefined(
          await succeed(t.deps.experiences.getBooking(lunch.id, paid.booking.id)),
        );
        // Its refund was committed as an intent in the cancel's write, then paid.
        expect(stored).toMatchObject({
          status: "cancelled",
          payment: { refundIntentId: `refund:${paid.booking.id}` },
        });
        expect(
          O.toUndefined(await succeed(t.deps.refundIntents.get(`refund:${paid.booking.id}`))),
        ).toMatchObject({
          state: "succeeded",
          amountYen: 6_000,
          booking: { bookingId: paid.booking.id, experienceId: lunch.id },
        });
        // The unpaid hold's checkout can no longer be paid.
        const heldCheckout = held.booking.payment?.id ?? "";
        expect(
          t.world.deps.payments.checkouts().find((c) => c.paymentId === heldCheckout)?.state,
        ).toBe("expired");
        expect(
          O.toUndefined(await succeed(t.deps.experiences.getBooking(lunch.id, held.booking.id)))
            ?.status,
        ).toBe("cancelled");
      } finally {
        await t.cleanup();
      }
    });

    it("never leaves a booking behind when bookings race the cancellation", async () => {
      const t = await setUp();
      try {
        const leaving = await t.world.reserve(t.plan, "racer", 1, 0);
        const a = await t.experience("d", 50);
        await succeed(t.book("racer", a, 1, "k0"));
        const results = await Promise.all([
          t.cancel("racer", leaving.id)(),
          ...[1, 2, 3].map((i) => t.book("racer", a, 1, `k${i}`)()),
        ]);
        expect(E.isRight(results[0] as E.Either<unknown, unknown>)).toBe(true);
        // Whatever committed before the cancel was released with it; nothing after it booked.
        expect(await t.seatsBooked(a.id)).toBe(0);
        expect(await succeed(t.deps.experiences.ownerSeats(a.id, leaving.ownerId))).toBe(0);
      } finally {
        await t.cleanup();
      }
    });
  });
};
