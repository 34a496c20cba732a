import { localDate, lotId } from "@owners/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { csvField } from "./label-csv-format.ts";
import { shipmentsCsv } from "./shipments-csv.ts";

/** The generic file is UTF-8 text (only B2's is Shift_JIS bytes). */
const text = (file: { readonly body: string | Uint8Array }): string => {
  if (typeof file.body !== "string") throw new Error("expected the generic file's text");
  return file.body;
};

describe("shipmentsCsv", () => {
  let world: HarvestWorld;
  let plan: Awaited<ReturnType<HarvestWorld["allocatedPlan"]>>;
  beforeAll(async () => {
    world = makeHarvestWorld();
    await world.giveAddress("alice");
    await world.giveAddress("bob", "kinki");
    plan = await world.scheduledPlan(
      "plan_figs",
      [
        ["alice", 3],
        ["bob", 2],
        ["carol", 1],
      ],
      [
        ["lot_1", 12],
        ["lot_2", 12, { readyOn: "2026-08-06", bestBefore: "2026-08-12" }],
      ],
    );
  });

  const parse = (body: string) =>
    body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));

  it("lists one row per parcel, by ship day, with the snapshotted address", async () => {
    const file = await succeed(
      shipmentsCsv(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    expect(file).toMatchObject({
      contentType: "text/csv; charset=utf-8",
      filename: "shipments-plan_figs.csv",
    });
    expect(text(file).startsWith("\uFEFFship_on,arrive_by,lot_id,")).toBe(true);
    const [header, ...rows] = parse(text(file));
    expect(rows).toHaveLength(file.rows);
    expect(rows).toHaveLength(4);
    const column = (name: string) => (header as string[]).indexOf(name);
    const days = rows.map((r) => r[column("ship_on")] as string);
    expect(days).toEqual([...days].sort());
    expect(
      rows.every(
        (r) => r[column("recipient_name")] === "山田 花子" && r[column("unit_label")] === "pack",
      ),
    ).toBe(true);
    expect(new Set(rows.map((r) => r[column("region")]))).toEqual(new Set(["kanto", "kinki"]));
    // Carol has no address: her units are in the infeasible report, not on a label.
    expect(rows.some((r) => r[column("ownership_id")]?.includes("carol"))).toBe(false);
  });

  it("narrows to one day's or one lot's parcels", async () => {
    const byLot = await succeed(
      shipmentsCsv(world.deps)(world.producerOf(plan), { planId: plan.id, lotId: lotId("lot_2") }),
    );
    expect(byLot.rows).toBe(2);
    const day = parse(text(byLot))[1]?.[0] as string;
    const byDay = await succeed(
      shipmentsCsv(world.deps)(world.producerOf(plan), { planId: plan.id, shipOn: localDate(day) }),
    );
    expect(byDay.filename).toBe(`shipments-plan_figs-${day}.csv`);
    expect(
      parse(text(byDay))
        .slice(1)
        .every((r) => r[0] === day),
    ).toBe(true);
  });

  it("is for the plan's producer only", async () => {
    expect(
      (await failWith(shipmentsCsv(world.deps)(world.owner("alice"), { planId: plan.id })))._tag,
    ).toBe("AUTH.FORBIDDEN");
  });

  it("quotes separators and defuses spreadsheet formulas", () => {
    expect(csvField('a,b "c"')).toBe('"a,b ""c"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(-3)).toBe("-3");
  });
});
