import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { closedPlanWithOwners, HARVEST, makeHarness } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const ADMIN: [string, "admin"] = ["root", "admin"];

const LOGISTICS = {
  shipFromPrefecture: "長野県",
  boxesPerDay: 10,
  transitDays: { kanto: 1, kinki: 2 },
  temperature: "frozen",
  slotsAllowed: true,
};

describe("plan logistics and ownership delivery", () => {
  it("the producer sets logistics, the owner a slot, and the B2 file carries both", async () => {
    const h = makeHarness();
    const { planId, ownerships } = await closedPlanWithOwners(h, { o1: 1, o2: 1 });
    const before = await h.call("GET", `/plans/${planId}/logistics`, { as: PRODUCER });
    expect(before.body).toMatchObject({ custom: false, logistics: { temperature: "ambient" } });
    const set = await h.call("PUT", `/plans/${planId}/logistics`, {
      body: LOGISTICS,
      as: PRODUCER,
    });
    expect(set).toMatchObject({
      status: 200,
      body: { custom: true, boxesPerDay: 10, logistics: { surchargeYenPerBox: 275 } },
    });
    const plan = await h.call("GET", `/plans/${planId}`);
    expect(plan.body).toMatchObject({
      shipCapacityPerDay: 10,
      logistics: { temperature: "frozen", slotsAllowed: true, surchargeYenPerBox: 275 },
    });
    expect(plan.body.logistics).not.toHaveProperty("sender");

    const chose = await h.call("PUT", `/ownerships/${ownerships.o1}/delivery`, {
      body: { destination: { kind: "default" }, slot: "am" },
      as: ["o1", "owner"],
    });
    expect(chose).toMatchObject({ status: 200, body: { kind: "default", slot: "am" } });
    const mine = await h.call("GET", `/ownerships/${ownerships.o1}/delivery`, {
      as: ["o1", "owner"],
    });
    expect(mine.body).toMatchObject({ choice: { slot: "am" }, logistics: { slotsAllowed: true } });

    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    await h.call("POST", "/admin/batches/allocate-harvests", { as: ADMIN });
    await h.call("POST", "/admin/batches/schedule-shipments", { as: ADMIN });
    const csv = await h.call("GET", `/plans/${planId}/shipments.csv?format=b2`, { as: PRODUCER });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain(`b2-${planId}.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    // The harness decodes by the response's charset, as B2's import does.
    const [header, ...rows] = (csv.body as string).trim().split("\r\n");
    const columns = (header as string).split(",");
    const cells = rows.map((row) => row.split(","));
    const slot = columns.indexOf("配達時間帯");
    const cool = columns.indexOf("クール区分");
    expect(cells.map((row) => row[slot]).sort()).toEqual(["", "0812"]);
    expect(cells.every((row) => row[cool] === "1")).toBe(true);
  });

  it("names what was wrong: an unknown prefecture, a slot the plan does not take, not one's own", async () => {
    const h = makeHarness();
    const { planId, ownerships } = await closedPlanWithOwners(h, { o1: 1 });
    const atlantis = await h.call("PUT", `/plans/${planId}/logistics`, {
      body: { ...LOGISTICS, shipFromPrefecture: "Atlantis" },
      as: PRODUCER,
    });
    expectProblem(atlantis, 400, "VALIDATION.INVALID");
    expect(JSON.stringify(atlantis.body)).toContain("shipFromPrefecture");
    expectProblem(
      await h.call("PUT", `/ownerships/${ownerships.o1}/delivery`, {
        body: { destination: { kind: "default" }, slot: "am" },
        as: ["o1", "owner"],
      }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await h.call("PUT", `/ownerships/${ownerships.o1}/delivery`, {
        body: { destination: { kind: "default" } },
        as: ["o2", "owner"],
      }),
      403,
      "OWNERSHIP.NOT_OWNER",
    );
    expectProblem(
      await h.call("GET", `/plans/${planId}/shipments.csv?format=pdf`, { as: PRODUCER }),
      400,
      "VALIDATION.INVALID",
    );
  });
});
