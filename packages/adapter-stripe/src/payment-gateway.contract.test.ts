import { makeIdGenerator, systemClock } from "@owners/adapter-local";
import type { SignedWebhook } from "@owners/app";
import { describePaymentGatewayContract } from "@owners/app/testing";
import type { ProducerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import Stripe from "stripe";
import { makeLocalPaymentProcessor } from "./local/local-processor.ts";
import type { Json } from "./local/stripe-book.ts";
import { makeStripeClient } from "./stripe-client.ts";
import { makeStripePaymentGateway } from "./stripe-payment-gateway.ts";
import { startFakeStripe } from "./testing/fake-stripe-server.ts";

const SECRET = "whsec_contract_test_secret";

const signed = (event: Json | undefined): SignedWebhook => {
  if (event === undefined) throw new Error("no event");
  const rawBody = JSON.stringify(event);
  return {
    rawBody,
    signature: Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: SECRET }),
  };
};

describePaymentGatewayContract("Stripe adapter on a fake Stripe API", async () => {
  const server = await startFakeStripe();
  const stripe = makeStripeClient({
    secretKey: "sk_test_contract",
    host: server.host,
    port: server.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const account = server.book.createAccount({ producerId: "prod_contract" });
  return {
    gateway: makeStripePaymentGateway({ stripe, webhookSecret: SECRET, clock: systemClock }),
    settle: async (paymentId, outcome) => {
      const events = server.settle(paymentId, outcome);
      return signed(events.at(-1) ?? server.book.stateEvent(paymentId));
    },
    destinationAccountId: String(account.id),
    signsBody: true,
    now: () => systemClock.now(),
    cleanup: () => server.close(),
  };
});

describePaymentGatewayContract("local processor", async () => {
  const delivered: SignedWebhook[] = [];
  const processor = makeLocalPaymentProcessor({
    webhookSecret: SECRET,
    checkoutBaseUrl: "http://localhost:5173",
    clock: systemClock,
    ids: makeIdGenerator(),
    deliver: async (webhook) => {
      delivered.push(webhook);
    },
  });
  const account = await processor.createAccount("prod_contract" as ProducerId)();
  if (E.isLeft(account)) throw new Error("no account");
  return {
    gateway: processor,
    settle: async (paymentId, outcome) => {
      const webhook = await processor.settle(paymentId, outcome)();
      if (E.isLeft(webhook)) throw new Error(webhook.left.message);
      return webhook.right;
    },
    destinationAccountId: account.right.accountId,
    signsBody: true,
    now: () => systemClock.now(),
    cleanup: async () => {},
  };
});
