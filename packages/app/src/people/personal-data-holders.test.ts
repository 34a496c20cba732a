import { instant, ownerId, producerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { makeMemoryFollowStore } from "../../../adapter-memory/src/follow-store.ts";
import { makeMemoryOwnerProfileRepository } from "../../../adapter-memory/src/owner-profile-repository.ts";
import { makeMemoryProducerProfileStore } from "../../../adapter-memory/src/producer-profile-store.ts";
import { makeCursorCodec } from "../cursor.ts";
import { profileHolder } from "../privacy/holders/profile-holder.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { sampleProducerProfile } from "../testing/contracts/producer-profile-store.contract.ts";
import { sampleProfile } from "../testing/harvest-fixtures.ts";
import { followsHolder, producerProfileHolder } from "./personal-data-holders.ts";

const AT = instant("2026-06-01T00:00:00.000Z");

const world = async () => {
  const cursors = makeCursorCodec("holders-test");
  const deps = {
    producerProfiles: makeMemoryProducerProfileStore(cursors),
    profiles: makeMemoryOwnerProfileRepository(),
    follows: makeMemoryFollowStore(cursors),
  };
  await succeed(
    deps.producerProfiles.save(sampleProducerProfile({ producerId: producerId("farm") }), 0),
  );
  await succeed(
    deps.profiles.save(
      sampleProfile({ ownerId: ownerId("hana"), displayName: "はなこ", language: "en" }),
      0,
    ),
  );
  await succeed(
    deps.follows.follow({
      ownerId: ownerId("hana"),
      producerId: producerId("farm"),
      followedAt: AT,
    }),
  );
  // As registered in storePersonalDataHolders: the owner profile is the privacy holder's.
  const holders = {
    ownerProfile: profileHolder(deps.profiles),
    follows: followsHolder(deps.follows),
    producerProfile: producerProfileHolder(deps.producerProfiles),
  };
  return { deps, holders };
};

describe("the people stores' personal data holders", () => {
  it("export what is held about the person", async () => {
    const { holders } = await world();
    expect(await succeed(holders.ownerProfile?.exportFor("hana") ?? fail())).toMatchObject({
      displayName: "はなこ",
      address: { city: "渋谷区" },
    });
    expect(await succeed(holders.follows?.exportFor("hana") ?? fail())).toEqual([
      { ownerId: "hana", producerId: "farm", followedAt: AT },
    ]);
    expect(await succeed(holders.producerProfile?.exportFor("farm") ?? fail())).toMatchObject({
      disclosure: { legalName: "山田農園株式会社" },
    });
    expect(await succeed(holders.ownerProfile?.exportFor("nobody") ?? fail())).toBeNull();
  });

  it("erase names, addresses, follows and the public profile, idempotently", async () => {
    const { deps, holders } = await world();
    for (const _ of [1, 2]) {
      await succeed(holders.ownerProfile?.eraseFor("hana") ?? fail());
      await succeed(holders.follows?.eraseFor("hana") ?? fail());
      await succeed(holders.producerProfile?.eraseFor("farm") ?? fail());
    }
    // The whole profile goes: name, addresses, phone (language and choices with it).
    expect(await succeed(deps.profiles.get(ownerId("hana")))).toEqual(O.none);
    expect(await succeed(deps.follows.countFor(producerId("farm")))).toBe(0);
    expect(await succeed(deps.producerProfiles.get(producerId("farm")))).toEqual(O.none);
    expect((await succeed(deps.producerProfiles.list({ limit: 10 }))).items).toEqual([]);
  });
});

const fail = (): never => {
  throw new Error("holder missing");
};
