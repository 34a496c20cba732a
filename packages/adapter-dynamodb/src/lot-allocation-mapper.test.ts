import { sampleLotAllocation } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { lotAllocationFromItem, lotAllocationToItem } from "./lot-allocation-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("lot allocation mapper", () => {
  it("round-trips an allocation and keys it in its lot's partition by ownership", () => {
    const record = sampleLotAllocation({ grade: "offspec" });
    expect(lotAllocationFromItem(throughDynamo(lotAllocationToItem(record)))).toStrictEqual(record);
    expect(lotAllocationToItem(record)).toMatchObject({
      PK: "ALLOC#plan_1#lot_A",
      SK: "OWNERSHIP#own_1",
    });
  });
});
