import { MEMORY_WEBHOOK_SIGNATURE } from "@owners/adapter-memory";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, reserve } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const LUNCH = {
  title: "収穫ランチ",
  startsAt: "2026-06-20T01:00:00.000Z",
  capacity: 4,
  location: "農園の門",
  priceYenPerSeat: 3_500,
};

describe("paid experiences over HTTP", () => {
  it("hold seats for checkout, confirm them on the processor's webhook and refund a cancel", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    await reserve(h, planId, "o1", 1);
    const created = await h.call("POST", `/plans/${planId}/experiences`, {
      body: LUNCH,
      as: PRODUCER,
    });
    expect(created).toMatchObject({ status: 201, body: { priceYenPerSeat: 3_500 } });
    const experienceId = created.body.id as string;

    const booked = await h.call("POST", `/experiences/${experienceId}/bookings`, {
      body: { seats: 2 },
      as: ["o1", "owner"],
      headers: { "idempotency-key": "lunch-1" },
    });
    expect(booked).toMatchObject({
      status: 201,
      body: {
        status: "pending_payment",
        amountYen: 7_000,
        payment: { status: "pending", checkoutUrl: expect.any(String), refunded: false },
        seatsLeft: 2,
      },
    });
    const checkout = h.ports.payments
      .checkouts()
      .find((c) => c.request.bookingId === booked.body.id);
    expect(checkout?.request.amountYen).toBe(7_000);

    // The processor's signed webhook confirms the seats.
    const event = h.ports.payments.settleCheckout(
      checkout?.paymentId ?? "",
      "succeeded",
      h.clock.now(),
    );
    if (event._tag === "Left") throw new Error(event.left.message);
    const delivered = await h.app.request("/api/webhooks/payments", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": MEMORY_WEBHOOK_SIGNATURE },
      body: JSON.stringify(event.right),
    });
    expect(delivered.status).toBe(200);
    const mine = await h.call("GET", "/me/bookings", { as: ["o1", "owner"] });
    expect(mine.body.bookings[0]).toMatchObject({
      bookingId: booked.body.id,
      status: "active",
      amountYen: 7_000,
      payment: { status: "succeeded", refunded: false },
    });
    expect(mine.body.bookings[0].payment.checkoutUrl).toBeUndefined();
    const producerView = await h.call("GET", `/experiences/${experienceId}/bookings`, {
      as: PRODUCER,
    });
    expect(producerView.body.bookings[0]).toMatchObject({ status: "active", amountYen: 7_000 });

    // Cancelled by its owner: the money goes back in full before the seats do.
    const cancelled = await h.call(
      "DELETE",
      `/experiences/${experienceId}/bookings/${booked.body.id}`,
      {
        as: ["o1", "owner"],
      },
    );
    expect(cancelled).toMatchObject({
      status: 200,
      body: { status: "cancelled", payment: { refunded: true }, seatsLeft: 4 },
    });
    expect(
      h.ports.payments
        .movements()
        .filter((m) => m.kind === "refund")
        .map((m) => m.amountYen),
    ).toEqual([7_000]);
  });

  it("refuses a seat price that is not whole yen from 0 to 100,000", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    for (const priceYenPerSeat of [-1, 12.5, 100_001, "3000"])
      expectProblem(
        await h.call("POST", `/plans/${planId}/experiences`, {
          body: { ...LUNCH, priceYenPerSeat },
          as: PRODUCER,
        }),
        400,
        "VALIDATION.INVALID",
      );
  });
});
