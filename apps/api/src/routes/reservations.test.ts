import { MEMORY_WEBHOOK_SIGNATURE } from "@owners/adapter-memory";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, reserve, reserveUnpaid } from "../testing/harness.ts";

const DAY = 86_400_000;

describe("POST /plans/{id}/reservations", () => {
  it("answers 201 with the hold and its checkout, the same body on a repeat; paid by the webhook", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { shippingSurchargeYen: { kanto: 500 } });
    const send = () =>
      h.call("POST", `/plans/${planId}/reservations`, {
        body: { shares: 2, shippingRegion: "kanto" },
        as: ["o1", "owner"],
        headers: { "idempotency-key": "key-1" },
      });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^own_/),
      shares: 2,
      unitPriceYen: 6800,
      shippingYen: 1000,
      totalYen: 14600,
      status: "pending_payment",
      payment: {
        id: expect.any(String),
        status: "pending",
        checkoutUrl: expect.any(String),
        expiresAt: "2026-05-01T00:30:00.000Z",
      },
    });
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(h.ports.payments.checkouts().map((c) => c.request.amountYen)).toEqual([14600]);
    const plan = await h.call("GET", `/plans/${planId}`);
    expect(plan.body).toMatchObject({ sharesSold: 2, sharesRemaining: 8 });

    // The processor's webhook: a forged one is refused and changes nothing, the signed one pays.
    const event = h.ports.payments.settleCheckout(
      first.body.payment.id,
      "succeeded",
      h.clock.now(),
    );
    if (event._tag === "Left") throw new Error(event.left.message);
    const post = (signature?: string) =>
      h.app.request("/api/webhooks/payments", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(signature === undefined ? {} : { "stripe-signature": signature }),
        },
        body: JSON.stringify(event.right),
      });
    const forged = await post("t=1,v1=forged");
    expect(forged.status).toBe(400);
    expect(forged.headers.get("content-type")).toBe("application/problem+json");
    expect(await forged.json()).toMatchObject({ code: "PAYMENT.BAD_SIGNATURE" });
    expect((await post()).status).toBe(400);
    const delivered = await post(MEMORY_WEBHOOK_SIGNATURE);
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toEqual({ received: true, duplicate: false });
    expect(await (await post(MEMORY_WEBHOOK_SIGNATURE)).json()).toEqual({
      received: true,
      duplicate: true,
    });
    const paid = await h.call("GET", "/me/ownerships", { as: ["o1", "owner"] });
    expect(paid.body.items[0]).toMatchObject({
      status: "active",
      payment: { status: "succeeded" },
    });
    expect(paid.body.items[0].payment.checkoutUrl).toBeUndefined();
  });

  it("defaults to a region the plan ships to when the plan's own region is not one (kyoto)", async () => {
    const h = makeHarness();
    // The plan's region says where the produce comes from; it is free text, not a shipping region.
    const everywhere = await openPlan(h, "producer-a", { region: "kyoto" });
    const first = await reserve(h, everywhere, "o1", 1);
    expect(first.status).toBe(201);
    // Every region at the flat surcharge: the first by name.
    expect(first.body).toMatchObject({ shippingRegion: "chubu", shippingYen: 0 });

    const priced = await openPlan(h, "producer-a", {
      region: "kyoto",
      shippingSurchargeYen: { kanto: 500, tohoku: 300, kyushu: 300 },
    });
    // The cheapest region it ships to (ties by name): never more than its lowest surcharge.
    expect((await reserve(h, priced, "o1", 1)).body).toMatchObject({
      shippingRegion: "kyushu",
      shippingYen: 300,
      totalYen: 7100,
    });
  });

  it("ships to the owner's saved region, else the plan's own region, when none is named", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", {
      shippingSurchargeYen: { kanto: 500, kinki: 300 },
    });
    expect((await reserve(h, planId, "o1", 1)).body.shippingRegion).toBe("kinki");
    await h.call("PUT", "/me/address", {
      body: {
        address: {
          recipientName: "山田 花子",
          postalCode: "150-0001",
          prefecture: "東京都",
          city: "渋谷区",
          line1: "神宮前1-2-3",
          phone: "03-1234-5678",
        },
        region: "kanto",
      },
      as: ["o2", "owner"],
    });
    expect((await reserve(h, planId, "o2", 1)).body).toMatchObject({
      shippingRegion: "kanto",
      totalYen: 7300,
    });
  });

  it("requires the Idempotency-Key header and refuses its reuse for another body", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    expectProblem(
      await h.call("POST", `/plans/${planId}/reservations`, {
        body: { shares: 1 },
        as: ["o1", "owner"],
      }),
      400,
      "VALIDATION.INVALID",
    );
    expectProblem(
      await h.call("POST", `/plans/${planId}/reservations`, {
        body: { shares: 1 },
        as: ["o1", "owner"],
        headers: { "idempotency-key": "with space" },
      }),
      400,
      "VALIDATION.INVALID",
    );
    await reserve(h, planId, "o1", 1, "same");
    expectProblem(
      await reserve(h, planId, "o1", 2, "same"),
      409,
      "RESERVATION.IDEMPOTENCY_MISMATCH",
    );
  });

  it("answers 409 PLAN.SOLD_OUT and PLAN.OWNER_LIMIT", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 4, maxSharesPerOwner: 3 });
    expect((await reserve(h, planId, "o1", 3)).status).toBe(201);
    expectProblem(await reserve(h, planId, "o1", 1, "more"), 409, "PLAN.OWNER_LIMIT");
    expect((await reserve(h, planId, "o2", 1)).status).toBe(201);
    expectProblem(await reserve(h, planId, "o3", 1), 409, "PLAN.SOLD_OUT");
  });

  it("answers 409 PLAN.NOT_OPEN on a closed plan, 404 on an unknown one, 403 to a producer", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    expectProblem(await reserve(h, "plan_nope", "o1", 1), 404, "PLAN.NOT_FOUND");
    const asProducer = await h.call("POST", `/plans/${planId}/reservations`, {
      body: { shares: 1, shippingRegion: "kanto" },
      as: ["producer-a", "producer"],
      headers: { "idempotency-key": "k" },
    });
    expectProblem(asProducer, 403, "AUTH.FORBIDDEN");
    await h.call("POST", `/plans/${planId}/close`, { as: ["producer-a", "producer"] });
    expectProblem(await reserve(h, planId, "o1", 1), 409, "PLAN.NOT_OPEN");
  });

  it("releases the shares when the payment fails; only the owner or an admin completes a checkout", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    const held = await reserveUnpaid(h, planId, "o1", 2);
    expect((await h.call("GET", `/plans/${planId}`)).body.sharesSold).toBe(2);
    const complete = (as: [string, "owner" | "admin" | "producer"], outcome = "failed") =>
      h.call("POST", `/dev/payments/${held.body.payment.id}/complete`, {
        body: { outcome },
        as,
      });
    expectProblem(await complete(["o2", "owner"]), 404, "OWNERSHIP.NOT_FOUND");
    expectProblem(await complete(["producer-a", "producer"]), 403, "AUTH.FORBIDDEN");
    expectProblem(await complete(["o1", "owner"], "maybe"), 400, "VALIDATION.INVALID");
    const failed = await complete(["o1", "owner"]);
    expect(failed).toMatchObject({
      status: 200,
      body: { id: held.body.id, status: "payment_failed", payment: { status: "failed" } },
    });
    expect((await h.call("GET", `/plans/${planId}`)).body.sharesSold).toBe(0);
    // An admin may complete any checkout (it changes nothing once the payment failed).
    expect((await complete(["root", "admin"], "succeeded")).body.status).toBe("payment_failed");
  });
});

describe("GET /me/ownerships and DELETE /ownerships/{id}", () => {
  it("lists only the caller's ownerships, a page at a time", async () => {
    const h = makeHarness();
    const a = await openPlan(h);
    const b = await openPlan(h);
    await reserve(h, a, "o1", 1);
    await reserve(h, b, "o1", 2);
    await reserve(h, a, "o2", 1);
    const page = await h.call("GET", "/me/ownerships?limit=1", { as: ["o1", "owner"] });
    expect(page.body.items).toHaveLength(1);
    const rest = await h.call(
      "GET",
      `/me/ownerships?limit=5&cursor=${encodeURIComponent(page.body.nextCursor)}`,
      {
        as: ["o1", "owner"],
      },
    );
    const mine = [...page.body.items, ...rest.body.items];
    expect(mine.map((o: { ownerId: string }) => o.ownerId)).toEqual(["o1", "o1"]);
    expectProblem(await h.call("GET", "/me/ownerships"), 401, "AUTH.UNAUTHENTICATED");
    expectProblem(
      await h.call("GET", "/me/ownerships", { as: ["producer-a", "producer"] }),
      403,
      "AUTH.FORBIDDEN",
    );
  });

  it("cancels before the deadline with a full refund; not someone else's, not twice, not late", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", {
      cancellationDeadline: "2026-05-10T00:00:00.000Z",
    });
    const mine = (await reserve(h, planId, "o1", 2)).body;
    const late = (await reserve(h, planId, "o2", 1)).body;
    expectProblem(
      await h.call("DELETE", `/ownerships/${mine.id}`, { as: ["o2", "owner"] }),
      403,
      "OWNERSHIP.NOT_OWNER",
    );
    const cancelled = await h.call("DELETE", `/ownerships/${mine.id}`, { as: ["o1", "owner"] });
    expect(cancelled.body).toMatchObject({ id: mine.id, status: "cancelled" });
    const money = await h.call("GET", `/plans/${planId}/money`, { as: ["producer-a", "producer"] });
    expect(money.body).toMatchObject({ chargedYen: 3 * 6800, refundedYen: 2 * 6800 });
    const moved = h.ports.payments.checkouts().reduce(
      (sum, c) => ({
        chargedYen: sum.chargedYen + (c.paymentIntentId === undefined ? 0 : c.request.amountYen),
        refundedYen: sum.refundedYen + c.refundedYen,
      }),
      { chargedYen: 0, refundedYen: 0 },
    );
    expect(moved).toEqual({ chargedYen: 3 * 6800, refundedYen: 2 * 6800 });
    expectProblem(
      await h.call("DELETE", `/ownerships/${mine.id}`, { as: ["o1", "owner"] }),
      409,
      "OWNERSHIP.NOT_ACTIVE",
    );
    h.clock.advance(10 * DAY);
    expectProblem(
      await h.call("DELETE", `/ownerships/${late.id}`, { as: ["o2", "owner"] }),
      409,
      "OWNERSHIP.CANCELLATION_CLOSED",
    );
    expectProblem(
      await h.call("DELETE", "/ownerships/own_nope", { as: ["o1", "owner"] }),
      404,
      "OWNERSHIP.NOT_FOUND",
    );
    expect((await h.call("GET", `/plans/${planId}`)).body.sharesSold).toBe(1);
  });
});

describe("waitlist", () => {
  it("joins a sold-out plan's line, is offered freed shares and accepts them once", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 2, maxSharesPerOwner: 2 });
    expectProblem(
      await h.call("POST", `/plans/${planId}/waitlist`, {
        body: { shares: 1 },
        as: ["o3", "owner"],
      }),
      409,
      "WAITLIST.NOT_SOLD_OUT",
    );
    const taken = (await reserve(h, planId, "o1", 2)).body;
    const place = await h.call("POST", `/plans/${planId}/waitlist`, {
      body: { shares: 1 },
      as: ["o3", "owner"],
    });
    expect(place).toMatchObject({ status: 201, body: { planId, shares: 1, position: 1 } });
    expectProblem(
      await h.call("POST", `/plans/${planId}/waitlist`, {
        body: { shares: 1 },
        as: ["o3", "owner"],
      }),
      409,
      "WAITLIST.ALREADY_WAITING",
    );
    await h.call("DELETE", `/ownerships/${taken.id}`, { as: ["o1", "owner"] });
    // The owner finds its offer (also notified) in its own list; nobody else sees it.
    const mine = await h.call("GET", "/me/waitlist-offers", { as: ["o3", "owner"] });
    expect(mine.status).toBe(200);
    const [offer] = mine.body.items as { id: string; planId: string; shares: number }[];
    expect(offer).toMatchObject({ planId, shares: 1 });
    expect(
      (await h.call("GET", "/me/waitlist-offers", { as: ["o1", "owner"] })).body.items,
    ).toEqual([]);
    const accept = () =>
      h.call("POST", `/plans/${planId}/waitlist/offers/${offer?.id}/accept`, {
        body: { shippingRegion: "kanto" },
        as: ["o3", "owner"],
      });
    const first = await accept();
    expect(first).toMatchObject({
      status: 201,
      body: { shares: 1, ownerId: "o3", status: "pending_payment" },
    });
    expect((await accept()).body).toEqual(first.body);
    expectProblem(
      await h.call("POST", `/plans/${planId}/waitlist/offers/offer_nope/accept`, {
        body: { shippingRegion: "kanto" },
        as: ["o3", "owner"],
      }),
      404,
      "WAITLIST.OFFER_NOT_FOUND",
    );
  });

  it("tells an owner its own place in line, then its offer", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 1, maxSharesPerOwner: 1 });
    const taken = (await reserve(h, planId, "o1", 1)).body;
    const mine = (owner: string) =>
      h.call("GET", `/plans/${planId}/waitlist/mine`, { as: [owner, "owner"] });
    expect(await mine("o2")).toMatchObject({
      status: 200,
      body: { status: "none", position: null, shares: null, joinedAt: null, offer: null },
    });
    for (const owner of ["o2", "o3"])
      await h.call("POST", `/plans/${planId}/waitlist`, {
        body: { shares: 1 },
        as: [owner, "owner"],
      });
    const o3 = await mine("o3");
    expect(o3).toMatchObject({
      status: 200,
      body: { status: "waiting", position: 2, shares: 1, offer: null },
    });
    expect(typeof o3.body.joinedAt).toBe("string");
    await h.call("DELETE", `/ownerships/${taken.id}`, { as: ["o1", "owner"] });
    expect((await mine("o2")).body).toMatchObject({
      status: "offered",
      position: null,
      shares: 1,
      offer: { planId, shares: 1, wantedShares: 1 },
    });
    expect((await mine("o3")).body).toMatchObject({ status: "waiting", position: 1 });
    expectProblem(
      await h.call("GET", "/plans/plan_nope/waitlist/mine", { as: ["o2", "owner"] }),
      404,
      "PLAN.NOT_FOUND",
    );
    expectProblem(
      await h.call("GET", `/plans/${planId}/waitlist/mine?x=1`, { as: ["o2", "owner"] }),
      400,
      "VALIDATION.INVALID",
    );
  });

  it("leaves the line once; only owners wait", async () => {
    const h = makeHarness();
    const planId = await openPlan(h, "producer-a", { totalShares: 1, maxSharesPerOwner: 1 });
    await reserve(h, planId, "o1", 1);
    await h.call("POST", `/plans/${planId}/waitlist`, { body: { shares: 1 }, as: ["o2", "owner"] });
    expect(
      await h.call("DELETE", `/plans/${planId}/waitlist`, { as: ["o2", "owner"] }),
    ).toMatchObject({
      status: 200,
      body: { planId, left: true },
    });
    expectProblem(
      await h.call("DELETE", `/plans/${planId}/waitlist`, { as: ["o2", "owner"] }),
      409,
      "WAITLIST.NOT_WAITING",
    );
    expectProblem(
      await h.call("POST", `/plans/${planId}/waitlist`, {
        body: { shares: 1 },
        as: ["producer-a", "producer"],
      }),
      403,
      "AUTH.FORBIDDEN",
    );
  });
});
