import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import {
  closedPlanWithOwners,
  HARVEST,
  makeHarness,
  openPlan,
  processorTotals,
} from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const ADMIN: [string, "admin"] = ["root", "admin"];

describe("POST /plans/{id}/harvests", () => {
  it("records a lot for its producer once sales closed; a retry with the key lands on the same lot", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 1 });
    const send = () =>
      h.call("POST", `/plans/${planId}/harvests`, {
        body: HARVEST,
        as: PRODUCER,
        headers: { "idempotency-key": "lot-1" },
      });
    const lot = await send();
    expect(lot).toMatchObject({
      status: 201,
      body: { ...HARVEST, planId, id: expect.stringMatching(/^lot_/) },
    });
    expect((await send()).body).toEqual(lot.body);
    // Anyone who can see the plan follows the season: the lot, not yet allocated.
    const lots = await h.call("GET", `/api/plans/${planId}/harvests`);
    expect(lots).toMatchObject({
      status: 200,
      body: { items: [{ ...lot.body, allocated: false }] },
    });
    await h.call("POST", "/admin/batches/allocate-harvests", { body: { planId }, as: ADMIN });
    expect((await h.call("GET", `/plans/${planId}/harvests`)).body.items[0].allocated).toBe(true);
  });

  it("refuses open plans, other producers, bad lots", async () => {
    const h = makeHarness();
    const open = await openPlan(h);
    expectProblem(
      await h.call("POST", `/plans/${open}/harvests`, { body: HARVEST, as: PRODUCER }),
      409,
      "PLAN.WRONG_STATUS",
    );
    const { planId } = await closedPlanWithOwners(h, { o1: 1 });
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvests`, {
        body: HARVEST,
        as: ["producer-b", "producer"],
      }),
      403,
      "PLAN.NOT_PRODUCER",
    );
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvests`, {
        body: { ...HARVEST, grade: "premium" },
        as: PRODUCER,
      }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvests`, {
        body: { ...HARVEST, bestBefore: "2026-06-01" },
        as: PRODUCER,
      }),
      400,
      "HARVEST.INVALID_LOT",
    );
  });
});

describe("GET /plans/{id}/allocations", () => {
  it("shows each ownership's allocation and refund to the producer, and only its own to an owner", async () => {
    const h = makeHarness();
    const { planId, ownerships } = await closedPlanWithOwners(h, { o1: 3, o2: 1 });
    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    expect(
      (await h.call("GET", `/plans/${planId}/allocations`, { as: PRODUCER })).body.items,
    ).toEqual([]);
    const run = await h.call("POST", "/admin/batches/allocate-harvests", {
      body: { planId },
      as: ADMIN,
    });
    expect(run.status).toBe(200);
    // Allocated as the lots come, but the shortfall waits for the harvest to be complete.
    const pending = await h.call("GET", `/plans/${planId}/allocations`, { as: PRODUCER });
    for (const row of pending.body.items)
      expect(row).toMatchObject({ settled: false, refundYen: 0, creditYen: 0 });
    const complete = await h.call("POST", `/api/plans/${planId}/harvest-complete`, {
      as: PRODUCER,
    });
    expect(complete).toMatchObject({
      status: 200,
      body: { planId, harvestCompletedAt: expect.any(String), compensationsWritten: 2 },
    });
    // A repeat settles nothing more.
    const again = await h.call("POST", `/plans/${planId}/harvest-complete`, { as: ADMIN });
    expect(again.body).toMatchObject({
      harvestCompletedAt: complete.body.harvestCompletedAt,
      compensationsWritten: 0,
    });
    // No lot after the harvest is complete.
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER }),
      409,
      "HARVEST.COMPLETE",
    );
    const all = await h.call("GET", `/plans/${planId}/allocations`, { as: PRODUCER });
    // 16 units entitled, 10 harvested: split 3:1, the shortfall refunded (risk terms: refund).
    const rows = all.body.items.map((r: Record<string, unknown>) => ({
      ownershipId: r.ownershipId,
      ownerId: r.ownerId,
      shares: r.shares,
      entitledUnits: r.entitledUnits,
      allocatedUnits: r.allocatedUnits,
      refundYen: r.refundYen,
    }));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ownershipId: ownerships.o1,
          ownerId: "o1",
          shares: 3,
          entitledUnits: 12,
        }),
        expect.objectContaining({
          ownershipId: ownerships.o2,
          ownerId: "o2",
          shares: 1,
          entitledUnits: 4,
        }),
      ]),
    );
    expect(
      rows.reduce((sum: number, r: { allocatedUnits: number }) => sum + r.allocatedUnits, 0),
    ).toBe(10);
    // A unit is worth 6,800 / 4 = 1,700 yen: each missing unit comes back at that price.
    for (const row of rows)
      expect(row.refundYen).toBe((row.entitledUnits - row.allocatedUnits) * 1700);
    expect(rows.reduce((sum: number, r: { refundYen: number }) => sum + r.refundYen, 0)).toBe(
      6 * 1700,
    );
    for (const row of all.body.items) expect(row.settled).toBe(true);
    expect(processorTotals(h).refundedYen).toBe(6 * 1700);
    const own = await h.call("GET", `/plans/${planId}/allocations`, { as: ["o2", "owner"] });
    expect(own.body.items.map((r: { ownerId: string }) => r.ownerId)).toEqual(["o2"]);
    const stranger = await h.call("GET", `/plans/${planId}/allocations`, { as: ["o9", "owner"] });
    expect(stranger.body.items).toEqual([]);
    expectProblem(
      await h.call("GET", `/plans/${planId}/allocations`, { as: ["producer-b", "producer"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expectProblem(await h.call("GET", `/plans/${planId}/allocations`), 401, "AUTH.UNAUTHENTICATED");
  });
});

describe("POST /plans/{id}/harvest-complete and GET /me/credits", () => {
  it("settles credit terms into each owner's balance at the producer, shown only to that owner", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 3, o2: 1 }, "producer-a", {
      riskTerms: "credit",
    });
    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    expect((await h.call("GET", "/me/credits", { as: ["o1", "owner"] })).body).toEqual({
      credits: [],
    });
    const complete = await h.call("POST", `/plans/${planId}/harvest-complete`, { as: PRODUCER });
    expect(complete).toMatchObject({ status: 200, body: { settled: true, refundsPaid: 0 } });
    const rows = (await h.call("GET", `/plans/${planId}/allocations`, { as: PRODUCER })).body
      .items as { ownerId: string; creditYen: number; missingUnits: number; settled: boolean }[];
    for (const row of rows) {
      expect(row.settled).toBe(true);
      expect(row.creditYen).toBe(row.missingUnits * 1700);
    }
    const creditOf = (owner: string) => rows.find((r) => r.ownerId === owner)?.creditYen;
    expect((await h.call("GET", "/api/me/credits", { as: ["o1", "owner"] })).body).toEqual({
      credits: [{ producerId: "producer-a", balanceYen: creditOf("o1") }],
    });
    expect((await h.call("GET", "/me/credits", { as: ["o2", "owner"] })).body).toEqual({
      credits: [{ producerId: "producer-a", balanceYen: creditOf("o2") }],
    });
    expect((await h.call("GET", "/me/credits", { as: ["o9", "owner"] })).body).toEqual({
      credits: [],
    });
    expectProblem(await h.call("GET", "/me/credits", { as: PRODUCER }), 403, "AUTH.FORBIDDEN");
    expectProblem(await h.call("GET", "/me/credits"), 401, "AUTH.UNAUTHENTICATED");

    // The credit pays first on the producer's next plan, unless the owner keeps it.
    const next = await openPlan(h, "producer-a");
    const o1 = ["o1", "owner"] as [string, "owner"];
    const o2 = ["o2", "owner"] as [string, "owner"];
    const spent = await h.call("POST", `/plans/${next}/reservations`, {
      body: { shares: 1, shippingRegion: "kanto" },
      as: o1,
      headers: { "idempotency-key": "next-o1" },
    });
    expect(spent).toMatchObject({ status: 201, body: { creditAppliedYen: creditOf("o1") } });
    expect((await h.call("GET", "/me/credits", { as: o1 })).body).toEqual({ credits: [] });
    const kept = await h.call("POST", `/plans/${next}/reservations`, {
      body: { shares: 1, shippingRegion: "kanto", useCredit: false },
      as: o2,
      headers: { "idempotency-key": "next-o2" },
    });
    expect(kept.status).toBe(201);
    expect(kept.body.creditAppliedYen).toBeUndefined();
    expect((await h.call("GET", "/me/credits", { as: o2 })).body.credits).toHaveLength(1);
    // Cancelling gives the credit back.
    await h.call("DELETE", `/ownerships/${spent.body.id}`, { as: o1 });
    expect((await h.call("GET", "/me/credits", { as: o1 })).body).toEqual({
      credits: [{ producerId: "producer-a", balanceYen: creditOf("o1") }],
    });
  });

  it("refuses others, unknown plans, plans without a lot or before sales close", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 1 });
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvest-complete`, { as: PRODUCER }),
      409,
      "HARVEST.NOT_ALLOCATABLE",
    );
    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvest-complete`, {
        as: ["producer-b", "producer"],
      }),
      403,
      "PLAN.NOT_PRODUCER",
    );
    expectProblem(
      await h.call("POST", `/plans/${planId}/harvest-complete`, { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expectProblem(
      await h.call("POST", "/plans/plan_nope/harvest-complete", { as: PRODUCER }),
      404,
      "PLAN.NOT_FOUND",
    );
    const open = await openPlan(h);
    expectProblem(
      await h.call("POST", `/plans/${open}/harvest-complete`, { as: PRODUCER }),
      409,
      "HARVEST.NOT_ALLOCATABLE",
    );
  });
});

describe("shipments", () => {
  const shipped = async () => {
    const h = makeHarness();
    const { planId, ownerships } = await closedPlanWithOwners(h, { o1: 2, o2: 1 });
    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    await h.call("POST", "/admin/batches/allocate-harvests", { as: ADMIN });
    const run = await h.call("POST", "/admin/batches/schedule-shipments", { as: ADMIN });
    expect(run.body).toMatchObject({ outcome: "finished", counts: { shipments: 2 } });
    return { h, planId, ownerships };
  };

  it("lists every shipment for the producer and an owner's own, with its address", async () => {
    const { h, planId } = await shipped();
    const all = await h.call("GET", `/plans/${planId}/shipments`, { as: PRODUCER });
    expect(all.body.items.map((s: { ownerId: string }) => s.ownerId).sort()).toEqual(["o1", "o2"]);
    const own = await h.call("GET", `/plans/${planId}/shipments`, { as: ["o1", "owner"] });
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]).toMatchObject({
      ownerId: "o1",
      region: "kanto",
      address: { prefecture: "東京都" },
    });
    const infeasible = await h.call("GET", `/plans/${planId}/shipments?infeasibleOnly=true`, {
      as: PRODUCER,
    });
    expect(infeasible.body.items).toEqual([]);
    expectProblem(
      await h.call("GET", `/plans/${planId}/shipments`, { as: ["producer-b", "producer"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("exports the producer's labels as CSV, one row per parcel", async () => {
    const { h, planId } = await shipped();
    const csv = await h.call("GET", `/plans/${planId}/shipments.csv`, { as: PRODUCER });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`shipments-${planId}.csv`);
    const lines = (csv.body as string).trim().split("\r\n");
    expect(lines[0]).toContain("recipient_name");
    expect(lines.length).toBeGreaterThan(2);
    const oneDay = await h.call("GET", `/plans/${planId}/shipments.csv?shipOn=2030-01-01`, {
      as: PRODUCER,
    });
    expect((oneDay.body as string).trim().split("\r\n")).toHaveLength(1);
    expectProblem(
      await h.call("GET", `/plans/${planId}/shipments.csv`, { as: ["o1", "owner"] }),
      403,
      "AUTH.FORBIDDEN",
    );
    expectProblem(
      await h.call("GET", `/plans/${planId}/shipments.csv?shipOn=tomorrow`, { as: PRODUCER }),
      400,
      "VALIDATION.INVALID",
    );
  });
});

describe("/me/address", () => {
  it("is empty until set, then the owner's own, version-guarded", async () => {
    const h = makeHarness();
    const O1: [string, "owner"] = ["o1", "owner"];
    expect((await h.call("GET", "/me/address", { as: O1 })).body).toEqual({
      address: null,
      region: null,
      updatedAt: null,
      version: 0,
    });
    const address = {
      recipientName: " 山田 花子 ",
      postalCode: "1500001",
      prefecture: "東京都",
      city: "渋谷区",
      line1: "神宮前1-2-3",
      phone: "03-1234-5678",
    };
    const saved = await h.call("PUT", "/me/address", {
      body: { address, region: "kanto", expectedVersion: 0 },
      as: O1,
    });
    expect(saved.body).toMatchObject({
      address: { recipientName: "山田 花子", postalCode: "150-0001" },
      version: 1,
    });
    expectProblem(
      await h.call("PUT", "/me/address", {
        body: { address, region: "kanto", expectedVersion: 0 },
        as: O1,
      }),
      409,
      "STORE.VERSION_CONFLICT",
    );
    const invalid = await h.call("PUT", "/me/address", {
      body: { address: { ...address, postalCode: "12" }, region: "mars" },
      as: O1,
    });
    expectProblem(invalid, 400, "VALIDATION.INVALID");
    expect(invalid.body.fields.map((f: { field: string }) => f.field)).toEqual([
      "address.postalCode",
      "region",
    ]);
    expect((await h.call("GET", "/me/address", { as: ["o2", "owner"] })).body.address).toBeNull();
    expectProblem(await h.call("GET", "/me/address", { as: PRODUCER }), 403, "AUTH.FORBIDDEN");
  });
});
