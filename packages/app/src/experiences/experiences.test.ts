import { bookingId, experienceId, type Plan, planId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { beforeEach, describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { bookExperience } from "./book-experience.ts";
import { cancelBooking } from "./cancel-booking.ts";
import { createExperience } from "./create-experience.ts";
import { listExperiences } from "./list-experiences.ts";
import { listMyBookings } from "./list-my-bookings.ts";

describe("experiences", () => {
  let world: HarvestWorld;
  let plan: Plan;
  const owners = ["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8"];
  beforeEach(async () => {
    world = makeHarvestWorld();
    plan = await world.openPlan("plan_figs");
    for (const [i, owner] of owners.entries()) await world.reserve(plan, owner, 1, i);
  });
  const create = (capacity = 5, startsAt = "2026-09-01T01:00:00.000Z") =>
    createExperience(world.deps)(world.producerOf(plan), {
      planId: plan.id,
      title: "Harvest day",
      startsAt,
      capacity,
    });
  const book = (
    owner: string,
    experience: { id: ReturnType<typeof experienceId> },
    seats = 1,
    key = "k",
  ) =>
    bookExperience(world.deps)(world.owner(owner), {
      experienceId: experience.id,
      seats,
      idempotencyKey: key,
    });

  describe("createExperience", () => {
    it("creates the producer's experience with every seat free", async () => {
      const experience = await succeed(create());
      expect(experience).toMatchObject({
        planId: plan.id,
        capacity: 5,
        seatsBooked: 0,
        version: 1,
      });
      expect(await succeed(world.deps.experiences.get(experience.id))).toEqual(O.some(experience));
    });

    it("refuses anyone but the plan's producer, a past start and an unknown plan", async () => {
      const asOwner = createExperience(world.deps)(world.owner("o1"), {
        planId: plan.id,
        title: "x",
        startsAt: "2026-09-01T00:00:00.000Z",
        capacity: 3,
      });
      expect((await failWith(asOwner))._tag).toBe("PLAN.NOT_PRODUCER");
      expect((await failWith(create(5, "2026-01-01T00:00:00.000Z")))._tag).toBe(
        "EXPERIENCE.INVALID",
      );
      const unknown = createExperience(world.deps)(world.producerOf(plan), {
        planId: planId("plan_x"),
        title: "x",
        startsAt: "2026-09-01T00:00:00.000Z",
        capacity: 3,
      });
      expect((await failWith(unknown))._tag).toBe("PLAN.NOT_FOUND");
    });
  });

  describe("bookExperience", () => {
    it("books seats for an owner of the plan", async () => {
      const experience = await succeed(create());
      const outcome = await succeed(book("o1", experience, 2));
      expect(outcome).toMatchObject({
        kind: "booked",
        experience: { seatsBooked: 2 },
        booking: { ownerId: "o1", seats: 2 },
      });
    });

    it("returns the first booking on a retry with the same key, taking no more seats", async () => {
      const experience = await succeed(create(2));
      await succeed(book("o1", experience, 2, "same"));
      const again = await succeed(book("o1", experience, 2, "same"));
      expect(again.kind).toBe("replayed");
      expect(
        O.toUndefined(await succeed(world.deps.experiences.get(experience.id)))?.seatsBooked,
      ).toBe(2);
    });

    it("refuses the same key for another number of seats (EXPERIENCE.IDEMPOTENCY_MISMATCH)", async () => {
      const experience = await succeed(create(5));
      await succeed(book("o1", experience, 1, "same"));
      const changed = await failWith(book("o1", experience, 2, "same"));
      expect(changed).toMatchObject({
        _tag: "EXPERIENCE.IDEMPOTENCY_MISMATCH",
        details: { seats: 1 },
      });
      expect(
        O.toUndefined(await succeed(world.deps.experiences.get(experience.id)))?.seatsBooked,
      ).toBe(1);
    });

    it("never overbooks when every owner books at once", async () => {
      const experience = await succeed(create(5));
      const results = await Promise.all(owners.map((owner) => book(owner, experience)()));
      expect(results.filter((r) => r._tag === "Right")).toHaveLength(5);
      expect(results.flatMap((r) => (r._tag === "Left" ? [r.left._tag] : []))).toEqual(
        Array(3).fill("EXPERIENCE.FULL"),
      );
      expect(
        O.toUndefined(await succeed(world.deps.experiences.get(experience.id)))?.seatsBooked,
      ).toBe(5);
    });

    it("refuses non-owners, producers, a full or started experience and an unknown one", async () => {
      const experience = await succeed(create(1));
      expect((await failWith(book("mallory", experience)))._tag).toBe("EXPERIENCE.NOT_OWNER");
      const asProducer = bookExperience(world.deps)(world.producerOf(plan), {
        experienceId: experience.id,
        seats: 1,
        idempotencyKey: "k",
      });
      expect((await failWith(asProducer))._tag).toBe("AUTH.FORBIDDEN");
      await succeed(book("o1", experience));
      expect((await failWith(book("o2", experience)))._tag).toBe("EXPERIENCE.FULL");
      expect((await failWith(book("o2", { id: experienceId("exp_none") })))._tag).toBe(
        "EXPERIENCE.NOT_FOUND",
      );
      world.clock.set("2026-09-01T01:00:00.000Z");
      expect((await failWith(book("o3", experience)))._tag).toBe("EXPERIENCE.CLOSED");
    });
  });

  describe("cancelBooking", () => {
    it("frees the seats of the owner's own booking, once", async () => {
      const experience = await succeed(create(2));
      const { booking } = await succeed(book("o1", experience, 2));
      const cancel = () =>
        cancelBooking(world.deps)(world.owner("o1"), {
          experienceId: experience.id,
          bookingId: booking.id,
        });
      const result = await succeed(cancel());
      expect(result).toMatchObject({
        experience: { seatsBooked: 0 },
        booking: { status: "cancelled", version: 2 },
      });
      expect((await failWith(cancel()))._tag).toBe("EXPERIENCE.INVALID");
      expect((await succeed(book("o2", experience, 2))).kind).toBe("booked");
    });

    it("refuses another owner's booking, an unknown booking and a started experience", async () => {
      const experience = await succeed(create(2));
      const { booking } = await succeed(book("o1", experience));
      const as = (owner: string, id = booking.id) =>
        cancelBooking(world.deps)(world.owner(owner), {
          experienceId: experience.id,
          bookingId: id,
        });
      expect((await failWith(as("o2")))._tag).toBe("EXPERIENCE.NOT_OWNER");
      expect((await failWith(as("o1", bookingId("bkg_none"))))._tag).toBe("BOOKING.NOT_FOUND");
      world.clock.set("2026-09-01T01:00:00.000Z");
      expect((await failWith(as("o1")))._tag).toBe("EXPERIENCE.CLOSED");
    });
  });

  describe("listExperiences", () => {
    it("lists a plan's experiences by start, with seats left, to anyone", async () => {
      const late = await succeed(create(4, "2026-10-01T00:00:00.000Z"));
      const early = await succeed(create(3, "2026-08-20T00:00:00.000Z"));
      await succeed(book("o1", late, 3));
      const page = await succeed(listExperiences(world.deps)(undefined, { planId: plan.id }));
      expect(page.items.map((e) => [e.id, e.seatsLeft])).toEqual([
        [early.id, 3],
        [late.id, 1],
      ]);
      expect(
        (await failWith(listExperiences(world.deps)(undefined, { planId: planId("plan_x") })))._tag,
      ).toBe("PLAN.NOT_FOUND");
    });
  });

  describe("listMyBookings", () => {
    it("lists the owner's bookings newest first with their experience, one batch read a page", async () => {
      const harvestDay = await succeed(create(4, "2026-09-01T01:00:00.000Z"));
      const tasting = await succeed(create(4, "2026-10-01T01:00:00.000Z"));
      const first = (await succeed(book("o1", harvestDay, 2, "k1"))).booking;
      world.clock.set("2026-07-26T00:00:00.000Z");
      const second = (await succeed(book("o1", tasting, 1, "k2"))).booking;
      await succeed(book("o2", tasting, 1, "k3"));
      await succeed(
        cancelBooking(world.deps)(world.owner("o1"), {
          experienceId: harvestDay.id,
          bookingId: first.id,
        }),
      );
      // Count the store's reads: each page may read its experiences in one getMany, never get.
      const reads = { get: 0, getMany: 0 };
      const experiences = {
        ...world.deps.experiences,
        get: (...args: Parameters<typeof world.deps.experiences.get>) => {
          reads.get += 1;
          return world.deps.experiences.get(...args);
        },
        getMany: (...args: Parameters<typeof world.deps.experiences.getMany>) => {
          reads.getMany += 1;
          return world.deps.experiences.getMany(...args);
        },
      };
      const mine = (owner: string, limit = 20, cursor?: string) =>
        listMyBookings({ experiences })(world.owner(owner), {
          page: cursor === undefined ? { limit } : { limit, cursor },
        });
      const all = await succeed(mine("o1"));
      expect(all.items.map((b) => [b.booking.id, b.booking.status, b.experience?.id])).toEqual([
        [second.id, "active", tasting.id],
        [first.id, "cancelled", harvestDay.id],
      ]);
      expect(all.items[0]?.experience).toMatchObject({ title: "Harvest day", planId: plan.id });
      expect(all.nextCursor).toBeUndefined();
      expect(reads).toEqual({ get: 0, getMany: 1 });
      const page1 = await succeed(mine("o1", 1));
      expect(page1.items.map((b) => b.booking.id)).toEqual([second.id]);
      const page2 = await succeed(mine("o1", 1, page1.nextCursor));
      expect(page2.items.map((b) => b.booking.id)).toEqual([first.id]);
      expect((await succeed(mine("o9"))).items).toEqual([]);
      expect((await failWith(listMyBookings(world.deps)(world.producerOf(plan))))._tag).toBe(
        "AUTH.FORBIDDEN",
      );
    });
  });
});
