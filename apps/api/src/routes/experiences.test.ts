import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, reserve } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const VISIT = { title: "いちじく収穫体験", startsAt: "2026-06-20T01:00:00.000Z", capacity: 3 };

const setUp = async () => {
  const h = makeHarness();
  const planId = await openPlan(h);
  await reserve(h, planId, "o1", 1);
  await reserve(h, planId, "o2", 1);
  const created = await h.call("POST", `/plans/${planId}/experiences`, {
    body: VISIT,
    as: PRODUCER,
  });
  expect(created.status).toBe(201);
  const book = (owner: string, seats: number, key = `b-${owner}-${seats}`) =>
    h.call("POST", `/experiences/${created.body.id}/bookings`, {
      body: { seats },
      as: [owner, "owner"],
      headers: { "idempotency-key": key },
    });
  return { h, planId, experienceId: created.body.id as string, book };
};

describe("experiences", () => {
  it("are created by the plan's producer and listed publicly with seats left", async () => {
    const { h, planId, experienceId } = await setUp();
    const listed = await h.call("GET", `/plans/${planId}/experiences`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: experienceId, title: VISIT.title, capacity: 3, seatsLeft: 3 }),
    ]);
    expectProblem(
      await h.call("POST", `/plans/${planId}/experiences`, {
        body: VISIT,
        as: ["producer-b", "producer"],
      }),
      403,
      "PLAN.NOT_PRODUCER",
    );
    expectProblem(
      await h.call("POST", `/plans/${planId}/experiences`, {
        body: { ...VISIT, startsAt: "2026-04-01T00:00:00.000Z" },
        as: PRODUCER,
      }),
      400,
      "EXPERIENCE.INVALID",
    );
    expectProblem(await h.call("GET", "/plans/plan_nope/experiences"), 404, "PLAN.NOT_FOUND");
  });

  it("are booked by owners of the plan, idempotently, never beyond capacity", async () => {
    const { h, experienceId, book } = await setUp();
    const first = await book("o1", 2);
    expect(first).toMatchObject({
      status: 201,
      body: { ownerId: "o1", seats: 2, status: "active", seatsLeft: 1 },
    });
    expect((await book("o1", 2)).body.id).toBe(first.body.id);
    expectProblem(await book("o2", 2), 409, "EXPERIENCE.FULL");
    expectProblem(await book("o9", 1), 403, "EXPERIENCE.NOT_OWNER");
    expectProblem(
      await h.call("POST", `/experiences/${experienceId}/bookings`, {
        body: { seats: 1 },
        as: ["o2", "owner"],
      }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await h.call("POST", "/experiences/exp_nope/bookings", {
        body: { seats: 1 },
        as: ["o2", "owner"],
        headers: { "idempotency-key": "x" },
      }),
      404,
      "EXPERIENCE.NOT_FOUND",
    );
  });

  it("bookings are cancelled by their owner only, freeing the seats", async () => {
    const { h, experienceId, book } = await setUp();
    const booking = (await book("o1", 2)).body;
    expectProblem(
      await h.call("DELETE", `/experiences/${experienceId}/bookings/${booking.id}`, {
        as: ["o2", "owner"],
      }),
      403,
      "EXPERIENCE.NOT_OWNER",
    );
    const cancelled = await h.call(
      "DELETE",
      `/experiences/${experienceId}/bookings/${booking.id}`,
      { as: ["o1", "owner"] },
    );
    expect(cancelled.body).toMatchObject({ status: "cancelled", seatsLeft: 3 });
    expectProblem(
      await h.call("DELETE", `/experiences/${experienceId}/bookings/bkg_nope`, {
        as: ["o1", "owner"],
      }),
      404,
      "BOOKING.NOT_FOUND",
    );
  });

  it("are listed to their owner under /me/bookings, newest first, paged, cancelled ones too", async () => {
    const { h, planId, experienceId, book } = await setUp();
    const first = (await book("o1", 1)).body;
    const second = (await book("o1", 1, "again")).body;
    await book("o2", 1);
    await h.call("DELETE", `/experiences/${experienceId}/bookings/${first.id}`, {
      as: ["o1", "owner"],
    });
    const mine = await h.call("GET", "/me/bookings", { as: ["o1", "owner"] });
    expect(mine.status).toBe(200);
    const rows = mine.body.bookings as { bookingId: string; status: string }[];
    expect(rows.map((b) => [b.bookingId, b.status]).sort()).toEqual(
      [
        [first.id, "cancelled"],
        [second.id, "active"],
      ].sort(),
    );
    expect(mine.body.bookings[0]).toMatchObject({
      experienceId,
      planId,
      title: VISIT.title,
      startsAt: VISIT.startsAt,
      seats: 1,
    });
    expect(mine.body.nextCursor).toBeUndefined();
    const page1 = await h.call("GET", "/me/bookings?limit=1", { as: ["o1", "owner"] });
    expect(page1.body.bookings).toHaveLength(1);
    const page2 = await h.call(
      "GET",
      `/me/bookings?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
      { as: ["o1", "owner"] },
    );
    expect([page1.body.bookings[0].bookingId, page2.body.bookings[0].bookingId].sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect((await h.call("GET", "/me/bookings", { as: ["o3", "owner"] })).body).toEqual({
      bookings: [],
    });
    expectProblem(
      await h.call("GET", "/me/bookings?limit=0", { as: ["o1", "owner"] }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await h.call("GET", "/me/bookings", { as: ["producer-a", "producer"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });
});

describe("an experience's bookings for its producer", () => {
  it("lists them with the owners' display names and serves them as a formula-safe CSV", async () => {
    const { h, experienceId, book } = await setUp();
    expect(
      (
        await h.call("PUT", "/me/profile", {
          body: { displayName: "=さとう" },
          as: ["o1", "owner"],
        })
      ).status,
    ).toBe(200);
    await book("o1", 2);
    await book("o2", 1);
    const listed = await h.call("GET", `/experiences/${experienceId}/bookings`, { as: PRODUCER });
    expect(listed.status).toBe(200);
    expect(
      [...listed.body.bookings].sort((a, b) => String(a.ownerId).localeCompare(b.ownerId)),
    ).toEqual([
      expect.objectContaining({
        ownerId: "o1",
        displayName: "=さとう",
        seats: 2,
        status: "active",
      }),
      expect.objectContaining({ ownerId: "o2", displayName: null, seats: 1, status: "active" }),
    ]);
    const firstPage = await h.call("GET", `/experiences/${experienceId}/bookings?limit=1`, {
      as: PRODUCER,
    });
    expect(firstPage.body.bookings).toHaveLength(1);
    expect(typeof firstPage.body.nextCursor).toBe("string");

    const csv = await h.call("GET", `/experiences/${experienceId}/bookings.csv`, { as: PRODUCER });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`bookings-${experienceId}.csv`);
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("booking_id,owner_id,display_name,seats,status,booked_at");
    expect(lines.find((l) => l.includes(",o1,"))).toContain(",o1,'=さとう,2,active,");
    expect(lines).toHaveLength(3);
  });

  it("refuses owners and other producers; an unknown experience is 404", async () => {
    const { h, experienceId } = await setUp();
    for (const path of ["bookings", "bookings.csv"]) {
      expectProblem(
        await h.call("GET", `/experiences/${experienceId}/${path}`, { as: ["o1", "owner"] }),
        403,
        "AUTH.FORBIDDEN",
      );
      expect(
        (
          await h.call("GET", `/experiences/${experienceId}/${path}`, {
            as: ["producer-b", "producer"],
          })
        ).status,
      ).toBe(403);
      expectProblem(
        await h.call("GET", `/experiences/exp_nope/${path}`, { as: PRODUCER }),
        404,
        "EXPERIENCE.NOT_FOUND",
      );
    }
  });
});
