import { type BatchComposition, composeBatches } from "./composition.ts";
import type { BatchConfig } from "./config.ts";

/**
 * The batches as their Lambda runs them: Stripe bound when its key is configured (read from
 * Secrets Manager at cold start, before this), its SDK imported only then. In a Lambda the
 * composition refuses to start without it (see composeBatches).
 */
export const composeDeployedBatches = async (config: BatchConfig): Promise<BatchComposition> => {
  const secretKey = config.OWNERS_STRIPE_SECRET_KEY;
  if (secretKey === undefined) return composeBatches(config);
  const { makeStripePayments } = await import("@owners/adapter-stripe");
  const { systemClock } = await import("@owners/adapter-local");
  const stripe = makeStripePayments({
    secretKey,
    // Batches verify no webhooks: an empty secret makes any verification fail closed.
    webhookSecret: config.OWNERS_STRIPE_WEBHOOK_SECRET ?? "",
    clock: systemClock,
    // A batch has minutes, not API Gateway's 30 seconds: more patience per call.
    timeoutMs: 30_000,
  });
  const payments = stripe.payments;
  return composeBatches(config, {
    ports: { payments },
  });
};
