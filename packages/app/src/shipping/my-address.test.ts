import * as O from "fp-ts/lib/Option.js";
import { beforeEach, describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { sampleProfile } from "../testing/harvest-fixtures.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { getMyAddress } from "./get-my-address.ts";
import { setMyAddress } from "./set-my-address.ts";

describe("setMyAddress / getMyAddress", () => {
  let world: HarvestWorld;
  const address = {
    ...sampleProfile().address,
    postalCode: "1500001",
    recipientName: "  山田 花子 ",
  };
  beforeEach(() => {
    world = makeHarvestWorld();
  });

  it("stores the owner's own normalised address, which only that owner reads", async () => {
    const saved = await succeed(
      setMyAddress(world.deps)(world.owner("alice"), { address, region: "kanto" }),
    );
    expect(saved).toMatchObject({
      ownerId: "alice",
      region: "kanto",
      version: 1,
      updatedAt: world.clock.now(),
    });
    expect(saved.address).toMatchObject({ postalCode: "150-0001", recipientName: "山田 花子" });
    expect(await succeed(getMyAddress(world.deps)(world.owner("alice")))).toEqual(O.some(saved));
    expect(await succeed(getMyAddress(world.deps)(world.owner("bob")))).toEqual(O.none);
  });

  it("updates over the version read, and refuses a stale edit", async () => {
    await succeed(setMyAddress(world.deps)(world.owner("alice"), { address, region: "kanto" }));
    const moved = await succeed(
      setMyAddress(world.deps)(world.owner("alice"), {
        address,
        region: "kinki",
        expectedVersion: 1,
      }),
    );
    expect(moved.version).toBe(2);
    const stale = await failWith(
      setMyAddress(world.deps)(world.owner("alice"), {
        address,
        region: "tohoku",
        expectedVersion: 1,
      }),
    );
    expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
    expect(
      O.toUndefined(await succeed(getMyAddress(world.deps)(world.owner("alice"))))?.region,
    ).toBe("kinki");
  });

  it("refuses an invalid address, naming the fields", async () => {
    const error = await failWith(
      setMyAddress(world.deps)(world.owner("alice"), {
        address: { ...address, postalCode: "12-34", phone: "call me", line1: " " },
        region: "atlantis",
      }),
    );
    expect(error._tag).toBe("VALIDATION.INVALID");
    expect(((error.details?.fields ?? []) as { field: string }[]).map((f) => f.field)).toEqual([
      "address.line1",
      "address.postalCode",
      "address.phone",
      "region",
    ]);
  });

  it("is for owners only", async () => {
    const producer = { id: "producer_fig-farm", role: "producer" as const };
    expect(
      (await failWith(setMyAddress(world.deps)(producer, { address, region: "kanto" })))._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect((await failWith(getMyAddress(world.deps)(producer)))._tag).toBe("AUTH.FORBIDDEN");
  });
});
