import type { SignedWebhook } from "@owners/app";
import { describePaymentGatewayContract } from "@owners/app/testing";
import { instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { makeMemoryPaymentGateway } from "./payment-gateway.ts";

describePaymentGatewayContract("memory gateway", async () => {
  const gateway = makeMemoryPaymentGateway();
  return {
    gateway,
    settle: async (paymentId, outcome): Promise<SignedWebhook> => {
      const webhook = await gateway.settle(paymentId, outcome)();
      if (E.isLeft(webhook)) throw new Error(webhook.left.message);
      return webhook.right;
    },
    // Its webhooks carry a fixed signature, not a MAC over the body (tests only).
    signsBody: false,
    now: () => instant(new Date().toISOString()),
    cleanup: async () => {},
  };
});
