import { sampleProfile } from "@owners/app/testing";
import { ownerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { ownerProfileFromItem, ownerProfileToItem } from "./owner-profile-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("owner profile mapper", () => {
  it("round-trips a profile with and without its second address line", () => {
    const { line2: _l, ...address } = sampleProfile().address;
    for (const profile of [
      sampleProfile(),
      sampleProfile({ ownerId: ownerId("owner_2"), address }),
      sampleProfile({
        ownerId: ownerId("owner_3"),
        deliveryChoices: {
          own_1: { kind: "saved", addressId: "adr_1", slot: "am" },
          own_2: { kind: "gift", address, region: "kinki", message: "おめでとう" },
          own_3: { kind: "default" },
        },
      }),
    ])
      expect(ownerProfileFromItem(throughDynamo(ownerProfileToItem(profile)))).toStrictEqual(
        profile,
      );
    expect(ownerProfileToItem(sampleProfile())).toMatchObject({
      PK: "PROFILE#owner_1",
      SK: "PROFILE",
    });
  });
});
