import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { PRODUCER, planIn, rightOf, T } from "../plans/terms.fixtures.ts";
import { bookingId, experienceId, ownerId } from "../shared/ids.ts";
import { releaseBookings, seatsFreedByExperience } from "./booking-release.ts";
import { bookSeats, createExperience, type ExperienceBooking } from "./experience.ts";

const experience = rightOf(
  createExperience({
    id: experienceId("exp-1"),
    plan: planIn("open"),
    actorProducerId: PRODUCER,
    title: "Fig picking",
    startsAt: "2026-09-05T01:00:00.000Z",
    capacity: 50,
    location: "  Kumano farm gate  ",
    now: T.during,
  }),
);
const book = (seats: number, ownerSeatsBooked: number, seatLimitPerOwner = 4) =>
  bookSeats({
    experience,
    bookingId: bookingId("b-1"),
    ownerId: ownerId("alice"),
    isOwnerOfPlan: true,
    seats,
    ownerSeatsBooked,
    seatLimitPerOwner,
    holdMinutes: 30,
    now: T.during,
  });

describe("the per-owner seat limit", () => {
  it("accepts seats up to the limit and refuses one more, naming the limit", () => {
    expect(E.isRight(book(4, 0))).toBe(true);
    expect(E.isRight(book(1, 3))).toBe(true);
    const refused = book(1, 4);
    expect(E.isLeft(refused) && refused.left).toMatchObject({
      _tag: "EXPERIENCE.OWNER_LIMIT",
      details: { limit: 4, booked: 4, requested: 1 },
    });
  });

  it("holds for any limit and any seats already booked", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (limit, booked, seats) => {
          const result = book(seats, booked, limit);
          expect(E.isRight(result)).toBe(booked + seats <= limit);
        },
      ),
    );
  });

  it("keeps the meeting point, trimmed", () => {
    expect(experience.location).toBe("Kumano farm gate");
  });
});

describe("releaseBookings", () => {
  const booking = (id: string, exp: string, seats: number, status: "active" | "cancelled") =>
    ({
      id: bookingId(id),
      experienceId: experienceId(exp),
      ownerId: ownerId("alice"),
      seats,
      bookedAt: T.during,
      status,
      version: 3,
    }) satisfies ExperienceBooking;

  it("cancels every active booking at its read version and sums the seats per experience", () => {
    const releases = releaseBookings(
      [
        booking("a", "x", 2, "active"),
        booking("b", "x", 1, "active"),
        booking("c", "y", 3, "active"),
        booking("d", "y", 4, "cancelled"),
      ],
      T.during,
    );
    expect(releases.map((r) => [r.booking.id, r.booking.status, r.expectedVersion])).toEqual([
      ["a", "cancelled", 3],
      ["b", "cancelled", 3],
      ["c", "cancelled", 3],
    ]);
    expect(
      releases.every((r) => r.booking.version === 4 && r.booking.cancelledAt === T.during),
    ).toBe(true);
    expect([...seatsFreedByExperience(releases)]).toEqual([
      ["x", 3],
      ["y", 3],
    ]);
  });
});
