import { sampleLot, sampleShipment } from "@owners/app/testing";
import { producerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import {
  lotCapacityFromItem,
  lotCapacityToItem,
  shipmentFromItem,
  shipmentToItem,
} from "./shipment-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("shipment mapper", () => {
  it("round-trips shipments: partly shipped, fully shipped, without address, short address", () => {
    const partial = sampleShipment();
    const { unshipped: _u, ...shipped } = sampleShipment();
    const { address: _a, ...noAddress } = sampleShipment({
      parcels: [],
      region: "",
      unshipped: { units: 13, reason: "no-address" },
    });
    const { line2: _l, ...shortAddress } = partial.address ?? sampleShipment().address ?? {};
    const short = { ...shipped, address: shortAddress as NonNullable<typeof partial.address> };
    const gift = {
      ...shipped,
      temperature: "chilled" as const,
      slot: "14-16" as const,
      giftMessage: "お誕生日おめでとう",
    };
    for (const s of [partial, shipped, noAddress, short, gift])
      expect(shipmentFromItem(throughDynamo(shipmentToItem(s)))).toStrictEqual(s);
  });

  it("indexes a shipment as infeasible (sparse GSI2) only while units are unscheduled", () => {
    const { unshipped: _u, ...shipped } = sampleShipment();
    expect(shipmentToItem(sampleShipment())).toMatchObject({
      PK: "SHIP#plan_1",
      SK: "lot_A#own_1",
      GSI1PK: "SHIP#plan_1#OWNER#owner_1",
      GSI2PK: "SHIP#plan_1#INFEASIBLE",
      GSI2SK: "lot_A#own_1",
    });
    expect(shipmentToItem(shipped)).not.toHaveProperty("GSI2PK");
  });

  it("round-trips the capacity a lot booked", () => {
    const item = throughDynamo(
      lotCapacityToItem(producerId("producer_1"), sampleLot().id, { "2026-08-01": 3 }),
    );
    expect(item).toMatchObject({ PK: "SHIPCAP#producer_1", SK: "LOT#lot_A" });
    expect(lotCapacityFromItem(item)).toStrictEqual({
      lotId: "lot_A",
      boxesByDay: { "2026-08-01": 3 },
    });
  });
});
