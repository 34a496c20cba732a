import { checkBalanced, instant, type Ownership, ownerId, planId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import { closePlan } from "../plans/close-plan.ts";
import { editPlan } from "../plans/edit-plan.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { RESERVATION_TIMES } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { reserveShares } from "./reserve-shares.ts";

const kitWithPlan = async (terms = {}) => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan(terms);
  const reserve = reserveShares(kit.deps);
  const ask = (owner: string | number, shares: number, key: string, shippingRegion = "kanto") =>
    reserve(kit.owner(owner), { planId: plan.id, shares, shippingRegion, idempotencyKey: key });
  return { kit, plan, reserve, ask };
};

describe("reserveShares", () => {
  it("holds the shares unpaid at the quoted price with a checkout; the charge is booked when paid", async () => {
    const { kit, plan, ask } = await kitWithPlan();
    const { ownership, replayed } = await succeed(ask(1, 2, "key-1"));
    expect(replayed).toBe(false);
    expect(ownership).toMatchObject({
      planId: plan.id,
      ownerId: "owner_1",
      shares: 2,
      status: "pending_payment",
      holdExpiresAt: "2026-06-10T00:30:00.000Z",
      payment: {
        status: "pending",
        expiresAt: "2026-06-10T00:30:00.000Z",
        amountYen: 11_600,
        checkoutUrl: expect.stringContaining(ownership.payment?.id ?? "?"),
      },
    });
    expect(ownership.quote).toMatchObject({
      sharesYen: 10_000,
      shippingYen: 1_600,
      totalYen: 11_600,
      feeYen: 1_160,
    });
    // The held shares count as sold and against the cap, but the owner does not own them yet.
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 2 } });
    expect(await succeed(kit.deps.ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(2);
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(
      0,
    );
    expect(kit.payments.checkouts().map((c) => c.request)).toEqual([
      expect.objectContaining({
        idempotencyKey: `checkout:${ownership.id}:11600:2026-06-10T00:30:00.000Z`,
        ownershipId: ownership.id,
        amountYen: 11_600,
        applicationFeeYen: 1_160,
        expiresAt: "2026-06-10T00:30:00.000Z",
      }),
    ]);
    expect(await succeed(kit.deps.ledger.listByPlan(plan.id))).toEqual([]);

    const paid = await kit.pay(ownership);
    expect(paid).toMatchObject({ status: "active", payment: { status: "succeeded" } });
    expect(paid.payment?.paymentIntentId).toBeDefined();
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(
      2,
    );
    const ledger = await succeed(kit.deps.ledger.listByPlan(plan.id));
    expect(E.isRight(checkBalanced(ledger))).toBe(true);
    expect(ledger.map((e) => [e.kind, e.amountYen]).sort()).toEqual([
      ["charge", 11_600],
      ["fee", 1_160],
      ["payout", 10_440],
    ]);
    const audit = await succeed(kit.deps.audit.listBySubject("ownership", ownership.id));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["ownership.reserved", "ownership.paid", "money.charged"]),
    );
  });

  it("needs no checkout for a free quote: active at once, with its (zero) charge booked", async () => {
    const { kit, plan, ask } = await kitWithPlan({
      pricing: { basePriceYen: 0, tiers: [], shippingSurchargeYen: { kanto: 0 } },
    });
    const { ownership } = await succeed(ask(1, 1, "free"));
    expect(ownership.status).toBe("active");
    expect(ownership.payment).toBeUndefined();
    expect(kit.payments.checkouts()).toEqual([]);
    expect(await succeed(kit.deps.ownerships.ownerActiveShares(plan.id, ownerId("owner_1")))).toBe(
      1,
    );
  });

  it("is for owners only (AUTH.FORBIDDEN for producers and admins)", async () => {
    const { kit, plan, reserve } = await kitWithPlan();
    for (const actor of [kit.producer, kit.admin]) {
      const error = await failWith(
        reserve(actor, {
          planId: plan.id,
          shares: 1,
          shippingRegion: "kanto",
          idempotencyKey: "k",
        }),
      );
      expect(error._tag).toBe("AUTH.FORBIDDEN");
    }
  });

  it("requires a well-formed idempotency key (VALIDATION.INVALID)", async () => {
    const { kit, plan, reserve } = await kitWithPlan();
    for (const idempotencyKey of [undefined, "", "has space", "x".repeat(129)]) {
      const error = await failWith(
        reserve(kit.owner(1), {
          planId: plan.id,
          shares: 1,
          shippingRegion: "kanto",
          idempotencyKey,
        }),
      );
      expect(error).toMatchObject({
        _tag: "VALIDATION.INVALID",
        details: { field: "idempotencyKey" },
      });
    }
    expect(kit.payments.movements()).toEqual([]);
  });

  it("refuses an unknown plan (PLAN.NOT_FOUND), invalid shares and an unknown region", async () => {
    const { kit, ask, reserve } = await kitWithPlan();
    const missing = await failWith(
      reserve(kit.owner(1), {
        planId: planId("plan_nope"),
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k",
      }),
    );
    expect(missing._tag).toBe("PLAN.NOT_FOUND");
    for (const shares of [0, -1, 1.5])
      expect((await failWith(ask(1, shares, `k${shares}`)))._tag).toBe(
        "RESERVATION.INVALID_SHARES",
      );
    expect((await failWith(ask(1, 1, "k-region", "mars")))._tag).toBe("PRICING.UNKNOWN_REGION");
    expect(kit.payments.movements()).toEqual([]);
  });

  it("refuses outside the sales window and on a plan that is not open (PLAN.NOT_OPEN)", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan({}, "2026-05-20T00:00:00.000Z");
    const other = await kit.givenOpenPlan({}, "2026-05-20T00:00:00.000Z");
    const reserve = reserveShares(kit.deps);
    const ask = (key: string) =>
      reserve(kit.owner(1), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: key,
      });
    expect((await failWith(ask("early")))._tag).toBe("PLAN.NOT_OPEN");
    kit.clock.set(RESERVATION_TIMES.closes);
    expect((await failWith(ask("late")))._tag).toBe("PLAN.NOT_OPEN");
    await succeed(closePlan(kit.deps)(kit.producer, { planId: other.id }));
    const closed = await failWith(
      reserve(kit.owner(1), {
        planId: other.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "closed",
      }),
    );
    expect(closed._tag).toBe("PLAN.NOT_OPEN");
  });

  it("never sells more than the plan has (PLAN.SOLD_OUT, with what is left)", async () => {
    const { kit, plan, ask } = await kitWithPlan({ totalShares: 5, maxSharesPerOwner: 3 });
    await succeed(ask(1, 3, "a"));
    const error = await failWith(ask(2, 3, "b"));
    expect(error).toMatchObject({ _tag: "PLAN.SOLD_OUT", details: { remaining: 2, requested: 3 } });
    await succeed(ask(2, 2, "c"));
    expect((await failWith(ask(3, 1, "d")))._tag).toBe("PLAN.SOLD_OUT");
    const stored = await succeed(kit.deps.plans.get(plan.id));
    expect(stored).toMatchObject({ value: { sharesSold: 5 } });
    expect(kit.payments.checkouts()).toHaveLength(2);
  });

  it("never sells an owner more than the per-owner maximum, across reservations (PLAN.OWNER_LIMIT)", async () => {
    const { kit, plan, ask } = await kitWithPlan({ maxSharesPerOwner: 3 });
    await succeed(ask(1, 2, "a"));
    const error = await failWith(ask(1, 2, "b"));
    expect(error).toMatchObject({
      _tag: "PLAN.OWNER_LIMIT",
      details: { ownerActiveShares: 2, remainingForOwner: 1 },
    });
    expect((await failWith(ask(2, 4, "c")))._tag).toBe("PLAN.OWNER_LIMIT");
    await succeed(ask(1, 1, "d"));
    // Only the two holds record a checkout (a refused one's is left unused to lapse).
    const held = await succeed(kit.deps.ownerships.listByPlan(plan.id, { limit: 100 }));
    expect(held.items.filter((o) => o.payment !== undefined)).toHaveLength(2);
  });

  it("answers a repeated key and body with the first result and checkout, even once sold out or closed", async () => {
    const { kit, plan, ask } = await kitWithPlan({ totalShares: 3 });
    const first = await succeed(ask(1, 2, "same"));
    const again = await succeed(ask(1, 2, "same"));
    expect(again).toEqual({ ownership: first.ownership, replayed: true });
    await succeed(ask(2, 1, "other"));
    expect(await succeed(ask(1, 2, "same"))).toEqual({
      ownership: first.ownership,
      replayed: true,
    });
    await succeed(closePlan(kit.deps)(kit.producer, { planId: plan.id }));
    expect((await succeed(ask(1, 2, "same"))).ownership).toEqual(first.ownership);
    const checkouts = kit.payments
      .checkouts()
      .filter((c) => c.request.ownershipId === first.ownership.id);
    expect(checkouts).toHaveLength(1);
  });

  it("answers a repeat sent a moment later with the first hold, at a processor that refuses a key reused with other parameters", async () => {
    const { kit, plan } = await kitWithPlan();
    // As Stripe does: an idempotency key names one set of parameters.
    const asked = new Map<string, string>();
    const strict: typeof kit.deps.payments = {
      ...kit.deps.payments,
      startCheckout: (request) => {
        const params = JSON.stringify(request);
        const first = asked.get(request.idempotencyKey);
        if (first !== undefined && first !== params)
          return TE.left(
            appError("PAYMENT.DECLINED", "idempotency key reused with other parameters"),
          );
        asked.set(request.idempotencyKey, params);
        return kit.deps.payments.startCheckout(request);
      },
    };
    const ask = () =>
      reserveShares({ ...kit.deps, payments: strict })(kit.owner(1), {
        planId: plan.id,
        shares: 2,
        shippingRegion: "kanto",
        idempotencyKey: "resent",
      });
    const first = await succeed(ask());
    kit.clock.advance(1_500);
    expect(await succeed(ask())).toEqual({ ownership: first.ownership, replayed: true });
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 2 } });
  });

  it("refuses the same key with a different body (RESERVATION.IDEMPOTENCY_MISMATCH) and writes nothing", async () => {
    const { kit, plan, ask } = await kitWithPlan();
    await succeed(ask(1, 1, "k"));
    expect(await failWith(ask(1, 2, "k"))).toMatchObject({
      _tag: "RESERVATION.IDEMPOTENCY_MISMATCH",
      details: { fields: ["shares"] },
    });
    expect((await failWith(ask(1, 1, "k", "kansai")))._tag).toBe(
      "RESERVATION.IDEMPOTENCY_MISMATCH",
    );
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 1 } });
    // Another owner's identical key is another reservation altogether.
    expect((await succeed(ask(2, 2, "k"))).replayed).toBe(false);
  });

  it("concurrent repeats of one key produce one ownership and one checkout", async () => {
    const { kit, plan, ask } = await kitWithPlan();
    const results = await Promise.all(Array.from({ length: 6 }, () => ask(1, 2, "burst")()));
    const ids = new Set(results.map((r) => (E.isRight(r) ? r.right.ownership.id : r.left._tag)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => E.isRight(r) && !r.right.replayed)).toHaveLength(1);
    expect(kit.payments.checkouts()).toHaveLength(1);
    const payments = new Set(
      results.map((r) => (E.isRight(r) ? r.right.ownership.payment?.id : "")),
    );
    expect(payments.size).toBe(1);
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 2 } });
  });

  it("prices first-N shares by real sale order under concurrency (re-quotes when the count moved)", async () => {
    const { ask } = await kitWithPlan({
      pricing: {
        basePriceYen: 5000,
        tiers: [{ kind: "firstShares", count: 3, priceYen: 4000 }],
        shippingSurchargeYen: { kanto: 0 },
      },
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => ask(n, 2, `k${n}`)()));
    const owned = results
      .map((r) => (E.isRight(r) ? r.right.ownership : undefined))
      .filter((o): o is Ownership => o !== undefined);
    expect(owned).toHaveLength(4);
    const sharesYen = owned.map((o) => o.quote.sharesYen).sort();
    // 8 shares sold in order: 3 at 4000, 5 at 5000, whoever raced whom.
    expect(sharesYen.reduce((a, b) => a + b, 0)).toBe(3 * 4000 + 5 * 5000);
    // Each hold's checkout asks its own locked price.
    const asked = owned.reduce((sum, o) => sum + (o.payment?.amountYen ?? 0), 0);
    expect(asked).toBe(3 * 4000 + 5 * 5000);
  });

  it("releases the shares when the payment fails or expires; a repeat opens no new checkout", async () => {
    for (const outcome of ["failed", "expired"] as const) {
      const { kit, plan, ask } = await kitWithPlan({ totalShares: 2, maxSharesPerOwner: 2 });
      const { ownership } = await succeed(ask(1, 2, "k"));
      const failed = await kit.pay(ownership, outcome);
      expect(failed).toMatchObject({ status: "payment_failed", payment: { status: outcome } });
      expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({
        value: { sharesSold: 0 },
      });
      expect(await succeed(kit.deps.ownerships.ownerHeldShares(plan.id, ownerId("owner_1")))).toBe(
        0,
      );
      // Nothing was charged, so nothing is on the books.
      expect(await succeed(kit.deps.ledger.listByPlan(plan.id))).toEqual([]);
      const repeat = await succeed(ask(1, 2, "k"));
      expect(repeat).toMatchObject({ replayed: true, ownership: { status: "payment_failed" } });
      expect(kit.payments.checkouts()).toHaveLength(1);
      await succeed(ask(2, 2, "k2"));
    }
  });

  it("holds nothing while the processor is down; the same key later reserves with one checkout", async () => {
    const { kit, plan, ask } = await kitWithPlan();
    kit.payments.setAvailable(false);
    expect((await failWith(ask(1, 1, "k")))._tag).toBe("PAYMENT.UNAVAILABLE");
    // The checkout is opened before the hold is written: no shares are held for nobody.
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
    kit.payments.setAvailable(true);
    const retried = await succeed(ask(1, 1, "k"));
    expect(retried).toMatchObject({ replayed: false, ownership: { status: "pending_payment" } });
    expect(retried.ownership.payment?.checkoutUrl).toBeDefined();
    expect(await succeed(ask(1, 1, "k"))).toEqual({ ...retried, replayed: true });
    expect(kit.payments.checkouts()).toHaveLength(1);
  });

  it("locks the price: a later price change touches neither the ownership nor its repeats", async () => {
    const { kit, plan, ask } = await kitWithPlan();
    const first = await succeed(ask(1, 1, "k"));
    await succeed(
      editPlan(kit.deps)(kit.producer, {
        planId: plan.id,
        patch: { pricing: { basePriceYen: 9000, tiers: [], shippingSurchargeYen: { kanto: 800 } } },
      }),
    );
    expect((await succeed(ask(1, 1, "k"))).ownership.quote).toEqual(first.ownership.quote);
    expect((await succeed(ask(2, 1, "k2"))).ownership.quote.sharesYen).toBe(9000);
  });

  it("lets returning owners buy in early access, and no one else", async () => {
    const kit = makeReservationKit();
    const earlier = await kit.givenOpenPlan();
    const fan = await succeed(
      reserveShares(kit.deps)(kit.owner("fan"), {
        planId: earlier.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k",
      }),
    );
    // An unpaid hold does not make a returning owner; a paid one does.
    const unpaid = await succeed(
      reserveShares(kit.deps)(kit.owner("unpaid"), {
        planId: earlier.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k",
      }),
    );
    expect(unpaid.ownership.status).toBe("pending_payment");
    await kit.pay(fan.ownership);
    kit.clock.set("2026-06-11T00:00:00.000Z");
    const next = await kit.givenOpenPlan(
      {
        salesWindow: {
          opensAt: "2026-06-20T00:00:00.000Z",
          closesAt: "2026-07-01T00:00:00.000Z",
          returningOwnersOpenAt: "2026-06-12T00:00:00.000Z",
        },
        cancellationDeadline: "2026-06-25T00:00:00.000Z",
      },
      "2026-06-13T00:00:00.000Z",
    );
    const ask = (who: string) =>
      reserveShares(kit.deps)(kit.owner(who), {
        planId: next.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: `k-${who}`,
      });
    expect((await succeed(ask("fan"))).ownership.reservedAt).toBe(
      instant("2026-06-13T00:00:00.000Z"),
    );
    expect((await failWith(ask("stranger")))._tag).toBe("PLAN.NOT_OPEN");
    expect((await failWith(ask("unpaid")))._tag).toBe("PLAN.NOT_OPEN");
    kit.clock.set("2026-06-20T00:00:00.000Z");
    await succeed(ask("stranger"));
  });
});
