import { type Plan, planId } from "@owners/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { addMyAddress } from "../people/saved-addresses.ts";
import type { LotShipment } from "../ports/shipment-repository.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld, SYSTEM } from "../testing/harvest-world.ts";
import { b2Index } from "./carrier-files/b2-cloud-layout.ts";
import { getOwnershipDelivery } from "./get-ownership-delivery.ts";
import { listShipments } from "./list-shipments.ts";
import { scheduleShipments } from "./schedule-shipments.ts";
import { setOwnershipDelivery } from "./set-ownership-delivery.ts";
import { setPlanLogistics } from "./set-plan-logistics.ts";
import { shipmentsCsv } from "./shipments-csv.ts";

const LOGISTICS = {
  shipFromPrefecture: "長野県",
  boxesPerDay: 5,
  transitDays: { kanto: 2, kinki: 1 },
  temperature: "chilled",
  slotsAllowed: true,
  sender: {
    name: "山田農園",
    phone: "0263-12-3456",
    postalCode: "390-0001",
    address: "長野県松本市里山辺1234",
    billingCustomerCode: "026312345601",
    freightManagementNumber: "01",
  },
};

const GIFT_ADDRESS = {
  recipientName: "佐藤 一郎",
  postalCode: "1000001",
  prefecture: "東京都",
  city: "千代田区",
  line1: "千代田1-1",
  phone: "03-0000-0000",
};

describe("per-plan logistics and each ownership's delivery", () => {
  let world: HarvestWorld;
  let plan: Plan;
  const ownership = (owner: string) => `own_${plan.id}_${owner}`;

  beforeAll(async () => {
    world = makeHarvestWorld();
    plan = await world.openPlan("plan_peach");
    await world.reserve(plan, "alice", 2, 0);
    await world.reserve(plan, "bob", 1, 1);
    await world.reserve(plan, "carol", 1, 2);
    await world.giveAddress("alice");
    await world.giveAddress("bob");
    await world.giveAddress("carol");
  });

  it("the producer sets the plan's logistics; others cannot, bad fields are named", async () => {
    const set = setPlanLogistics(world.deps);
    const stranger = await failWith(
      set({ id: "producer_x", role: "producer" }, { planId: plan.id, logistics: LOGISTICS }),
    );
    expect(stranger._tag).toBe("PLAN.NOT_PRODUCER");
    const bad = await failWith(
      set(world.producerOf(plan), {
        planId: plan.id,
        logistics: { ...LOGISTICS, temperature: "warm", boxesPerDay: 0 },
      }),
    );
    expect(bad).toMatchObject({
      _tag: "VALIDATION.INVALID",
      details: { fields: [{ field: "boxesPerDay" }, { field: "temperature" }] },
    });
    const stored = await succeed(
      set(world.producerOf(plan), { planId: plan.id, logistics: LOGISTICS }),
    );
    expect(stored.shipCapacityPerDay).toBe(5);
    expect(stored.logistics).toMatchObject({
      temperature: "chilled",
      surchargeYenPerBox: 275,
      slotsAllowed: true,
      transitDays: { kanto: 2, kinki: 1 },
    });
  });

  it("an owner picks a saved address and a slot, or a gift address; only its own", async () => {
    const choose = setOwnershipDelivery(world.deps);
    const profile = await succeed(
      addMyAddress(world.deps)(world.owner("alice"), {
        label: "実家",
        region: "kinki",
        address: { ...GIFT_ADDRESS, recipientName: "母", prefecture: "大阪府", city: "大阪市" },
      }),
    );
    const home = profile.addresses[0]?.id as string;
    expect(
      await succeed(
        choose(world.owner("alice"), {
          ownershipId: ownership("alice"),
          destination: { kind: "saved", addressId: home },
          slot: "18-20",
        }),
      ),
    ).toEqual({ kind: "saved", addressId: home, slot: "18-20" });
    const notMine = await failWith(
      choose(world.owner("bob"), {
        ownershipId: ownership("alice"),
        destination: { kind: "default" },
      }),
    );
    expect(notMine._tag).toBe("OWNERSHIP.NOT_OWNER");
    const badSlot = await failWith(
      choose(world.owner("bob"), {
        ownershipId: ownership("bob"),
        destination: { kind: "default" },
        slot: "9-12",
      }),
    );
    expect(badSlot).toMatchObject({ _tag: "VALIDATION.INVALID", details: { field: "slot" } });
    const okinawa = await failWith(
      choose(world.owner("bob"), {
        ownershipId: ownership("bob"),
        destination: { kind: "gift", address: GIFT_ADDRESS, region: "okinawa", message: "x" },
      }),
    );
    expect(okinawa._tag).toBe("VALIDATION.INVALID");
    const gift = await succeed(
      choose(world.owner("bob"), {
        ownershipId: ownership("bob"),
        destination: {
          kind: "gift",
          address: GIFT_ADDRESS,
          region: "kanto",
          message: "=お誕生日おめでとう",
        },
      }),
    );
    expect(gift).toMatchObject({ kind: "gift", address: { postalCode: "100-0001" } });
    const view = await succeed(
      getOwnershipDelivery(world.deps)(world.owner("alice"), { ownershipId: ownership("alice") }),
    );
    expect(view).toMatchObject({
      planId: plan.id,
      choice: { kind: "saved", slot: "18-20" },
      logistics: { temperature: "chilled", slotsAllowed: true },
    });
    expect(view.logistics).not.toHaveProperty("sender");
  });

  it("the schedule ships to the chosen address with the slot, gift message and temperature", async () => {
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, "lot_1", 16);
    await world.completeHarvest(closed);
    await succeed(scheduleShipments(world.deps)(SYSTEM, { planId: plan.id }));
    const { items } = await succeed(
      listShipments(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    const of = (owner: string) => items.find((s) => s.ownerId === owner) as LotShipment;
    expect(of("alice")).toMatchObject({
      region: "kinki",
      address: { recipientName: "母" },
      slot: "18-20",
      temperature: "chilled",
    });
    // The plan's own table: one day to Kinki.
    const parcel = of("alice").parcels[0];
    expect(parcel && Date.parse(parcel.arriveBy) - Date.parse(parcel.shipOn)).toBe(86_400_000);
    expect(of("bob")).toMatchObject({
      address: { recipientName: "佐藤 一郎" },
      giftMessage: "=お誕生日おめでとう",
    });
    expect(of("bob").slot).toBeUndefined();
    expect(of("carol")).toMatchObject({ region: "kanto", temperature: "chilled" });
    expect(of("carol").giftMessage).toBeUndefined();
  });

  it("the B2 label file carries the slot, クール区分 and the gift message, formula-safe", async () => {
    const file = await succeed(
      shipmentsCsv(world.deps)(world.producerOf(plan), { planId: plan.id, format: "b2" }),
    );
    expect(file.filename).toBe(`b2-${plan.id}.csv`);
    expect(file.contentType).toBe("text/csv; charset=Shift_JIS");
    const lines = new TextDecoder("shift_jis")
      .decode(file.body as Uint8Array)
      .trimEnd()
      .split("\r\n");
    expect(lines[0]?.startsWith("お客様管理番号,送り状種類,クール区分,伝票番号")).toBe(true);
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows).toHaveLength(file.rows);
    const cell = (row: string[] | undefined, column: Parameters<typeof b2Index>[0]) =>
      row?.[b2Index(column)];
    const alice = rows.find((r) => cell(r, "お届け先名") === "母");
    expect(cell(alice, "配達時間帯")).toBe("1820");
    expect(cell(alice, "クール区分")).toBe("2");
    expect(cell(alice, "請求先顧客コード")).toBe("026312345601");
    const bob = rows.find((r) => cell(r, "お届け先名") === "佐藤 一郎");
    expect(cell(bob, "記事")).toBe("'=お誕生日おめでとう");
    expect(cell(bob, "配達時間帯")).toBe("");
    expect(file.problems).toEqual([]);
    const generic = await succeed(
      shipmentsCsv(world.deps)(world.producerOf(plan), { planId: plan.id }),
    );
    expect(generic.body).toContain(",chilled,18-20,");
  });

  it("once allocated the logistics are fixed; a plan without slots refuses one", async () => {
    const late = await failWith(
      setPlanLogistics(world.deps)(world.producerOf(plan), {
        planId: plan.id,
        logistics: LOGISTICS,
      }),
    );
    expect(late._tag).toBe("PLAN.WRONG_STATUS");
    const other = await world.openPlan("plan_plain");
    await world.reserve(other, "alice", 1, 5);
    const refused = await failWith(
      setOwnershipDelivery(world.deps)(world.owner("alice"), {
        ownershipId: `own_${other.id}_alice`,
        destination: { kind: "default" },
        slot: "am",
      }),
    );
    expect(refused).toMatchObject({ _tag: "VALIDATION.INVALID", details: { field: "slot" } });
    expect(planId("plan_plain")).toBe(other.id);
  });
});
