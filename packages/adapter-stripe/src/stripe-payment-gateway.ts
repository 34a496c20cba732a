import type {
  AppError,
  CheckoutRequest,
  CheckoutSession,
  Clock,
  PaymentGateway,
  PaymentLookup,
  PaymentState,
  ProcessorPlanTotals,
  RefundReceipt,
  RefundRequest,
} from "@owners/app";
import { appError, paymentSubjectMetadata, refundMetadata } from "@owners/app";
import type { Instant, PlanId, Yen } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import type Stripe from "stripe";
import { checkoutExpiresAt, konbiniVoucherDays } from "./checkout-expiry.ts";
import { verifyStripeEvent, WEBHOOK_TOLERANCE_SECONDS } from "./event-translation.ts";
import { fromStripeError } from "./stripe-errors.ts";

export interface StripePaymentGatewayOptions {
  readonly stripe: Stripe;
  /** The endpoint's signing secret (`whsec_…`). */
  readonly webhookSecret: string;
  readonly clock: Clock;
  readonly webhookToleranceSeconds?: number;
}

const seconds = (at: Instant): number => Math.floor(Date.parse(at) / 1000);
const instantOf = (s: number): Instant => new Date(s * 1000).toISOString() as Instant;
const idOf = (value: string | { readonly id: string } | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : typeof value === "string" ? value : value.id;

/** `url` with one more query parameter (Stripe's `{CHECKOUT_SESSION_ID}` is kept literal). */
const withQuery = (url: string, query: string): string =>
  `${url}${url.includes("?") ? "&" : "?"}${query}`;

/**
 * Where a Checkout Session stands. Open: pending. Complete and paid: succeeded. Complete but
 * unpaid: an asynchronous method (konbini) waits for its money, so pending, unless its
 * PaymentIntent was canceled (the voucher lapsed: failed). Expired: expired.
 */
export const paymentStateOf = (session: Stripe.Checkout.Session): PaymentState => {
  if (session.status === "expired") return "expired";
  if (session.status !== "complete") return "pending";
  if (session.payment_status !== "unpaid") return "succeeded";
  const intent = session.payment_intent;
  return typeof intent === "object" && intent !== null && intent.status === "canceled"
    ? "failed"
    : "pending";
};

const lookupOf = (session: Stripe.Checkout.Session): PaymentLookup => {
  const paymentIntentId = idOf(session.payment_intent);
  return {
    paymentId: session.id,
    state: paymentStateOf(session),
    amountYen: (session.amount_total ?? 0) as Yen,
    ...(paymentIntentId === undefined ? {} : { paymentIntentId }),
  };
};

const call = <A>(action: string, run: () => Promise<A>): TE.TaskEither<AppError, A> =>
  TE.tryCatch(run, (error) => fromStripeError(action, error));

/** Sums one plan's PaymentIntents as Stripe records them (charges, refunds, fees, transfers). */
const sumPlan = (intents: readonly Stripe.PaymentIntent[]): ProcessorPlanTotals => {
  let chargedYen = 0;
  let refundedYen = 0;
  let feesYen = 0;
  let payoutYen = 0;
  for (const intent of intents) {
    const charge = intent.latest_charge;
    if (intent.status !== "succeeded" || charge === null || typeof charge === "string") continue;
    const charged = charge.amount_captured;
    const refunded = charge.amount_refunded;
    chargedYen += charged;
    refundedYen += refunded;
    const fee = charge.application_fee;
    const transfer = charge.transfer;
    const keptFee = fee !== null && typeof fee === "object" ? fee.amount - fee.amount_refunded : 0;
    feesYen += keptFee;
    // A destination charge pays the producer by its transfer; without one (no Connect account)
    // the platform holds the producer's part, counted as payout still owed.
    payoutYen +=
      transfer !== null && typeof transfer === "object"
        ? transfer.amount - transfer.amount_reversed
        : charged - refunded - keptFee;
  }
  return {
    chargedYen: chargedYen as Yen,
    refundedYen: refundedYen as Yen,
    feesYen: feesYen as Yen,
    payoutYen: payoutYen as Yen,
  };
};

/**
 * Owners pay by Stripe Checkout (JPY: zero-decimal, so an amount is whole yen), as destination
 * charges to the producer's Connect account with the platform fee as the application fee.
 * Payment methods are the account's (Dashboard) choice: cards, wallets, and konbini where it is
 * enabled, whose money comes asynchronously (completed unpaid, then async_payment_succeeded or
 * _failed). Every call that creates or moves something carries the request's idempotency key.
 */
export const makeStripePaymentGateway = (options: StripePaymentGatewayOptions): PaymentGateway => {
  const { stripe, clock } = options;
  const tolerance = options.webhookToleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;

  const retrieve = (paymentId: string) =>
    call("look up the payment", () =>
      stripe.checkout.sessions.retrieve(paymentId, { expand: ["payment_intent"] }),
    );

  const startCheckout = (request: CheckoutRequest): TE.TaskEither<AppError, CheckoutSession> => {
    if (!Number.isSafeInteger(request.amountYen) || request.amountYen < 1)
      return TE.left(
        appError("PAYMENT.DECLINED", "a checkout must be a positive whole number of yen", {
          amountYen: request.amountYen,
        }),
      );
    const metadata = { ...paymentSubjectMetadata(request), ownerId: request.ownerId };
    const destination = request.destinationAccountId;
    const holdEnd = seconds(request.expiresAt);
    const expiresAt = checkoutExpiresAt(holdEnd, seconds(clock.now()));
    return TE.chain(
      (session: Stripe.Checkout.Session): TE.TaskEither<AppError, CheckoutSession> =>
        session.url === null || session.url === undefined
          ? TE.left(appError("PAYMENT.UNAVAILABLE", "Stripe answered a checkout without a page"))
          : TE.right({
              paymentId: session.id,
              checkoutUrl: session.url,
              expiresAt: instantOf(session.expires_at),
            }),
    )(
      call("open a checkout", () =>
        stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: "jpy",
                  unit_amount: request.amountYen,
                  product_data: { name: request.description },
                },
              },
            ],
            expires_at: expiresAt,
            // Only applies where konbini is enabled on the account; cards ignore it.
            payment_method_options: {
              konbini: { expires_after_days: konbiniVoucherDays(holdEnd, seconds(clock.now())) },
            },
            client_reference_id: request.ownershipId ?? request.bookingId,
            success_url: withQuery(
              request.returnUrl,
              "checkout=success&session_id={CHECKOUT_SESSION_ID}",
            ),
            cancel_url: withQuery(request.returnUrl, "checkout=cancelled"),
            metadata,
            payment_intent_data: {
              description: request.description,
              metadata,
              // The fee and the transfer exist only for a destination charge (Stripe refuses an
              // application fee without a connected account).
              ...(destination === undefined
                ? {}
                : {
                    application_fee_amount: request.applicationFeeYen,
                    transfer_data: { destination },
                  }),
            },
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      ),
    );
  };

  const expireCheckout = (paymentId: string): TE.TaskEither<AppError, PaymentLookup> =>
    TE.chain((session: Stripe.Checkout.Session) =>
      session.status !== "open"
        ? TE.right(lookupOf(session))
        : TE.orElse((error: AppError) =>
            // Paid or expired between the two calls: what it is now is the answer.
            error._tag === "PAYMENT.DECLINED"
              ? TE.map(lookupOf)(retrieve(paymentId))
              : TE.left(error),
          )(
            TE.map(lookupOf)(
              call("expire the checkout", () =>
                stripe.checkout.sessions.expire(
                  paymentId,
                  { expand: ["payment_intent"] },
                  { idempotencyKey: `expire:${paymentId}` },
                ),
              ),
            ),
          ),
    )(retrieve(paymentId));

  const refundPayment = (request: RefundRequest): TE.TaskEither<AppError, RefundReceipt> =>
    !Number.isSafeInteger(request.amountYen) || request.amountYen < 1
      ? TE.left(
          appError("PAYMENT.DECLINED", "a refund must be a positive whole number of yen", {
            amountYen: request.amountYen,
          }),
        )
      : TE.map(
          (refund: Stripe.Refund): RefundReceipt => ({
            refundId: refund.id,
            state:
              refund.status === "succeeded"
                ? "succeeded"
                : refund.status === "failed" || refund.status === "canceled"
                  ? "failed"
                  : "pending",
            amountYen: refund.amount as Yen,
          }),
        )(
          call("refund the payment", () =>
            stripe.refunds.create(
              {
                payment_intent: request.paymentIntentId,
                amount: request.amountYen,
                // The producer gives back its transfer and the platform its fee, pro rata.
                reverse_transfer: true,
                refund_application_fee: true,
                // What it is for, and its own key: refund.updated hands both back.
                metadata: refundMetadata(request),
              },
              { idempotencyKey: request.idempotencyKey },
            ),
          ),
        );

  /**
   * Every PaymentIntent of the plan by Stripe's search (metadata planId), with its charge, fee
   * and transfer expanded. Search is eventually consistent (about a minute behind), which the
   * hourly reconciliation tolerates; it pages 100 at a time.
   */
  const planTotals = (planId: PlanId): TE.TaskEither<AppError, ProcessorPlanTotals> =>
    call("read the plan's payments", async () => {
      const intents: Stripe.PaymentIntent[] = [];
      let page: string | undefined;
      do {
        const result: Stripe.ApiSearchResult<Stripe.PaymentIntent> =
          await stripe.paymentIntents.search({
            query: `metadata['planId']:'${planId.replace(/'/g, "\\'")}'`,
            limit: 100,
            expand: ["data.latest_charge.application_fee", "data.latest_charge.transfer"],
            ...(page === undefined ? {} : { page }),
          });
        intents.push(...result.data);
        page = result.has_more && result.next_page !== null ? result.next_page : undefined;
      } while (page !== undefined);
      return sumPlan(intents);
    });

  return {
    startCheckout,
    lookupPayment: (paymentId) => TE.map(lookupOf)(retrieve(paymentId)),
    expireCheckout,
    refundPayment,
    planTotals,
    verifyEvent: (rawBody, signature) =>
      verifyStripeEvent(stripe.webhooks, options.webhookSecret, rawBody, signature, tolerance),
  };
};
