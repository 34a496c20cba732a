import { makeIdGenerator, makeManualClock } from "@owners/adapter-local";
import { makeLocalPaymentProcessor } from "@owners/adapter-stripe/local";
import type { SignedWebhook } from "@owners/app";
import type { PlanId } from "@owners/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { makeHarness, openPlan, reserveUnpaid, T0 } from "./testing/harness.ts";

/**
 * A fuzz of POST /webhooks/payments with the local processor, whose events are Stripe events
 * signed by Stripe's own library (so a tampered body really fails verification): every payment
 * is settled by a script the processor allows, its webhooks are delivered shuffled, repeated, and
 * mixed with forged deliveries. Forged ones answer 400 and change nothing; whatever the order, the
 * end state is the one the processor's final word implies, and nothing is charged twice.
 */

const SECRET = "whsec_webhook_fuzz_0123456789abcdef";
const WEBHOOK = "/api/webhooks/payments";

/** What the owner does at the checkout, in order (the processor only moves forward). */
const SCRIPTS = [
  ["succeeded"],
  ["failed"],
  ["expired"],
  ["pending", "succeeded"],
  ["pending", "failed"],
] as const;
type Script = (typeof SCRIPTS)[number];
const finalWord = (script: Script) => script[script.length - 1];

/** "none": the genuine delivery; "unsigned": no Stripe-Signature header at all. */
type Forgery = "none" | "unsigned" | "garbage" | "other-secret" | "stale" | "tampered";
const FORGERIES: readonly Forgery[] = [
  "none",
  "unsigned",
  "garbage",
  "other-secret",
  "stale",
  "tampered",
];

const forge = (webhook: SignedWebhook, how: Forgery): { body: string; signature?: string } => {
  const sign = (payload: string, secret: string, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      ...(timestamp === undefined ? {} : { timestamp }),
    });
  switch (how) {
    case "none":
      return { body: webhook.rawBody, signature: webhook.signature };
    case "unsigned":
      return { body: webhook.rawBody };
    case "garbage":
      return { body: webhook.rawBody, signature: "t=1,v1=deadbeef" };
    case "other-secret":
      return { body: webhook.rawBody, signature: sign(webhook.rawBody, "whsec_someone_else") };
    case "stale":
      return {
        body: webhook.rawBody,
        signature: sign(webhook.rawBody, SECRET, Math.floor(Date.now() / 1000) - 3600),
      };
    case "tampered":
      // The genuine signature over a body that says something else.
      return {
        body: webhook.rawBody.replace(/"(succeeded|failed|expired|paid|unpaid)"/, '"complete"'),
        signature: webhook.signature,
      };
  }
};

const setUp = async () => {
  const clock = makeManualClock(T0);
  const processor = makeLocalPaymentProcessor({
    webhookSecret: SECRET,
    checkoutBaseUrl: "http://localhost:5173",
    clock,
    ids: makeIdGenerator(),
    deliver: async () => {},
  });
  const h = makeHarness({
    ports: { clock, payments: processor, paymentSimulator: processor, payoutAccounts: processor },
  });
  const planId = await openPlan(h, "producer-a", { totalShares: 10, maxSharesPerOwner: 3 });
  return { h, planId: planId as PlanId, processor };
};

const state = async (h: Awaited<ReturnType<typeof setUp>>["h"], planId: PlanId) => {
  const read = async <A>(task: () => Promise<E.Either<unknown, A>>) => {
    const result = await task();
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    return result.right;
  };
  return JSON.stringify({
    plan: await read(h.ports.plans.get(planId)),
    ownerships: await read(h.ports.ownerships.listByPlan(planId, { limit: 100 })),
    ledger: await read(h.ports.ledger.listByPlan(planId)),
  });
};

describe("fuzz: the payment webhook", () => {
  it("refuses forgeries unchanged and ends where the processor's last word says, in any order", async () => {
    const delivery = fc.record({
      pick: fc.nat(),
      forgery: fc.constantFrom(...FORGERIES, "none", "none"),
      // Genuine ones are also repeated: processors deliver at least once.
      repeat: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...SCRIPTS), { minLength: 3, maxLength: 3 }),
        fc.array(delivery, { maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        async (scripts, extra, shuffle) => {
          const { h, planId, processor } = await setUp();
          const owners = ["o1", "o2", "o3"];
          const reserved: { id: string; totalYen: number; payment: { id: string } }[] = [];
          for (const [i, owner] of owners.entries()) {
            const r = await reserveUnpaid(h, planId, owner, i + 1);
            expect(r.status).toBe(201);
            reserved.push(r.body as { id: string; totalYen: number; payment: { id: string } });
          }
          // Every webhook the scripts make, each to be delivered at least once.
          const webhooks: SignedWebhook[] = [];
          for (const [i, script] of scripts.entries())
            for (const outcome of script) {
              const signed = await processor.settle(reserved[i]?.payment.id ?? "", outcome)();
              if (E.isLeft(signed)) throw new Error(signed.left.message);
              webhooks.push(signed.right);
            }
          const order = [...webhooks.keys()].sort(() => (shuffle.next().value % 3) - 1);
          const plan = [
            ...order.map((pick) => ({ pick, forgery: "none" as Forgery, repeat: false })),
            ...extra,
          ];
          for (const d of plan) {
            const webhook = webhooks[d.pick % webhooks.length] as SignedWebhook;
            const sent = forge(webhook, d.forgery);
            const before = d.forgery === "none" ? "" : await state(h, planId);
            const post = () =>
              h.app.request(WEBHOOK, {
                method: "POST",
                headers: {
                  "content-type": "application/json",
                  ...(sent.signature === undefined ? {} : { "stripe-signature": sent.signature }),
                },
                body: sent.body,
              });
            const answer = await post();
            if (d.forgery === "none") {
              expect(answer.status).toBe(200);
              if (d.repeat) expect((await post()).status).toBe(200);
            } else {
              expect(answer.status).toBe(400);
              expect(answer.headers.get("content-type")).toBe("application/problem+json");
              expect(await state(h, planId)).toBe(before);
            }
          }

          const ownerships = JSON.parse(await state(h, planId)) as {
            plan: { value: { sharesSold: number } };
            ownerships: { items: { id: string; shares: number; status: string }[] };
            ledger: { kind: string; reason: string; amountYen: number }[];
          };
          let paidYen = 0;
          let heldShares = 0;
          for (const [i, script] of scripts.entries()) {
            const mine = ownerships.ownerships.items.find((o) => o.id === reserved[i]?.id);
            const paid = finalWord(script) === "succeeded";
            expect(mine?.status).toBe(paid ? "active" : "payment_failed");
            if (paid) {
              paidYen += reserved[i]?.totalYen ?? 0;
              heldShares += mine?.shares ?? 0;
            }
          }
          const charged = ownerships.ledger
            .filter((e) => e.kind === "charge")
            .reduce((sum, e) => sum + e.amountYen, 0);
          expect(charged).toBe(paidYen);
          expect(ownerships.plan.value.sharesSold).toBe(heldShares);
        },
      ),
      { numRuns: 40 },
    );
  });
});
