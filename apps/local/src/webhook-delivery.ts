import type { SignedWebhook } from "@owners/app";

/** Where the API takes processor webhooks (under /api, as the site reaches it). */
export const WEBHOOK_PATH = "/api/webhooks/payments";

/**
 * Posts a signed webhook to the API over HTTP as Stripe does: the raw body and its
 * `Stripe-Signature` header. A refusal throws, so the checkout page can say so.
 */
export const deliverOverHttp =
  (apiUrl: () => string) =>
  async (webhook: SignedWebhook): Promise<void> => {
    const response = await fetch(`${apiUrl()}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": webhook.signature },
      body: webhook.rawBody,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the API answered ${response.status} to ${WEBHOOK_PATH}`);
  };
