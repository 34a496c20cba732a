import { sampleBooking, sampleExperience } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import {
  bookingFromItem,
  bookingToItem,
  experienceFromItem,
  experienceToItem,
} from "./experience-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("experience mapper", () => {
  it("round-trips an experience and stores seatsLeft beside the counter", () => {
    const experience = sampleExperience({ capacity: 7, seatsBooked: 3, version: 4 });
    const located = { ...experience, location: "Farm gate" };
    for (const e of [experience, located])
      expect(experienceFromItem(throughDynamo(experienceToItem(e)))).toStrictEqual(e);
    expect(experienceToItem(experience)).toMatchObject({
      PK: "EXP#exp_1",
      SK: "EXP",
      seatsLeft: 4,
      GSI1PK: "PLAN#plan_1#EXPERIENCES",
    });
  });

  it("round-trips active and cancelled bookings", () => {
    const cancelled = sampleBooking({
      status: "cancelled",
      cancelledAt: sampleBooking().bookedAt,
      version: 2,
    });
    for (const booking of [sampleBooking(), cancelled])
      expect(bookingFromItem(throughDynamo(bookingToItem(booking)))).toStrictEqual(booking);
    expect(bookingToItem(cancelled)).toMatchObject({
      PK: "EXP#exp_1",
      SK: "BOOKING#bkg_1",
      GSI1PK: "OWNER#owner_1#BOOKINGS",
    });
  });
});
