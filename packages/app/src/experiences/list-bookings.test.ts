import { ownerId, type Plan } from "@owners/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { sampleProfile } from "../testing/harvest-fixtures.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { bookExperience } from "./book-experience.ts";
import { cancelBooking } from "./cancel-booking.ts";
import { createExperience } from "./create-experience.ts";
import { experienceBookingsCsv, listExperienceBookings } from "./list-bookings.ts";

describe("an experience's bookings, for its producer", () => {
  let world: HarvestWorld;
  let plan: Plan;
  beforeEach(async () => {
    world = makeHarvestWorld();
    plan = await world.openPlan("plan_figs");
    for (const [i, owner] of ["o1", "o2", "o3"].entries()) await world.reserve(plan, owner, 1, i);
    // o1 named itself (one starting like a formula); o2 never set a name.
    await succeed(
      world.deps.profiles.save(sampleProfile({ ownerId: ownerId("o1"), displayName: "=はな" }), 0),
    );
  });
  const givenBookings = async () => {
    const experience = await succeed(
      createExperience(world.deps)(world.producerOf(plan), {
        planId: plan.id,
        title: "Harvest day",
        startsAt: "2026-09-01T01:00:00.000Z",
        capacity: 10,
      }),
    );
    for (const [owner, seats] of [
      ["o1", 2],
      ["o2", 1],
    ] as const)
      await succeed(
        bookExperience(world.deps)(world.owner(owner), {
          experienceId: experience.id,
          seats,
          idempotencyKey: `k-${owner}`,
        }),
      );
    const all = await succeed(world.deps.experiences.listBookings(experience.id, { limit: 10 }));
    const o2 = all.items.find((b) => b.ownerId === "o2");
    if (o2 === undefined) throw new Error("no booking");
    await succeed(
      cancelBooking(world.deps)(world.owner("o2"), {
        experienceId: experience.id,
        bookingId: o2.id,
      }),
    );
    return experience;
  };

  it("lists each booking with its owner's display name (null without one), page by page", async () => {
    const experience = await givenBookings();
    const list = listExperienceBookings(world.deps);
    const first = await succeed(
      list(world.producerOf(plan), { experienceId: experience.id, page: { limit: 1 } }),
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeDefined();
    const all = await succeed(list(world.producerOf(plan), { experienceId: experience.id }));
    expect([...all.items].sort((a, b) => a.ownerId.localeCompare(b.ownerId))).toEqual([
      expect.objectContaining({ ownerId: "o1", displayName: "=はな", seats: 2, status: "active" }),
      expect.objectContaining({ ownerId: "o2", displayName: null, seats: 1, status: "cancelled" }),
    ]);
    expect(all.items.every((b) => typeof b.bookedAt === "string" && b.bookingId !== "")).toBe(true);
  });

  it("gives the CSV every booking, a formula-like name defused", async () => {
    const experience = await givenBookings();
    const file = await succeed(
      experienceBookingsCsv(world.deps)(world.producerOf(plan), { experienceId: experience.id }),
    );
    expect(file).toMatchObject({ rows: 2, filename: `bookings-${experience.id}.csv` });
    const lines = file.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("booking_id,owner_id,display_name,seats,status,booked_at");
    expect(lines.find((l) => l.includes(",o1,"))).toContain(",o1,'=はな,2,active,");
    expect(lines.find((l) => l.includes(",o2,"))).toContain(",o2,,1,cancelled,");
  });

  it("is for the plan's producer and admins only; an unknown experience is not found", async () => {
    const experience = await givenBookings();
    expect(
      (
        await succeed(
          listExperienceBookings(world.deps)(
            { id: "root", role: "admin" },
            {
              experienceId: experience.id,
            },
          ),
        )
      ).items,
    ).toHaveLength(2);
    for (const actor of [world.owner("o1"), { id: "producer_other", role: "producer" as const }])
      expect(
        (await failWith(listExperienceBookings(world.deps)(actor, { experienceId: experience.id })))
          ._tag,
      ).toMatch(/^(AUTH\.FORBIDDEN|PLAN\.NOT_PRODUCER)$/);
    expect(
      (
        await failWith(
          experienceBookingsCsv(world.deps)(world.producerOf(plan), { experienceId: "exp_nope" }),
        )
      )._tag,
    ).toBe("EXPERIENCE.NOT_FOUND");
  });
});
