import { sampleLot } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { harvestLotFromItem, harvestLotToItem } from "./harvest-lot-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("harvest lot mapper", () => {
  it("round-trips a lot of either grade through DynamoDB's encoding", () => {
    for (const lot of [sampleLot(), sampleLot({ grade: "offspec", quantity: 0 })])
      expect(harvestLotFromItem(throughDynamo(harvestLotToItem(lot)))).toStrictEqual(lot);
  });

  it("keys a lot in its plan's lot partition", () => {
    expect(harvestLotToItem(sampleLot())).toMatchObject({ PK: "LOTS#plan_1", SK: "LOT#lot_A" });
  });
});
