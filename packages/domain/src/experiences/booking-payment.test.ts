import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldNamesOf, leftOf, PRODUCER, planIn, rightOf, T } from "../plans/terms.fixtures.ts";
import { bookingId, experienceId, ownerId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import { type BookingPaymentNews, owesRefund, settleBookingPayment } from "./booking-payment.ts";
import { editExperience } from "./edit-experience.ts";
import {
  bookSeats,
  cancelBooking,
  createExperience,
  EXPERIENCE_PRICE_MAX,
  type Experience,
  type ExperienceBooking,
  holdsSeats,
} from "./experience.ts";

const paidExperience = (price: number): Experience =>
  rightOf(
    createExperience({
      id: experienceId("exp-paid"),
      plan: planIn("open"),
      actorProducerId: PRODUCER,
      title: "Harvest lunch",
      startsAt: "2026-09-05T01:00:00.000Z",
      capacity: 40,
      priceYenPerSeat: price,
      now: T.during,
    }),
  );

const bookOn = (experience: Experience, seats: number) =>
  rightOf(
    bookSeats({
      experience,
      bookingId: bookingId("b-1"),
      ownerId: ownerId("alice"),
      isOwnerOfPlan: true,
      seats,
      ownerSeatsBooked: 0,
      seatLimitPerOwner: 40,
      holdMinutes: 45,
      now: T.during,
    }),
  );

/** The booking as the store keeps it once its checkout is open. */
const withCheckout = (booking: ExperienceBooking, paymentId = "cs_1"): ExperienceBooking => ({
  ...booking,
  payment: {
    id: paymentId,
    checkoutUrl: `https://pay.example/${paymentId}`,
    expiresAt: booking.holdExpiresAt ?? booking.bookedAt,
    status: "pending",
  },
});

describe("paid experiences", () => {
  it("hold the seats unpaid for the hold time, at seats x the seat price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: EXPERIENCE_PRICE_MAX }),
        fc.integer({ min: 1, max: 40 }),
        (price, seats) => {
          const { booking, experience } = bookOn(paidExperience(price), seats);
          expect(booking.status).toBe("pending_payment");
          expect(booking.amountYen).toBe(price * seats);
          expect(booking.holdExpiresAt).toBe(addMillis(T.during, 45 * 60_000));
          // Held seats count against capacity like paid ones: nobody can overbook meanwhile.
          expect(experience.seatsBooked).toBe(seats);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a free experience (no price, or 0) books at once with nothing to pay", () => {
    for (const price of [0, undefined]) {
      const experience = rightOf(
        createExperience({
          id: experienceId("exp-free"),
          plan: planIn("open"),
          actorProducerId: PRODUCER,
          title: "Open day",
          startsAt: "2026-09-05T01:00:00.000Z",
          capacity: 5,
          priceYenPerSeat: price,
          now: T.during,
        }),
      );
      expect(experience.priceYenPerSeat).toBeUndefined();
      const { booking } = bookOn(experience, 2);
      expect(booking.status).toBe("active");
      expect(booking.amountYen).toBeUndefined();
    }
  });

  it("refuses a seat price that is not whole yen in range, on create and on edit", () => {
    for (const bad of [-1, 1.5, EXPERIENCE_PRICE_MAX + 1, Number.NaN]) {
      const refused = createExperience({
        id: experienceId("exp-bad"),
        plan: planIn("open"),
        actorProducerId: PRODUCER,
        title: "Lunch",
        startsAt: "2026-09-05T01:00:00.000Z",
        capacity: 5,
        priceYenPerSeat: bad,
        now: T.during,
      });
      expect(fieldNamesOf(leftOf(refused))).toContain("priceYenPerSeat");
      const edited = editExperience(
        paidExperience(1_000),
        PRODUCER,
        { priceYenPerSeat: bad },
        T.during,
      );
      expect(fieldNamesOf(leftOf(edited))).toContain("priceYenPerSeat");
    }
    const free = rightOf(
      editExperience(paidExperience(1_000), PRODUCER, { priceYenPerSeat: 0 }, T.during),
    );
    expect(free.priceYenPerSeat).toBeUndefined();
  });

  const news = fc.record({
    paymentId: fc.constantFrom("cs_1", "cs_other"),
    outcome: fc.constantFrom<BookingPaymentNews["outcome"]>(
      "pending",
      "succeeded",
      "failed",
      "expired",
    ),
    paymentIntentId: fc.constantFrom("pi_1", "pi_2"),
  });

  it("moves only forward whatever the order and repeats of the processor's news", () => {
    fc.assert(
      fc.property(fc.array(news, { maxLength: 12 }), fc.boolean(), (words, ownerCancels) => {
        let booking = withCheckout(bookOn(paidExperience(2_500), 2).booking);
        if (ownerCancels)
          booking = rightOf(
            cancelBooking({
              experience: paidExperience(2_500),
              booking,
              actorOwnerId: ownerId("alice"),
              now: T.during,
            }),
          ).booking;
        let everConfirmed = false;
        let refunds = 0;
        for (const word of words) {
          const before = booking;
          const step = settleBookingPayment(booking, word, T.during);
          if (step.kind === "unchanged") continue;
          // Only news of this booking's own checkout moves it, one version at a time.
          expect(word.paymentId).toBe("cs_1");
          expect(step.booking.version).toBe(before.version + 1);
          if (step.kind === "confirm") {
            expect(before.status).toBe("pending_payment");
            expect(word.outcome).toBe("succeeded");
            everConfirmed = true;
          }
          if (step.kind === "release") {
            expect(before.status).toBe("pending_payment");
            expect(["failed", "expired"]).toContain(word.outcome);
          }
          if (step.kind === "refund") {
            expect(before.status).toBe("cancelled");
            expect(owesRefund(step.booking)).toBe(true);
            refunds += 1;
            // The caller records the refund: the next "succeeded" owes nothing more.
            const payment = step.booking.payment;
            if (payment === undefined) throw new Error("a refund without a payment");
            booking = { ...step.booking, payment: { ...payment, refundId: "re_1" } };
            continue;
          }
          booking = step.booking;
        }
        // A cancelled booking is never revived; a confirmed one is never released by late news.
        if (ownerCancels) expect(booking.status).toBe("cancelled");
        if (everConfirmed) expect(booking.status).toBe("active");
        expect(refunds).toBeLessThanOrEqual(1);
        expect(holdsSeats(booking)).toBe(booking.status !== "cancelled");
      }),
      { numRuns: 1_000 },
    );
  });
});
