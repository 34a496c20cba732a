import type { OwnerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { makeMemoryOwnerProfileRepository } from "../../../adapter-memory/src/owner-profile-repository.ts";
import { ownerProfileDefaults } from "../ports/owner-profile-repository.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { reserveShares } from "./reserve-shares.ts";

const ADDRESS = {
  recipientName: "山田 花子",
  postalCode: "150-0001",
  prefecture: "東京都",
  city: "渋谷区",
  line1: "神宮前1-2-3",
  phone: "03-1234-5678",
};

describe("reserveShares without a shipping region", () => {
  it("ships to the owner's saved region, else the plan's own when it ships there, else the cheapest", async () => {
    const kit = makeReservationKit();
    const profiles = makeMemoryOwnerProfileRepository();
    const reserve = reserveShares({ ...kit.deps, profiles });
    const ask = async (planId: string, owner: number) =>
      (
        await succeed(
          reserve(kit.owner(owner), { planId, shares: 1, idempotencyKey: `k-${planId}-${owner}` }),
        )
      ).ownership.quote;

    // The fixtures' plan comes from "Wakayama", which is no shipping region.
    const fromWakayama = await kit.givenOpenPlan({
      pricing: { basePriceYen: 5000, tiers: [], shippingSurchargeYen: { kanto: 800, kansai: 600 } },
    });
    expect(await ask(fromWakayama.id, 1)).toMatchObject({
      shippingRegion: "kansai",
      shippingYen: 600,
    });

    await succeed(
      profiles.save(
        {
          ownerId: "owner_2" as OwnerId,
          address: ADDRESS,
          region: "kanto",
          ...ownerProfileDefaults(),
          updatedAt: kit.clock.now(),
          version: 1,
        },
        0,
      ),
    );
    expect(await ask(fromWakayama.id, 2)).toMatchObject({
      shippingRegion: "kanto",
      shippingYen: 800,
    });

    const fromKansai = await kit.givenOpenPlan({
      region: "kansai",
      pricing: { basePriceYen: 5000, tiers: [], shippingSurchargeYen: { kanto: 100, kansai: 600 } },
    });
    expect(await ask(fromKansai.id, 3)).toMatchObject({ shippingRegion: "kansai" });
  });

  it("a named region wins, and a repeat of a defaulted request replays the same ownership", async () => {
    const kit = makeReservationKit();
    const reserve = reserveShares({ ...kit.deps, profiles: makeMemoryOwnerProfileRepository() });
    const plan = await kit.givenOpenPlan();
    const named = await succeed(
      reserve(kit.owner(1), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "a",
      }),
    );
    expect(named.ownership.quote.shippingRegion).toBe("kanto");
    const first = await succeed(
      reserve(kit.owner(2), { planId: plan.id, shares: 1, idempotencyKey: "b" }),
    );
    const again = await succeed(
      reserve(kit.owner(2), { planId: plan.id, shares: 1, idempotencyKey: "b" }),
    );
    expect(again).toEqual({ ownership: first.ownership, replayed: true });
  });

  it("replays a repeat that names no region as the same request, though the saved region changed", async () => {
    const kit = makeReservationKit();
    const profiles = makeMemoryOwnerProfileRepository();
    const reserve = reserveShares({ ...kit.deps, profiles });
    const plan = await kit.givenOpenPlan({
      pricing: { basePriceYen: 5000, tiers: [], shippingSurchargeYen: { kanto: 800, kansai: 600 } },
    });
    const saveRegion = async (region: string, version: number) =>
      succeed(
        profiles.save(
          {
            ownerId: "owner_1" as OwnerId,
            address: ADDRESS,
            region,
            ...ownerProfileDefaults(),
            updatedAt: kit.clock.now(),
            version: version + 1,
          },
          version,
        ),
      );
    await saveRegion("kanto", 0);
    const body = { planId: plan.id, shares: 1, idempotencyKey: "after-a-timeout" };
    const first = await succeed(reserve(kit.owner(1), body));
    expect(first.ownership.quote.shippingRegion).toBe("kanto");
    // The owner moved meanwhile; the client repeats the very same body after a timeout.
    await saveRegion("kansai", 1);
    const again = await succeed(reserve(kit.owner(1), body));
    expect(again).toMatchObject({ replayed: true, ownership: { id: first.ownership.id } });
    // A repeat that names another region is another request.
    const other = await reserve(kit.owner(1), { ...body, shippingRegion: "kansai" })();
    expect(other).toMatchObject({
      left: { _tag: "RESERVATION.IDEMPOTENCY_MISMATCH", details: { fields: ["shippingRegion"] } },
    });
  });
});
