import {
  bookingId,
  commitBookingRefund,
  experienceBookedMessage,
  experienceCancelledMessage,
  experienceId,
  instant,
  type OwnerId,
  ownerId,
  type PlanId,
  planId,
  type Yen,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExperienceStore } from "../../ports/experience-store.ts";
import type { Outbox } from "../../ports/outbox.ts";
import type { RefundIntentStore } from "../../ports/refund-intents.ts";
import { sampleBooking, sampleExperience } from "../harvest-fixtures.ts";
import { collectPages, failWith, succeed, tamper } from "./expect-task.ts";

export interface ExperienceStoreSubject {
  readonly subject: ExperienceStore;
  /** Where the store writes the notices that come with a booking change. */
  readonly outbox: Outbox;
  /** Where the store writes a paid booking's refund intent (with its cancel or amendment). */
  readonly refundIntents: RefundIntentStore;
  /** Makes the owner an active owner of the plan, as the OwnershipStore would after a reservation. */
  grantOwnership(planId: PlanId, ownerId: OwnerId): Promise<void>;
  cleanup(): Promise<void>;
}

const before = instant("2026-08-01T00:00:00.000Z");
const owner = (n: number) => ownerId(`owner_${n}`);

/** The behaviour every ExperienceStore adapter must share. */
export const describeExperienceStoreContract = (
  name: string,
  makeSubject: () => Promise<ExperienceStoreSubject>,
) => {
  describe(`ExperienceStore contract: ${name}`, () => {
    let harness: ExperienceStoreSubject;
    let store: ExperienceStore;
    const experience = sampleExperience({ capacity: 5 });
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
      await succeed(store.create(experience));
      for (let n = 0; n < 12; n++) await harness.grantOwnership(experience.planId, owner(n));
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const book = (n: number, seats = 1, id = `bkg_${n}`) =>
      store.book({
        booking: sampleBooking({ id: bookingId(id), ownerId: owner(n), seats }),
        planId: experience.planId,
        seatLimitPerOwner: 10,
        now: before,
      });

    it("stores an experience, reads it back and refuses a duplicate id", async () => {
      expect(await succeed(store.get(experience.id))).toEqual(O.some(experience));
      expect(await succeed(store.get(experienceId("exp_missing")))).toEqual(O.none);
      expect((await failWith(store.create({ ...experience, title: "Other" })))._tag).toBe(
        "STORE.DUPLICATE",
      );
    });

    it("lists a plan's experiences by start time, paged, refusing a tampered cursor", async () => {
      const later = sampleExperience({
        id: experienceId("exp_0"),
        startsAt: instant("2026-10-01T00:00:00.000Z"),
      });
      const earlier = sampleExperience({
        id: experienceId("exp_9"),
        startsAt: instant("2026-08-15T00:00:00.000Z"),
      });
      const elsewhere = sampleExperience({ id: experienceId("exp_x"), planId: planId("plan_2") });
      for (const e of [later, earlier, elsewhere]) await succeed(store.create(e));
      const { items, pages } = await collectPages((p) => store.listByPlan(experience.planId, p), 2);
      expect(pages).toBe(2);
      expect(items.map((e) => e.id)).toEqual(["exp_9", "exp_1", "exp_0"]);
      const first = await succeed(store.listByPlan(experience.planId, { limit: 1 }));
      const error = await failWith(
        store.listByPlan(experience.planId, {
          limit: 1,
          cursor: tamper(first.nextCursor as string),
        }),
      );
      expect(error._tag).toBe("PAGINATION.INVALID_CURSOR");
    });

    it("books seats atomically: the counter and version go up and the booking is stored", async () => {
      const outcome = await succeed(book(1, 2));
      expect(outcome.kind).toBe("booked");
      expect(outcome.experience).toMatchObject({ seatsBooked: 2, version: 2 });
      expect(await succeed(store.get(experience.id))).toEqual(O.some(outcome.experience));
      expect(await succeed(store.getBooking(experience.id, bookingId("bkg_1")))).toEqual(
        O.some(outcome.booking),
      );
    });

    it("replays a booking whose id exists without taking seats again", async () => {
      await succeed(book(1, 2));
      const again = await succeed(book(1, 2));
      expect(again.kind).toBe("replayed");
      expect(again.booking.seats).toBe(2);
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(2);
    });

    it("never books beyond capacity, whatever the number of concurrent attempts", async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, n) => book(n)()));
      const booked = results.filter((r) => r._tag === "Right");
      const refused = results.flatMap((r) => (r._tag === "Left" ? [r.left._tag] : []));
      expect(booked).toHaveLength(5);
      expect(refused).toEqual(Array(7).fill("EXPERIENCE.FULL"));
      const stored = O.toUndefined(await succeed(store.get(experience.id)));
      expect(stored?.seatsBooked).toBe(5);
      const { items } = await collectPages((p) => store.listBookings(experience.id, p), 100);
      expect(items).toHaveLength(5);
    });

    it("refuses a booking that does not fit, whole: no partial seats", async () => {
      await succeed(book(1, 4));
      const error = await failWith(book(2, 2));
      expect(error._tag).toBe("EXPERIENCE.FULL");
      expect(await succeed(store.getBooking(experience.id, bookingId("bkg_2")))).toEqual(O.none);
      expect((await succeed(book(3, 1))).experience.seatsBooked).toBe(5);
    });

    it("refuses non-owners, started experiences and unknown experiences", async () => {
      const stranger = store.book({
        booking: sampleBooking({ id: bookingId("bkg_s"), ownerId: ownerId("stranger") }),
        planId: experience.planId,
        seatLimitPerOwner: 10,
        now: before,
      });
      expect((await failWith(stranger))._tag).toBe("EXPERIENCE.NOT_OWNER");
      const late = store.book({
        booking: sampleBooking({ id: bookingId("bkg_l"), ownerId: owner(1) }),
        planId: experience.planId,
        seatLimitPerOwner: 10,
        now: experience.startsAt,
      });
      expect((await failWith(late))._tag).toBe("EXPERIENCE.CLOSED");
      const unknown = store.book({
        booking: sampleBooking({
          id: bookingId("bkg_u"),
          experienceId: experienceId("exp_none"),
          ownerId: owner(1),
        }),
        planId: experience.planId,
        seatLimitPerOwner: 10,
        now: before,
      });
      expect((await failWith(unknown))._tag).toBe("EXPERIENCE.NOT_FOUND");
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(0);
    });

    it("cancels a booking once: seats come back, a stale or repeated cancel is a conflict", async () => {
      const { booking } = await succeed(book(1, 3));
      const cancelled = {
        ...booking,
        status: "cancelled" as const,
        cancelledAt: before,
        version: 2,
      };
      const attempts = await Promise.all(
        [1, 2, 3].map(() =>
          store.cancel({
            booking: cancelled,
            planId: experience.planId,
            expectedVersion: 1,
            now: before,
          })(),
        ),
      );
      expect(attempts.filter((a) => a._tag === "Right")).toHaveLength(1);
      expect(attempts.flatMap((a) => (a._tag === "Left" ? [a.left._tag] : []))).toEqual([
        "STORE.VERSION_CONFLICT",
        "STORE.VERSION_CONFLICT",
      ]);
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(0);
      expect(await succeed(store.getBooking(experience.id, booking.id))).toEqual(O.some(cancelled));
      expect((await succeed(book(2, 5))).experience.seatsBooked).toBe(5);
    });

    it("reads many experiences at once, skipping unknown ids and repeats", async () => {
      const other = sampleExperience({ id: experienceId("exp_many"), title: "Other" });
      await succeed(store.create(other));
      const found = await succeed(
        store.getMany([other.id, experienceId("exp_nope"), experience.id, other.id]),
      );
      expect([...found].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [experience, other].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(await succeed(store.getMany([]))).toEqual([]);
    });

    it("lists an owner's bookings newest first", async () => {
      const other = sampleExperience({ id: experienceId("exp_2"), capacity: 3 });
      await succeed(store.create(other));
      await succeed(book(1, 1, "bkg_a"));
      await succeed(
        store.book({
          booking: sampleBooking({
            id: bookingId("bkg_b"),
            experienceId: other.id,
            ownerId: owner(1),
            bookedAt: instant("2026-07-05T00:00:00.000Z"),
          }),
          planId: other.planId,
          seatLimitPerOwner: 10,
          now: before,
        }),
      );
      await succeed(book(2, 1, "bkg_c"));
      const { items } = await collectPages((p) => store.listBookingsByOwner(owner(1), p), 1);
      expect(items.map((b) => b.id)).toEqual(["bkg_b", "bkg_a"]);
    });

    it("holds capacity and the per-owner limit exactly under concurrent bookings", async () => {
      // A: room for everyone's limit (3 owners x 4 = 12 seats): each owner ends with exactly 4.
      // B: fewer seats than the limits allow (4 owners x 4 > 10): exactly full, nobody above 4.
      const roomy = sampleExperience({ id: experienceId("exp_roomy"), capacity: 12 });
      const tight = sampleExperience({ id: experienceId("exp_tight"), capacity: 10 });
      for (const e of [roomy, tight]) await succeed(store.create(e));
      const attempt = (e: typeof roomy, i: number, owners: number) =>
        store.book({
          booking: sampleBooking({
            id: bookingId(`bkg_${e.id}_${i}`),
            experienceId: e.id,
            ownerId: owner(i % owners),
            seats: 1,
          }),
          planId: e.planId,
          seatLimitPerOwner: 4,
          now: before,
        })();
      const results = await Promise.all([
        ...Array.from({ length: 18 }, (_, i) => attempt(roomy, i, 3)),
        ...Array.from({ length: 20 }, (_, i) => attempt(tight, i, 4)),
      ]);
      const refused = new Set(results.flatMap((r) => (r._tag === "Left" ? [r.left._tag] : [])));
      expect(
        [...refused].every(
          (code) => code === "EXPERIENCE.OWNER_LIMIT" || code === "EXPERIENCE.FULL",
        ),
      ).toBe(true);
      const seatsPerOwner = async (id: typeof roomy.id) => {
        const { items } = await collectPages((p) => store.listBookings(id, p), 100);
        const perOwner = new Map<OwnerId, number>();
        for (const b of items) perOwner.set(b.ownerId, (perOwner.get(b.ownerId) ?? 0) + b.seats);
        for (const [ownerOf, seats] of perOwner)
          expect(await succeed(store.ownerSeats(id, ownerOf))).toBe(seats);
        return perOwner;
      };
      expect([...(await seatsPerOwner(roomy.id)).values()]).toEqual([4, 4, 4]);
      const tightSeats = [...(await seatsPerOwner(tight.id)).values()];
      expect(tightSeats.every((seats) => seats <= 4)).toBe(true);
      expect(tightSeats.reduce((a, b) => a + b, 0)).toBe(10);
      expect(O.toUndefined(await succeed(store.get(roomy.id)))?.seatsBooked).toBe(12);
      expect(O.toUndefined(await succeed(store.get(tight.id)))?.seatsBooked).toBe(10);
    });

    it("refuses seats beyond the owner's limit whole and counts a cancel back", async () => {
      const limited = (id: string, seats: number) =>
        store.book({
          booking: sampleBooking({ id: bookingId(id), ownerId: owner(1), seats }),
          planId: experience.planId,
          seatLimitPerOwner: 3,
          now: before,
        });
      const { booking } = await succeed(limited("bkg_l1", 2));
      const error = await failWith(limited("bkg_l2", 2));
      expect(error).toMatchObject({
        _tag: "EXPERIENCE.OWNER_LIMIT",
        details: { limit: 3, booked: 2, requested: 2 },
      });
      expect(await succeed(store.ownerSeats(experience.id, owner(1)))).toBe(2);
      await succeed(
        store.cancel({
          booking: { ...booking, status: "cancelled", cancelledAt: before, version: 2 },
          planId: experience.planId,
          expectedVersion: 1,
          now: before,
        }),
      );
      expect(await succeed(store.ownerSeats(experience.id, owner(1)))).toBe(0);
      expect((await succeed(limited("bkg_l3", 3))).booking.seats).toBe(3);
    });

    it("writes a booking's and a cancellation's notices with them", async () => {
      const booking = sampleBooking({ id: bookingId("bkg_n"), ownerId: owner(1), seats: 2 });
      const booked = experienceBookedMessage({ id: "msg_1", experience, booking, at: before });
      await succeed(
        store.book({
          booking,
          planId: experience.planId,
          seatLimitPerOwner: 4,
          notices: [booked],
          now: before,
        }),
      );
      const cancelled = experienceCancelledMessage({
        id: "msg_2",
        experience,
        booking,
        at: before,
        by: "owner",
      });
      await succeed(
        store.cancel({
          booking: { ...booking, status: "cancelled", cancelledAt: before, version: 2 },
          planId: experience.planId,
          expectedVersion: 1,
          notices: [cancelled],
          now: before,
        }),
      );
      const stored = await succeed(harness.outbox.get(booked.dedupeKey));
      expect(O.toUndefined(stored)).toMatchObject({
        kind: "experience-booked",
        recipientId: owner(1),
      });
      const second = await succeed(harness.outbox.get(cancelled.dedupeKey));
      expect(O.toUndefined(second)?.kind).toBe("experience-cancelled");
    });

    it("updates an experience's terms at its version, keeping the seats booked", async () => {
      await succeed(book(1, 3));
      const stored = O.toUndefined(await succeed(store.get(experience.id)));
      if (stored === undefined) throw new Error("gone");
      const edited = {
        ...stored,
        title: "Fig morning",
        capacity: 4,
        location: "Barn",
        updatedAt: before,
      };
      const updated = await succeed(store.update(edited, stored.version));
      expect(updated).toMatchObject({ title: "Fig morning", capacity: 4, location: "Barn" });
      expect(updated).toMatchObject({ seatsBooked: 3, version: stored.version + 1 });
      expect(await succeed(store.get(experience.id))).toEqual(O.some(updated));
      // One seat is left: the counter follows the new capacity.
      expect((await failWith(book(2, 2)))._tag).toBe("EXPERIENCE.FULL");
      const stale = await failWith(store.update({ ...edited, title: "x" }, stored.version));
      expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
      const { location: _none, ...withoutLocation } = updated;
      const below = await failWith(
        store.update({ ...withoutLocation, capacity: 2 }, updated.version),
      );
      expect(below._tag).toBe("STORE.VERSION_CONFLICT");
      const cleared = await succeed(store.update(withoutLocation, updated.version));
      expect(cleared.location).toBeUndefined();
    });

    it("keeps a seat price through an edit and drops it when the visit becomes free", async () => {
      const stored = O.toUndefined(await succeed(store.get(experience.id)));
      if (stored === undefined) throw new Error("missing");
      const priced = await succeed(
        store.update({ ...stored, priceYenPerSeat: 2_500 as Yen }, stored.version),
      );
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.priceYenPerSeat).toBe(2_500);
      const { priceYenPerSeat: _price, ...free } = priced;
      await succeed(store.update(free, priced.version));
      expect(
        O.toUndefined(await succeed(store.get(experience.id)))?.priceYenPerSeat,
      ).toBeUndefined();
    });

    /** A paid booking as the use case writes it: seats held, its checkout open until the hold ends. */
    const checkoutOf = (n: number, holdEnds: string) => ({
      id: `cs_${n}`,
      checkoutUrl: `https://pay.example/cs_${n}`,
      expiresAt: instant(holdEnds),
      status: "pending" as const,
    });
    const unpaid = (n: number, seats: number, holdEnds: string) =>
      sampleBooking({
        id: bookingId(`bkg_paid_${n}`),
        ownerId: owner(n),
        seats,
        status: "pending_payment",
        amountYen: (seats * 2_500) as Yen,
        holdExpiresAt: instant(holdEnds),
        payment: checkoutOf(n, holdEnds),
      });

    it("holds a paid booking's seats unpaid, lists it once its hold ended, and confirms it once", async () => {
      const hold = unpaid(1, 2, "2026-08-01T00:30:00.000Z");
      const later = unpaid(2, 1, "2026-08-01T02:00:00.000Z");
      for (const booking of [hold, later])
        await succeed(
          store.book({ booking, planId: experience.planId, seatLimitPerOwner: 10, now: before }),
        );
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(3);
      expect(await succeed(store.getBooking(experience.id, hold.id))).toEqual(O.some(hold));
      // Held seats count for the owner's limit like paid ones.
      expect(await succeed(store.ownerSeats(experience.id, owner(1)))).toBe(2);
      expect(
        await succeed(store.listExpiredHolds(instant("2026-08-01T00:29:59.000Z"), 10)),
      ).toEqual([]);
      const due = await succeed(store.listExpiredHolds(instant("2026-08-01T01:00:00.000Z"), 10));
      expect(due.map((b) => b.id)).toEqual([hold.id]);

      const paid = {
        ...hold,
        status: "active" as const,
        payment: {
          ...checkoutOf(1, "2026-08-01T00:30:00.000Z"),
          status: "succeeded" as const,
          paymentIntentId: "pi_1",
        },
        version: hold.version + 1,
      };
      const notice = experienceBookedMessage({
        id: "msg_paid_1",
        experience,
        booking: paid,
        at: before,
      });
      expect(
        await succeed(
          store.confirm({ booking: paid, expectedVersion: hold.version, notices: [notice] }),
        ),
      ).toEqual(paid);
      expect(await succeed(store.getBooking(experience.id, hold.id))).toEqual(O.some(paid));
      // Confirmed: no longer a hold to expire, and a second confirm is a conflict.
      expect(
        await succeed(store.listExpiredHolds(instant("2026-08-02T00:00:00.000Z"), 10)),
      ).toEqual([expect.objectContaining({ id: later.id })]);
      expect(
        (await failWith(store.confirm({ booking: paid, expectedVersion: hold.version })))._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(O.toUndefined(await succeed(harness.outbox.get(notice.dedupeKey)))?.id).toBe(
        "msg_paid_1",
      );
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(3);
    });

    it("releases an unpaid hold's seats, and records a refund without moving seats", async () => {
      const hold = unpaid(3, 2, "2026-08-01T00:30:00.000Z");
      await succeed(
        store.book({
          booking: hold,
          planId: experience.planId,
          seatLimitPerOwner: 10,
          now: before,
        }),
      );
      const released = { ...hold, status: "cancelled" as const, cancelledAt: before, version: 2 };
      await succeed(
        store.cancel({
          booking: released,
          planId: experience.planId,
          expectedVersion: 1,
          now: before,
        }),
      );
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(0);
      expect(await succeed(store.ownerSeats(experience.id, owner(3)))).toBe(0);
      expect(
        await succeed(store.listExpiredHolds(instant("2026-08-02T00:00:00.000Z"), 10)),
      ).toEqual([]);
      const refunded = {
        ...released,
        payment: {
          ...checkoutOf(3, "2026-08-01T00:30:00.000Z"),
          status: "succeeded" as const,
          paymentIntentId: "pi_3",
          refundId: "re_3",
        },
        version: 3,
      };
      expect(await succeed(store.amendBooking(refunded, 2))).toEqual(refunded);
      expect(await succeed(store.getBooking(experience.id, hold.id))).toEqual(O.some(refunded));
      // Stale, or a status change dressed as an amendment: refused.
      expect((await failWith(store.amendBooking({ ...refunded, version: 4 }, 2)))._tag).toBe(
        "STORE.VERSION_CONFLICT",
      );
      expect(
        (await failWith(store.amendBooking({ ...refunded, status: "active", version: 4 }, 3)))._tag,
      ).toBe("STORE.VERSION_CONFLICT");
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(0);
    });

    it("commits a paid booking's refund intent with its cancel, or its amendment, once; finds it by payment", async () => {
      const paid = (n: number) => ({
        ...unpaid(n, 1, "2026-08-01T00:30:00.000Z"),
        status: "active" as const,
        payment: {
          ...checkoutOf(n, "2026-08-01T00:30:00.000Z"),
          status: "succeeded" as const,
          paymentIntentId: `pi_${n}`,
        },
      });
      const intents = harness.refundIntents;
      const first = paid(4);
      await succeed(
        store.book({
          booking: first,
          planId: experience.planId,
          seatLimitPerOwner: 10,
          now: before,
        }),
      );
      const cancelled = { ...first, status: "cancelled" as const, cancelledAt: before, version: 2 };
      const committed = commitBookingRefund(cancelled, experience.planId, before);
      const refundIntent = committed.refundIntent;
      if (refundIntent === undefined) throw new Error("a paid booking owes a refund");
      const cancel = (expectedVersion: number) =>
        store.cancel({
          booking: committed.booking,
          planId: experience.planId,
          expectedVersion,
          refundIntent,
          now: before,
        });
      // A refused cancel writes no intent.
      expect((await failWith(cancel(7)))._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(intents.get(refundIntent.id))).toEqual(O.none);
      // Paid: found by its PaymentIntent (what a dispute names); an unknown one finds none.
      expect(await succeed(store.findBookingByPaymentIntent("pi_4"))).toEqual(O.some(first));
      expect(await succeed(store.findBookingByPaymentIntent("pi_unknown"))).toEqual(O.none);
      await succeed(cancel(1));
      expect(await succeed(store.findBookingByPaymentIntent("pi_4"))).toEqual(
        O.some(committed.booking),
      );
      expect(await succeed(intents.get(refundIntent.id))).toEqual(O.some(refundIntent));
      expect(await succeed(store.getBooking(experience.id, first.id))).toEqual(
        O.some(committed.booking),
      );
      expect(O.toUndefined(await succeed(store.get(experience.id)))?.seatsBooked).toBe(0);
      // Found by its payment and among the open ones; not in the plan's (ledger) intents.
      expect(await succeed(intents.listByPaymentIntent("pi_4"))).toEqual([refundIntent]);
      expect((await succeed(intents.listOpen(10))).map((i) => i.id)).toContain(refundIntent.id);
      expect(await succeed(intents.listByPlan(experience.planId))).toEqual([]);

      // Money paid for a booking already cancelled: the amendment commits its refund.
      const late = paid(5);
      await succeed(
        store.book({
          booking: late,
          planId: experience.planId,
          seatLimitPerOwner: 10,
          now: before,
        }),
      );
      const lateCancelled = {
        ...late,
        status: "cancelled" as const,
        cancelledAt: before,
        version: 2,
      };
      await succeed(
        store.cancel({
          booking: { ...lateCancelled, payment: { ...late.payment, status: "pending" } },
          planId: experience.planId,
          expectedVersion: 1,
          now: before,
        }),
      );
      const amended = commitBookingRefund(
        { ...lateCancelled, version: 3 },
        experience.planId,
        before,
      );
      if (amended.refundIntent === undefined) throw new Error("a paid booking owes a refund");
      expect(await succeed(store.amendBooking(amended.booking, 2, amended.refundIntent))).toEqual(
        amended.booking,
      );
      expect(await succeed(intents.get(amended.refundIntent.id))).toEqual(
        O.some(amended.refundIntent),
      );
      // An unpaid hold has no PaymentIntent; one recorded by an amendment is found by it.
      expect(await succeed(store.findBookingByPaymentIntent("pi_5"))).toEqual(
        O.some(amended.booking),
      );
      // The same intent again (another writer got there first): refused whole.
      const again = { ...amended.booking, version: 4 };
      expect((await failWith(store.amendBooking(again, 3, amended.refundIntent)))._tag).toBe(
        "STORE.DUPLICATE",
      );
      expect(await succeed(store.getBooking(experience.id, late.id))).toEqual(
        O.some(amended.booking),
      );
    });
  });
};
