import type { CheckoutChoice, LocalPaymentProcessor } from "@owners/adapter-stripe/local";
import { Hono } from "hono";
import { html } from "hono/html";

/** Every value rendered goes through hono/html's escaping (text and attributes). */
const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }
      fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 1rem 0; }
      .note { color: #555; font-size: 0.9rem; }
      .error { color: #b00020; }
      button { padding: 0.5rem 1rem; }
    </style>
  </head>
  <body>
    <p class="note">Local test processor (pnpm start): no real money moves.</p>
    ${body}
  </body>
</html>`;

const yen = (amount: number) => `¥${amount.toLocaleString("ja-JP")}`;

/**
 * The local processor's hosted checkout, as Stripe Checkout hosts it in AWS: GET shows the
 * session, POST settles it as the owner chose (card 4242… pays, 4000 0000 0000 0002 declines,
 * konbini leaves it pending), delivers the signed webhook to the API and sends the owner back.
 */
export const checkoutPages = (processor: LocalPaymentProcessor): Hono => {
  const app = new Hono();

  const form = (paymentId: string, message?: string) => {
    const view = processor.describeCheckout(paymentId);
    if (view === undefined)
      return page(
        "Checkout not found",
        html`<h1>Checkout not found</h1>
          <p>This checkout is unknown to the local processor (it forgets sessions on restart).</p>`,
      );
    const action = `/checkout/${encodeURIComponent(paymentId)}`;
    const error = message === undefined ? "" : html`<p class="error" role="alert">${message}</p>`;
    if (view.stage === "done")
      return page(
        "Checkout closed",
        html`<h1>This checkout is closed</h1>
          ${error}
          ${/^https?:\/\//.test(view.returnUrl) ? html`<p><a href="${view.returnUrl}">Back to OWNERS</a></p>` : ""}`,
      );
    const summary = html`<h1>${view.description}</h1>
      <p><strong>${yen(view.amountYen)}</strong> · pay by ${view.expiresAt}</p>`;
    if (view.stage === "awaiting")
      return page(
        "Konbini payment",
        html`${summary}
          <p>A konbini voucher was issued; the payment is pending until the store reports it.</p>
          ${error}
          <form method="post" action="${action}">
            <button name="method" value="konbini-paid">Paid at the store</button>
            <button name="method" value="konbini-lapsed">Voucher lapsed</button>
          </form>`,
      );
    return page(
      "Checkout",
      html`${summary} ${error}
        <form method="post" action="${action}">
          <fieldset>
            <legend>Card</legend>
            <label>Card number <input name="number" inputmode="numeric" autocomplete="off" placeholder="4242 4242 4242 4242" /></label>
            <p class="note">4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.</p>
            <button name="method" value="card">Pay ${yen(view.amountYen)}</button>
          </fieldset>
          <fieldset>
            <legend>Konbini</legend>
            <p class="note">Issues a voucher: the payment stays pending.</p>
            <button name="method" value="konbini">Pay at a konbini</button>
          </fieldset>
        </form>`,
    );
  };

  app.get("/checkout/dashboard/:accountId", (c) =>
    c.html(
      page(
        "Payout dashboard",
        html`<h1>Payout account ${c.req.param("accountId")}</h1>
          <p>The local processor's accounts take charges and receive payouts at once.</p>`,
      ),
    ),
  );
  app.get("/checkout/:paymentId", (c) => c.html(form(c.req.param("paymentId"))));
  app.post("/checkout/:paymentId", async (c) => {
    const paymentId = c.req.param("paymentId");
    const body = await c.req.parseBody();
    const method = String(body.method ?? "");
    const choice: CheckoutChoice | undefined =
      method === "card"
        ? { method: "card", number: String(body.number ?? "") }
        : method === "konbini" || method === "konbini-paid" || method === "konbini-lapsed"
          ? { method }
          : undefined;
    if (choice === undefined) return c.html(form(paymentId, "Choose a way to pay."), 400);
    try {
      const answer = await processor.payAtCheckout(paymentId, choice);
      return answer.kind === "redirect"
        ? c.redirect(answer.url, 303)
        : c.html(form(paymentId, answer.message), 400);
    } catch (error) {
      // The payment moved but the API did not take the webhook: reconciliation will find it.
      const reason = error instanceof Error ? error.message : "unknown error";
      return c.html(
        form(paymentId, `The API did not accept the payment's webhook (${reason}).`),
        502,
      );
    }
  });
  return app;
};
