import { makeMemoryBatchStores } from "@owners/adapter-memory";
import { experienceId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { type BatchPorts, runBatch } from "../batch/registry.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeHarvestWorld } from "../testing/harvest-world.ts";
import { bookExperience } from "./book-experience.ts";
import { cancelBooking } from "./cancel-booking.ts";
import { createExperience } from "./create-experience.ts";

describe("the remind-experiences batch", () => {
  it("reminds each active booking once, the day before, with the meeting point", async () => {
    const world = makeHarvestWorld();
    const deps: BatchPorts = { ...world.deps, ...makeMemoryBatchStores() };
    const plan = await world.openPlan("plan_remind");
    for (const [i, owner] of ["o1", "o2", "o3"].entries()) await world.reserve(plan, owner, 1, i);
    const experience = (startsAt: string) =>
      succeed(
        createExperience(deps)(world.producerOf(plan), {
          planId: plan.id,
          title: "Harvest day",
          startsAt,
          capacity: 10,
          location: "Farm gate",
        }),
      );
    // The world's clock is 2026-07-25T00:00Z: one experience tomorrow, one next week.
    const tomorrow = await experience("2026-07-25T20:00:00.000Z");
    const nextWeek = await experience("2026-08-01T20:00:00.000Z");
    const book = (owner: string, id: string) =>
      succeed(
        bookExperience({ ...deps, config: world.deps.config })(world.owner(owner), {
          experienceId: experienceId(id),
          seats: 1,
          idempotencyKey: `${owner}-${id}`,
        }),
      );
    const o1 = await book("o1", tomorrow.id);
    const o2 = await book("o2", tomorrow.id);
    const later = await book("o3", nextWeek.id);
    await succeed(
      cancelBooking(deps)(world.owner("o2"), {
        experienceId: tomorrow.id,
        bookingId: o2.booking.id,
      }),
    );

    const first = await succeed(runBatch(deps)("remind-experiences"));
    expect(first.counts).toMatchObject({ reminders: 1, experiences: 1 });
    const reminder = await succeed(deps.outbox.get(`experience-reminder#${o1.booking.id}`));
    expect(O.toUndefined(reminder)).toMatchObject({
      kind: "experience-reminder",
      recipientId: "o1",
    });
    expect(O.toUndefined(reminder)?.body).toContain("Farm gate");
    for (const none of [o2, later])
      expect(await succeed(deps.outbox.get(`experience-reminder#${none.booking.id}`))).toEqual(
        O.none,
      );
    // Run again (the next hour): nobody is reminded twice.
    const second = await succeed(runBatch(deps)("remind-experiences"));
    expect(second.counts).toMatchObject({ reminders: 0 });
  });
});
