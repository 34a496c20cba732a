import { addMillis, planId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { listMyOwnerships } from "../reservations/list-my-ownerships.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { collectPages, failWith, succeed, tamper } from "../testing/contracts/expect-task.ts";
import { sampleTerms } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { createPlan } from "./create-plan.ts";
import { getPlan } from "./get-plan.ts";
import { listPlans } from "./list-plans.ts";
import { quoteShares } from "./quote-shares.ts";

describe("getPlan", () => {
  it("shows sold and remaining shares; drafts only to their producer and admins", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan({ totalShares: 10 });
    await succeed(
      reserveShares(kit.deps)(kit.owner(1), {
        planId: plan.id,
        shares: 3,
        shippingRegion: "kanto",
        idempotencyKey: "k",
      }),
    );
    expect(await succeed(getPlan(kit.deps)(kit.owner(2), { planId: plan.id }))).toMatchObject({
      sharesSold: 3,
      sharesRemaining: 7,
    });
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    expect((await failWith(getPlan(kit.deps)(kit.owner(2), { planId: draft.id })))._tag).toBe(
      "PLAN.NOT_FOUND",
    );
    expect(
      (
        await failWith(
          getPlan(kit.deps)({ id: "producer_other", role: "producer" }, { planId: draft.id }),
        )
      )._tag,
    ).toBe("PLAN.NOT_FOUND");
    expect(await succeed(getPlan(kit.deps)(kit.producer, { planId: draft.id }))).toMatchObject({
      sharesRemaining: 10,
    });
    expect(await succeed(getPlan(kit.deps)(kit.admin, { planId: draft.id }))).toMatchObject({
      plan: { status: "draft" },
    });
    expect(
      (await failWith(getPlan(kit.deps)(kit.owner(2), { planId: planId("plan_nope") })))._tag,
    ).toBe("PLAN.NOT_FOUND");
  });
});

describe("listPlans", () => {
  it("shows owners open plans by default and never drafts; producers their own drafts; pages each plan once", async () => {
    const kit = makeReservationKit();
    const open = [];
    for (let i = 0; i < 5; i += 1) {
      open.push(
        await kit.givenOpenPlan({ category: i % 2 === 0 ? "fruit" : "fish" }, kit.clock.now()),
      );
      kit.clock.advance(1000);
    }
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    const owner = kit.owner(1);
    const seen = await collectPages((page) => listPlans(kit.deps)(owner, { page }), 2);
    expect(seen.items.map((v) => v.plan.id)).toEqual(open.map((p) => p.id).reverse());
    const fish = await succeed(
      listPlans(kit.deps)(owner, { category: "fish", page: { limit: 10 } }),
    );
    expect(fish.items.map((v) => v.plan.category)).toEqual(["fish", "fish"]);
    expect(
      (await failWith(listPlans(kit.deps)(owner, { status: "draft", page: { limit: 10 } })))._tag,
    ).toBe("AUTH.FORBIDDEN");
    const mine = await succeed(
      listPlans(kit.deps)(kit.producer, {
        producerId: kit.producer.id,
        status: "draft",
        page: { limit: 10 },
      }),
    );
    expect(mine.items.map((v) => v.plan.id)).toEqual([draft.id]);
    const all = await succeed(listPlans(kit.deps)(kit.admin, { page: { limit: 50 } }));
    expect(all.items).toHaveLength(6);
    const first = await succeed(listPlans(kit.deps)(owner, { page: { limit: 2 } }));
    const bad = await failWith(
      listPlans(kit.deps)(owner, {
        page: { limit: 2, cursor: tamper(first.nextCursor as string) },
      }),
    );
    expect(bad._tag).toBe("PAGINATION.INVALID_CURSOR");
  });
});

describe("quoteShares", () => {
  it("prices shares as a reservation would now, tiers and shipping included, without holding anything", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan({
      pricing: {
        basePriceYen: 5000,
        tiers: [{ kind: "firstShares", count: 1, priceYen: 4000 }],
        shippingSurchargeYen: { kanto: 800 },
      },
    });
    const quote = await succeed(
      quoteShares(kit.deps)(kit.owner(1), { planId: plan.id, shares: 2, shippingRegion: "kanto" }),
    );
    expect(quote).toMatchObject({ sharesYen: 9000, shippingYen: 1600, totalYen: 10_600 });
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    expect(
      (
        await failWith(
          quoteShares(kit.deps)(kit.owner(1), {
            planId: plan.id,
            shares: 2,
            shippingRegion: "mars",
          }),
        )
      )._tag,
    ).toBe("PRICING.UNKNOWN_REGION");
    expect(
      (
        await failWith(
          quoteShares(kit.deps)(kit.owner(1), {
            planId: plan.id,
            shares: 0,
            shippingRegion: "kanto",
          }),
        )
      )._tag,
    ).toBe("RESERVATION.INVALID_SHARES");
  });
});

describe("listMyOwnerships", () => {
  it("lists the caller's ownerships newest first, nobody else's; owners only", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const reserve = (owner: number, key: string) =>
      succeed(
        reserveShares(kit.deps)(kit.owner(owner), {
          planId: plan.id,
          shares: 1,
          shippingRegion: "kanto",
          idempotencyKey: key,
        }),
      );
    const a = await reserve(1, "a");
    kit.clock.set(addMillis(kit.clock.now(), 1000));
    const b = await reserve(1, "b");
    await reserve(2, "c");
    const mine = await collectPages(
      (page) => listMyOwnerships(kit.deps)(kit.owner(1), { page }),
      1,
    );
    expect(mine.items.map((o) => o.id)).toEqual([b.ownership.id, a.ownership.id]);
    expect(
      (await failWith(listMyOwnerships(kit.deps)(kit.producer, { page: { limit: 10 } })))._tag,
    ).toBe("AUTH.FORBIDDEN");
  });
});
