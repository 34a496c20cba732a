import type {
  AppError,
  Clock,
  IdGenerator,
  PaymentGateway,
  PaymentLookup,
  PaymentSimulator,
  PayoutAccountStatus,
  PayoutAccounts,
  SignedWebhook,
} from "@owners/app";
import { appError, markDevOnly, paymentSubjectMetadata, refundMetadata } from "@owners/app";
import type { Instant, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import Stripe from "stripe";
import { verifyStripeEvent } from "../event-translation.ts";
import { paymentStateOf } from "../stripe-payment-gateway.ts";
import { type Json, makeStripeBook, StripeBookError } from "./stripe-book.ts";

export interface LocalPaymentProcessorOptions {
  /** Signs the webhooks it sends; the API verifies them with the same secret. */
  readonly webhookSecret: string;
  /** Where the local stack serves checkout pages: a session's page is `${base}/checkout/{id}`. */
  readonly checkoutBaseUrl: string;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Posts a signed webhook to the API's /api/webhooks/payments (over HTTP, as Stripe would). */
  readonly deliver: (webhook: SignedWebhook) => Promise<void>;
}

/** What the owner chose on the local checkout page. */
export type CheckoutChoice =
  | { readonly method: "card"; readonly number: string }
  | { readonly method: "konbini" }
  /** A konbini voucher already issued: the owner paid at the store, or it lapsed. */
  | { readonly method: "konbini-paid" }
  | { readonly method: "konbini-lapsed" };

/** What the page does after a choice: go back to the site, or show the form again with a reason. */
export type CheckoutAnswer =
  | { readonly kind: "redirect"; readonly url: string }
  | { readonly kind: "retry"; readonly message: string };

/** A session as the checkout page shows it. */
export interface LocalCheckoutView {
  readonly paymentId: string;
  readonly description: string;
  readonly amountYen: number;
  readonly expiresAt: Instant;
  /** open: the form; awaiting: a konbini voucher waits for its money; done: nothing to do. */
  readonly stage: "open" | "awaiting" | "done";
  readonly returnUrl: string;
}

export interface LocalPaymentProcessor extends PaymentGateway, PayoutAccounts, PaymentSimulator {
  /** The session behind a checkout page; undefined when unknown (a restart forgets sessions). */
  describeCheckout(paymentId: string): LocalCheckoutView | undefined;
  /** Settles the session as the owner chose, delivers the webhooks, and says where to go. */
  payAtCheckout(paymentId: string, choice: CheckoutChoice): Promise<CheckoutAnswer>;
}

/** The local processor's test cards: these two numbers, as at Stripe. */
export const LOCAL_CARDS = { succeeds: "4242424242424242", declines: "4000000000000002" } as const;

const seconds = (at: Instant): number => Math.floor(Date.parse(at) / 1000);

const refused = (error: unknown): AppError =>
  error instanceof StripeBookError
    ? appError("PAYMENT.DECLINED", "the local processor refused the request", {
        code: error.code,
      })
    : appError("PAYMENT.UNAVAILABLE", "the local processor failed");

const attempt = <A>(run: () => A): TE.TaskEither<AppError, A> =>
  TE.fromEither(E.tryCatch(run, refused));

/** The first request under a key is the answer to every repeat with the same parameters. */
const makeIdempotency = () => {
  const answers = new Map<string, { readonly fingerprint: string; readonly answer: Json }>();
  return (key: string, params: unknown, run: () => Json): Json => {
    const fingerprint = JSON.stringify(params);
    const first = answers.get(key);
    if (first !== undefined) {
      if (first.fingerprint !== fingerprint)
        throw new StripeBookError(
          400,
          "idempotency_error",
          "idempotency_key_in_use",
          "Keys for idempotent requests can only be used with the same parameters they were first used with.",
        );
      return first.answer;
    }
    const answer = run();
    answers.set(key, { fingerprint, answer });
    return answer;
  };
};

/**
 * Stripe played on this machine for `pnpm start` and tests: Checkout Sessions, destination
 * charges, refunds and Connect accounts kept in memory the way Stripe keeps them, and webhooks
 * that are Stripe events signed by Stripe's own library, so the API verifies them exactly as it
 * verifies Stripe's. Payout accounts are ready at once (the local processor says yes). Sessions
 * are forgotten on restart: an unknown one answers as expired (it can no longer be paid).
 */
export const makeLocalPaymentProcessor = (
  options: LocalPaymentProcessorOptions,
): LocalPaymentProcessor => {
  const { clock, ids } = options;
  const book = makeStripeBook({
    now: () => seconds(clock.now()),
    checkoutUrl: `${options.checkoutBaseUrl.replace(/\/$/, "")}/checkout`,
    accountsReady: true,
    // Holds shorter than Stripe's 30 minutes are honoured here: the page closes when the hold ends.
    enforceExpiryWindow: false,
    // Stripe-like ids (`cs_test_…`) made unique across restarts by the id generator.
    nextId: (prefix) => `${prefix}_${ids.next("local")}`,
  });
  const idempotent = makeIdempotency();
  const accountsByProducer = new Map<string, Json>();

  const sign = (event: Json): SignedWebhook => {
    const rawBody = JSON.stringify(event);
    // Signed at the real time, whatever the stack's clock says: the verifier's tolerance is real.
    return {
      rawBody,
      signature: Stripe.webhooks.generateTestHeaderString({
        payload: rawBody,
        secret: options.webhookSecret,
      }),
    };
  };

  const sessionWithIntent = (session: Json): Stripe.Checkout.Session => {
    const intent = session.payment_intent;
    return {
      ...session,
      payment_intent: typeof intent === "string" ? book.retrieveIntent(intent) : null,
    } as unknown as Stripe.Checkout.Session;
  };

  const lookupOf = (session: Json): PaymentLookup => {
    const full = sessionWithIntent(session);
    const intent = full.payment_intent;
    return {
      paymentId: full.id,
      state: paymentStateOf(full),
      amountYen: (full.amount_total ?? 0) as Yen,
      ...(intent === null || typeof intent === "string" ? {} : { paymentIntentId: intent.id }),
    };
  };

  const forgotten = (paymentId: string): PaymentLookup => ({
    paymentId,
    state: "expired",
    amountYen: 0 as Yen,
  });

  const known = <A>(paymentId: string, run: () => A, otherwise: () => A): A =>
    book.describeSession(paymentId) === undefined ? otherwise() : run();

  const statusOf = (account: Json): PayoutAccountStatus => ({
    accountId: String(account.id),
    chargesEnabled: account.charges_enabled === true,
    payoutsEnabled: account.payouts_enabled === true,
    detailsSubmitted: account.details_submitted === true,
  });

  const settleEvents = (
    paymentId: string,
    outcome: "succeeded" | "failed" | "pending" | "expired",
  ) => {
    const events = book.settle(paymentId, outcome);
    return events.length > 0 ? events : [book.stateEvent(paymentId)];
  };

  const deliverAll = async (events: readonly Json[]) => {
    for (const event of events) await options.deliver(sign(event));
  };

  // Plays the processor: never in a deployment.
  return markDevOnly<LocalPaymentProcessor>(
    {
      startCheckout: (request) =>
        attempt(() => {
          const params = {
            amount: request.amountYen,
            name: request.description,
            expiresAt: seconds(request.expiresAt),
            successUrl: `${request.returnUrl}${request.returnUrl.includes("?") ? "&" : "?"}checkout=success`,
            cancelUrl: `${request.returnUrl}${request.returnUrl.includes("?") ? "&" : "?"}checkout=cancelled`,
            metadata: { ...paymentSubjectMetadata(request), ownerId: request.ownerId },
            ...(request.destinationAccountId === undefined
              ? {}
              : {
                  applicationFeeAmount: request.applicationFeeYen,
                  destination: request.destinationAccountId,
                }),
          };
          const session = idempotent(`checkout:${request.idempotencyKey}`, params, () =>
            book.createSession(params),
          );
          return {
            paymentId: String(session.id),
            checkoutUrl: `${options.checkoutBaseUrl.replace(/\/$/, "")}/checkout/${String(session.id)}`,
            expiresAt: new Date(Number(session.expires_at) * 1000).toISOString() as Instant,
          };
        }),
      lookupPayment: (paymentId) =>
        attempt(() =>
          known(
            paymentId,
            () => lookupOf(book.retrieveSession(paymentId)),
            () => forgotten(paymentId),
          ),
        ),
      expireCheckout: (paymentId) =>
        attempt(() =>
          known(
            paymentId,
            () => {
              const session = book.retrieveSession(paymentId);
              return lookupOf(session.status === "open" ? book.expireSession(paymentId) : session);
            },
            () => forgotten(paymentId),
          ),
        ),
      refundPayment: (request) =>
        attempt(() => {
          const params = {
            paymentIntent: request.paymentIntentId,
            amount: request.amountYen,
            reverseTransfer: true,
            refundApplicationFee: true,
            metadata: refundMetadata(request),
          };
          const refund = idempotent(`refund:${request.idempotencyKey}`, params, () =>
            book.refund(params),
          );
          return {
            refundId: String(refund.id),
            state: "succeeded" as const,
            amountYen: Number(refund.amount) as Yen,
          };
        }),
      planTotals: (planId) =>
        attempt(() => {
          let charged = 0;
          let refunded = 0;
          let fees = 0;
          let payout = 0;
          for (const intent of book.searchIntents("planId", planId, [
            "latest_charge",
            "latest_charge.application_fee",
            "latest_charge.transfer",
          ])) {
            const charge = intent.latest_charge as Json | null;
            if (charge === null) continue;
            const fee = charge.application_fee as Json | null;
            const transfer = charge.transfer as Json | null;
            const amount = Number(charge.amount_captured);
            const back = Number(charge.amount_refunded);
            const kept = fee === null ? 0 : Number(fee.amount) - Number(fee.amount_refunded);
            charged += amount;
            refunded += back;
            fees += kept;
            payout +=
              transfer === null
                ? amount - back - kept
                : Number(transfer.amount) - Number(transfer.amount_reversed);
          }
          return {
            chargedYen: charged as Yen,
            refundedYen: refunded as Yen,
            feesYen: fees as Yen,
            payoutYen: payout as Yen,
          };
        }),
      verifyEvent: (rawBody, signature) =>
        verifyStripeEvent(Stripe.webhooks, options.webhookSecret, rawBody, signature),
      createAccount: (producerId) =>
        attempt(() => {
          const existing = accountsByProducer.get(producerId);
          const account = existing ?? book.createAccount({ producerId });
          accountsByProducer.set(producerId, account);
          return statusOf(account);
        }),
      // Onboarding is done at once: the link goes straight back to where Stripe would return.
      onboardingLink: (accountId, returnUrl) =>
        attempt(() => {
          book.retrieveAccount(accountId);
          return returnUrl;
        }),
      dashboardLink: (accountId) =>
        attempt(() => {
          book.retrieveAccount(accountId);
          return `${options.checkoutBaseUrl.replace(/\/$/, "")}/checkout/dashboard/${accountId}`;
        }),
      accountStatus: (accountId) => attempt(() => statusOf(book.retrieveAccount(accountId))),
      settle: (paymentId, outcome) =>
        attempt(() => {
          const events = settleEvents(paymentId, outcome);
          return sign(events[events.length - 1] as Json);
        }),
      describeCheckout: (paymentId) => {
        const s = book.describeSession(paymentId);
        if (s === undefined) return undefined;
        const expired = s.status === "open" && s.expiresAt <= seconds(clock.now());
        return {
          paymentId,
          description: s.name,
          amountYen: s.amount,
          expiresAt: new Date(s.expiresAt * 1000).toISOString() as Instant,
          stage: s.status === "open" && !expired ? "open" : s.awaiting ? "awaiting" : "done",
          returnUrl: s.paymentStatus === "paid" ? s.successUrl : s.cancelUrl,
        };
      },
      payAtCheckout: async (paymentId, choice) => {
        const s = book.describeSession(paymentId);
        if (s === undefined)
          return { kind: "retry", message: "This checkout is unknown or was forgotten." };
        let outcome: "succeeded" | "failed" | "pending";
        if (choice.method === "card") {
          const digits = choice.number.replace(/[\s-]/g, "");
          if (digits === LOCAL_CARDS.succeeds) outcome = "succeeded";
          else if (digits === LOCAL_CARDS.declines) outcome = "failed";
          else
            return {
              kind: "retry",
              message:
                "Use a test card: 4242 4242 4242 4242 (paid) or 4000 0000 0000 0002 (declined).",
            };
        } else if (choice.method === "konbini") outcome = "pending";
        else outcome = choice.method === "konbini-paid" ? "succeeded" : "failed";
        const events = book.settle(paymentId, outcome);
        await deliverAll(events);
        const after = book.describeSession(paymentId);
        const url =
          after?.paymentStatus === "paid" || after?.awaiting === true
            ? (after?.successUrl ?? s.successUrl)
            : (after?.cancelUrl ?? s.cancelUrl);
        return { kind: "redirect", url };
      },
    },
    "local payment processor",
  );
};
