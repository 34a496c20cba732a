import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, reserve } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const VISIT = {
  title: "いちじく収穫体験",
  startsAt: "2026-06-20T01:00:00.000Z",
  capacity: 10,
  location: "熊野農園 正門前",
};

const setUp = async () => {
  const h = makeHarness();
  const planId = await openPlan(h);
  const reserved = await reserve(h, planId, "o1", 1);
  const created = await h.call("POST", `/plans/${planId}/experiences`, {
    body: VISIT,
    as: PRODUCER,
  });
  expect(created.status).toBe(201);
  const book = (seats: number, key: string) =>
    h.call("POST", `/experiences/${created.body.id}/bookings`, {
      body: { seats },
      as: ["o1", "owner"],
      headers: { "idempotency-key": key },
    });
  return { h, planId, ownershipId: reserved.body.id as string, experience: created.body, book };
};

describe("experience rules", () => {
  it("shows the meeting point and holds each owner to the plan's seat limit (4 by default)", async () => {
    const { h, planId, experience, book } = await setUp();
    expect(experience.location).toBe(VISIT.location);
    expect((await h.call("GET", `/plans/${planId}`)).body.experienceSeatsPerOwner).toBe(4);
    expect((await book(3, "a")).status).toBe(201);
    expectProblem(await book(2, "b"), 409, "EXPERIENCE.OWNER_LIMIT");
    const mine = await h.call("GET", "/me/bookings", { as: ["o1", "owner"] });
    expect(mine.body.bookings[0]).toMatchObject({ location: VISIT.location, seats: 3 });
    // The producer raises the limit: the same request now fits.
    const edited = await h.call("PATCH", `/plans/${planId}`, {
      body: { experienceSeatsPerOwner: 6 },
      as: PRODUCER,
    });
    expect(edited.body.experienceSeatsPerOwner).toBe(6);
    expect((await book(2, "b")).status).toBe(201);
    expectProblem(
      await h.call("PATCH", `/plans/${planId}`, {
        body: { experienceSeatsPerOwner: 0 },
        as: PRODUCER,
      }),
      400,
      "PLAN.INVALID",
    );
  });

  it("cancelling the ownership cancels the owner's bookings and frees the seats", async () => {
    const { h, planId, ownershipId, experience, book } = await setUp();
    const booked = await book(2, "a");
    expect(booked.body.seatsLeft).toBe(8);
    const cancelled = await h.call("DELETE", `/ownerships/${ownershipId}`, { as: ["o1", "owner"] });
    expect(cancelled.status).toBe(200);
    const listed = await h.call("GET", `/plans/${planId}/experiences`);
    expect(listed.body.items[0]).toMatchObject({ id: experience.id, seatsLeft: 10 });
    const mine = await h.call("GET", "/me/bookings", { as: ["o1", "owner"] });
    expect(mine.body.bookings[0]).toMatchObject({ status: "cancelled" });
    expectProblem(await book(1, "c"), 403, "EXPERIENCE.NOT_OWNER");
  });

  it("its producer edits the meeting point; never below the seats booked", async () => {
    const { h, planId, experience, book } = await setUp();
    await book(3, "a");
    const path = `/experiences/${experience.id}`;
    const edited = await h.call("PATCH", path, {
      body: { location: "第二農場 入口" },
      as: PRODUCER,
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { location: "第二農場 入口", seatsLeft: 7, version: 3 },
    });
    const listed = await h.call("GET", `/plans/${planId}/experiences`);
    expect(listed.body.items[0].location).toBe("第二農場 入口");
    expectProblem(
      await h.call("PATCH", path, { body: { capacity: 2 }, as: PRODUCER }),
      400,
      "EXPERIENCE.INVALID",
    );
    expectProblem(
      await h.call("PATCH", path, { body: { location: "x" }, as: ["producer-b", "producer"] }),
      403,
      "PLAN.NOT_PRODUCER",
    );
  });
});
