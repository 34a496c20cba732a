import { makeIdGenerator, systemClock } from "@owners/adapter-local";
import { makeLocalPaymentProcessor } from "@owners/adapter-stripe/local";
import type { PaymentEvent, SignedWebhook } from "@owners/app";
import { succeed } from "@owners/app/testing";
import { addMillis, type OwnerId, type OwnershipId, type PlanId, type Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { checkoutPages } from "./checkout-page.ts";
import { listen, type RunningHttpServer } from "./http-server.ts";
import { LOCAL_WEBHOOK_SECRET } from "./payment-processor.ts";
import { deliverOverHttp, WEBHOOK_PATH } from "./webhook-delivery.ts";

let api: RunningHttpServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** An API stand-in on a real port: verifies each webhook as the API's route does and keeps it. */
const startApi = async (status = 200) => {
  const received: { signature: string | undefined; event: PaymentEvent | string }[] = [];
  const app = new Hono();
  let verify: (
    body: string,
    signature: string | undefined,
  ) => E.Either<{ _tag: string }, PaymentEvent> = () => E.left({ _tag: "unset" });
  app.post(WEBHOOK_PATH, async (c) => {
    const signature = c.req.header("stripe-signature");
    const event = verify(await c.req.text(), signature);
    received.push({ signature, event: E.isRight(event) ? event.right : event.left._tag });
    return c.json({ received: true }, status as 200);
  });
  api = await listen(app.fetch, 0);
  const url = api.url;
  const processor = makeLocalPaymentProcessor({
    webhookSecret: LOCAL_WEBHOOK_SECRET,
    checkoutBaseUrl: "http://localhost:5173",
    clock: systemClock,
    ids: makeIdGenerator(),
    deliver: deliverOverHttp(() => url),
  });
  verify = processor.verifyEvent;
  return { processor, received, pages: checkoutPages(processor) };
};

const open = async (processor: ReturnType<typeof makeLocalPaymentProcessor>, description: string) =>
  succeed(
    processor.startCheckout({
      idempotencyKey: `k-${description}`,
      ownershipId: "own_1" as OwnershipId,
      planId: "plan_1" as PlanId,
      ownerId: "owner-1" as OwnerId,
      amountYen: 6_600 as Yen,
      applicationFeeYen: 660 as Yen,
      description,
      expiresAt: addMillis(systemClock.now(), 30 * 60 * 1000),
      returnUrl: "http://localhost:5173/me/harvest",
    }),
  );

const post = (pages: Hono, paymentId: string, form: Record<string, string>) =>
  pages.request(`/checkout/${paymentId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });

describe("the local checkout page", () => {
  it("shows the session escaped, and pays with 4242…: signed webhook to the API, then back", async () => {
    const { processor, received, pages } = await startApi();
    const session = await open(processor, `<script>alert("x")</script> figs`);
    const shown = await pages.request(`/checkout/${session.paymentId}`);
    const text = await shown.text();
    expect(shown.status).toBe(200);
    expect(text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; figs");
    expect(text).not.toContain("<script>");
    expect(text).toContain("¥6,600");

    const paid = await post(pages, session.paymentId, {
      method: "card",
      number: "4242 4242 4242 4242",
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("http://localhost:5173/me/harvest?checkout=success");
    expect(received).toHaveLength(1);
    expect(received[0]?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(received[0]?.event).toMatchObject({
      kind: "payment.succeeded",
      paymentId: session.paymentId,
    });
    expect(await (await pages.request(`/checkout/${session.paymentId}`)).text()).toContain(
      "closed",
    );
  });

  it("declines 4000…0002, keeps konbini pending, and asks again for other numbers", async () => {
    const { processor, received, pages } = await startApi();
    const card = await open(processor, "declined");
    const wrong = await post(pages, card.paymentId, { method: "card", number: "1111" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Use a test card");
    const declined = await post(pages, card.paymentId, {
      method: "card",
      number: "4000000000000002",
    });
    expect(declined.headers.get("location")).toBe(
      "http://localhost:5173/me/harvest?checkout=cancelled",
    );
    const konbini = await open(processor, "konbini");
    await post(pages, konbini.paymentId, { method: "konbini" });
    expect(await (await pages.request(`/checkout/${konbini.paymentId}`)).text()).toContain(
      "Paid at the store",
    );
    expect(received.map((r) => (r.event as PaymentEvent).kind)).toEqual([
      "payment.failed",
      "payment.pending",
    ]);
    expect((await pages.request("/checkout/cs_unknown")).status).toBe(200);
  });

  it("says so when the API refuses the webhook", async () => {
    const { processor, pages } = await startApi(400);
    const session = await open(processor, "refused");
    const answer = await post(pages, session.paymentId, {
      method: "card",
      number: "4242424242424242",
    });
    expect(answer.status).toBe(502);
    expect(await answer.text()).toContain("did not accept");
  });
});

describe("webhook delivery", () => {
  it("posts the raw body with the Stripe-Signature header", async () => {
    let seen: { body: string; signature: string | undefined } | undefined;
    const app = new Hono();
    app.post(WEBHOOK_PATH, async (c) => {
      seen = { body: await c.req.text(), signature: c.req.header("stripe-signature") };
      return c.body(null, 200);
    });
    api = await listen(app.fetch, 0);
    const url = api.url;
    const webhook: SignedWebhook = { rawBody: '{"id":"evt_1"}', signature: "t=1,v1=ab" };
    await deliverOverHttp(() => url)(webhook);
    expect(seen).toEqual({ body: '{"id":"evt_1"}', signature: "t=1,v1=ab" });
  });
});
