import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  codeOf,
  fieldNamesOf,
  leftOf,
  PRODUCER,
  planIn,
  rightOf,
  T,
} from "../plans/terms.fixtures.ts";
import { bookingId, experienceId, ownerId, producerId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import {
  type BookSeatsInput,
  bookSeats,
  cancelBooking,
  createExperience,
  type Experience,
  type ExperienceBooking,
  seatsLeft,
} from "./experience.ts";

const startsAt = "2026-09-05T01:00:00.000Z";
const alice = ownerId("alice");
const create = (overrides: Partial<Parameters<typeof createExperience>[0]> = {}) =>
  createExperience({
    id: experienceId("exp-1"),
    plan: planIn("open"),
    actorProducerId: PRODUCER,
    title: " Fig picking morning ",
    startsAt,
    capacity: 10,
    now: T.during,
    ...overrides,
  });
const experience = rightOf(create());
const book = (overrides: Partial<BookSeatsInput> = {}) =>
  bookSeats({
    experience,
    bookingId: bookingId("b-1"),
    ownerId: alice,
    isOwnerOfPlan: true,
    seats: 2,
    ownerSeatsBooked: 0,
    seatLimitPerOwner: 10_000,
    holdMinutes: 30,
    now: T.during,
    ...overrides,
  });

describe("createExperience", () => {
  it("creates an empty experience of the producer's plan", () => {
    expect(experience).toMatchObject({
      planId: "plan-1",
      producerId: PRODUCER,
      title: "Fig picking morning",
      startsAt,
      capacity: 10,
      seatsBooked: 0,
      version: 1,
    });
  });

  it("refuses another producer with PLAN.NOT_PRODUCER", () => {
    expect(codeOf(create({ actorProducerId: producerId("other") }))).toBe("PLAN.NOT_PRODUCER");
  });

  it("reports every invalid field with EXPERIENCE.INVALID", () => {
    const error = leftOf(
      create({ title: " ", startsAt: T.during, capacity: 0, plan: planIn("cancelled") }),
    );
    expect(error._tag).toBe("EXPERIENCE.INVALID");
    expect(fieldNamesOf(error)).toEqual(["title", "startsAt", "capacity", "planId"]);
    expect(codeOf(create({ startsAt: "tomorrow" }))).toBe("EXPERIENCE.INVALID");
    expect(codeOf(create({ capacity: 2.5 }))).toBe("EXPERIENCE.INVALID");
  });
});

describe("bookSeats", () => {
  it("books seats and bumps the experience's version", () => {
    const { experience: after, booking } = rightOf(book());
    expect(after).toMatchObject({ seatsBooked: 2, version: 2, updatedAt: T.during });
    expect(booking).toEqual({
      id: "b-1",
      experienceId: experience.id,
      ownerId: alice,
      seats: 2,
      bookedAt: T.during,
      status: "active",
      version: 1,
    });
  });

  it("refuses non-owners with EXPERIENCE.NOT_OWNER", () => {
    expect(codeOf(book({ isOwnerOfPlan: false }))).toBe("EXPERIENCE.NOT_OWNER");
  });

  it("refuses bad seat counts with EXPERIENCE.INVALID", () => {
    for (const seats of [0, -1, 1.5, Number.NaN])
      expect(codeOf(book({ seats }))).toBe("EXPERIENCE.INVALID");
  });

  it("refuses from the start on with EXPERIENCE.CLOSED", () => {
    expect(codeOf(book({ now: experience.startsAt }))).toBe("EXPERIENCE.CLOSED");
    expect(E.isRight(book({ now: addMillis(experience.startsAt, -1) }))).toBe(true);
  });

  it("refuses going over capacity with EXPERIENCE.FULL", () => {
    const nearlyFull = { ...experience, seatsBooked: 9 };
    const error = leftOf(book({ experience: nearlyFull }));
    expect(error._tag).toBe("EXPERIENCE.FULL");
    expect(error.details).toMatchObject({ remaining: 1, requested: 2 });
    expect(E.isRight(book({ experience: nearlyFull, seats: 1 }))).toBe(true);
  });
});

describe("cancelBooking", () => {
  const { experience: booked, booking } = rightOf(book());
  const cancel = (overrides: Partial<Parameters<typeof cancelBooking>[0]> = {}) =>
    cancelBooking({
      experience: booked,
      booking,
      actorOwnerId: alice,
      now: T.during,
      ...overrides,
    });

  it("frees the seats", () => {
    const result = rightOf(cancel());
    expect(result.experience.seatsBooked).toBe(0);
    expect(result.booking).toMatchObject({
      status: "cancelled",
      cancelledAt: T.during,
      version: 2,
    });
  });

  it("refuses others, cancelled bookings and started experiences", () => {
    expect(codeOf(cancel({ actorOwnerId: ownerId("bob") }))).toBe("EXPERIENCE.NOT_OWNER");
    expect(codeOf(cancel({ booking: { ...booking, status: "cancelled" } }))).toBe(
      "EXPERIENCE.INVALID",
    );
    expect(codeOf(cancel({ now: booked.startsAt }))).toBe("EXPERIENCE.CLOSED");
  });
});

describe("experience invariants", () => {
  it("never books beyond capacity, and seatsBooked always equals the active bookings", () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant("book" as const), seats: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(30) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(step, { maxLength: 40 }),
        (cap, steps) => {
          let current: Experience = { ...experience, capacity: cap };
          let bookings: ExperienceBooking[] = [];
          steps.forEach((s, i) => {
            if (s.kind === "book") {
              const result = book({
                experience: current,
                seats: s.seats,
                bookingId: bookingId(`b${i}`),
              });
              expect(E.isRight(result)).toBe(s.seats >= 1 && s.seats <= seatsLeft(current));
              if (E.isRight(result)) {
                current = result.right.experience;
                bookings.push(result.right.booking);
              }
            } else if (bookings.length > 0) {
              const target = bookings[s.pick % bookings.length] as ExperienceBooking;
              const result = cancelBooking({
                experience: current,
                booking: target,
                actorOwnerId: alice,
                now: T.during,
              });
              expect(E.isRight(result)).toBe(target.status === "active");
              if (E.isRight(result)) {
                current = result.right.experience;
                bookings = bookings.map((b) => (b.id === target.id ? result.right.booking : b));
              }
            }
            const active = bookings.filter((b) => b.status === "active");
            expect(current.seatsBooked).toBe(active.reduce((sum, b) => sum + b.seats, 0));
            expect(current.seatsBooked).toBeLessThanOrEqual(current.capacity);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
