/**
 * A processor's records kept the way Stripe keeps them (Checkout Sessions, PaymentIntents,
 * charges, application fees, transfers, refunds, Connect accounts), as the JSON objects Stripe's
 * API documents. The local processor plays Stripe with it, and the adapter's tests serve it over
 * HTTP as a fake Stripe API, so both speak the same shapes.
 */

export type Json = Record<string, unknown>;

/** A refusal as Stripe answers one: its error type, code and HTTP status. */
export class StripeBookError extends Error {
  constructor(
    readonly status: number,
    readonly type: "invalid_request_error" | "card_error" | "idempotency_error",
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SessionParams {
  readonly amount: number;
  readonly name: string;
  readonly expiresAt: number;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly applicationFeeAmount?: number;
  readonly destination?: string;
}

export interface RefundParams {
  readonly paymentIntent: string;
  readonly amount?: number;
  readonly reverseTransfer: boolean;
  readonly refundApplicationFee: boolean;
  readonly metadata: Readonly<Record<string, string>>;
}

/** What the owner does at the checkout (or the clock does to it). */
export type SessionOutcome = "succeeded" | "failed" | "pending" | "expired";

interface Session {
  readonly id: string;
  readonly params: SessionParams;
  readonly created: number;
  status: "open" | "complete" | "expired";
  paymentStatus: "unpaid" | "paid";
  paymentIntent?: string;
  /** Completed with an asynchronous method (konbini) whose money has not come yet. */
  awaiting: boolean;
}

interface Intent {
  readonly id: string;
  readonly session: string;
  readonly amount: number;
  status: "requires_action" | "succeeded" | "canceled";
  charge?: string;
}

interface Charge {
  readonly id: string;
  readonly intent: string;
  readonly amount: number;
  amountRefunded: number;
  readonly fee?: string;
  readonly transfer?: string;
}

interface Fee {
  readonly id: string;
  readonly charge: string;
  readonly amount: number;
  amountRefunded: number;
}

interface Transfer {
  readonly id: string;
  readonly amount: number;
  readonly destination: string;
  amountReversed: number;
}

interface Refund {
  readonly id: string;
  readonly charge: string;
  readonly intent: string;
  readonly amount: number;
  readonly metadata: Readonly<Record<string, string>>;
  readonly created: number;
}

interface Account {
  readonly id: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface StripeBookOptions {
  /** Seconds since the epoch (Stripe's timestamps). */
  readonly now: () => number;
  /** Where a session's hosted page is: `${checkoutUrl}/${session id}`. */
  readonly checkoutUrl: string;
  /** Connect accounts answer as fully onboarded (the local processor says yes). */
  readonly accountsReady: boolean;
  /** Refuse an `expires_at` outside 30 minutes..24 hours ahead, as Stripe does (default true). */
  readonly enforceExpiryWindow?: boolean;
  /** A new id for an object (`cs_test`, `pi`, `evt`...); unique across restarts when given. */
  readonly nextId?: (prefix: string) => string;
}

/** The book's records and the Stripe objects they are shown as. */
export const makeStripeBook = (options: StripeBookOptions) => {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const charges = new Map<string, Charge>();
  const fees = new Map<string, Fee>();
  const transfers = new Map<string, Transfer>();
  const refunds = new Map<string, Refund>();
  const accounts = new Map<string, Account>();
  const counters = new Map<string, number>();
  const nextId = (prefix: string) => {
    if (options.nextId !== undefined) return options.nextId(prefix);
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_local${String(n).padStart(6, "0")}`;
  };
  const notFound = (kind: string, id: string) =>
    new StripeBookError(
      404,
      "invalid_request_error",
      "resource_missing",
      `No such ${kind}: '${id}'`,
    );
  const get = <T>(map: Map<string, T>, kind: string, id: string): T => {
    const found = map.get(id);
    if (found === undefined) throw notFound(kind, id);
    return found;
  };

  const sessionJson = (s: Session): Json => ({
    id: s.id,
    object: "checkout.session",
    mode: "payment",
    currency: "jpy",
    amount_subtotal: s.params.amount,
    amount_total: s.params.amount,
    created: s.created,
    expires_at: s.params.expiresAt,
    status: s.status,
    payment_status: s.paymentStatus,
    payment_intent: s.paymentIntent ?? null,
    metadata: { ...s.params.metadata },
    client_reference_id: s.params.metadata.ownershipId ?? s.params.metadata.bookingId ?? null,
    success_url: s.params.successUrl,
    cancel_url: s.params.cancelUrl,
    url: s.status === "open" ? `${options.checkoutUrl}/${s.id}` : null,
    livemode: false,
  });

  const feeJson = (f: Fee): Json => ({
    id: f.id,
    object: "application_fee",
    amount: f.amount,
    amount_refunded: f.amountRefunded,
    refunded: f.amountRefunded === f.amount,
    charge: f.charge,
    currency: "jpy",
  });

  const transferJson = (t: Transfer): Json => ({
    id: t.id,
    object: "transfer",
    amount: t.amount,
    amount_reversed: t.amountReversed,
    reversed: t.amountReversed === t.amount,
    destination: t.destination,
    currency: "jpy",
  });

  const chargeJson = (c: Charge, expand: readonly string[] = []): Json => {
    const fee = c.fee === undefined ? undefined : fees.get(c.fee);
    const transfer = c.transfer === undefined ? undefined : transfers.get(c.transfer);
    return {
      id: c.id,
      object: "charge",
      amount: c.amount,
      amount_captured: c.amount,
      amount_refunded: c.amountRefunded,
      refunded: c.amountRefunded === c.amount,
      captured: true,
      paid: true,
      status: "succeeded",
      currency: "jpy",
      payment_intent: c.intent,
      application_fee:
        fee === undefined ? null : expand.includes("application_fee") ? feeJson(fee) : fee.id,
      application_fee_amount: fee?.amount ?? null,
      transfer:
        transfer === undefined
          ? null
          : expand.includes("transfer")
            ? transferJson(transfer)
            : transfer.id,
    };
  };

  /** `expand` as Stripe's `data.latest_charge.application_fee` paths below the intent. */
  const intentJson = (i: Intent, expand: readonly string[] = []): Json => {
    const s = get(sessions, "checkout session", i.session);
    const charge = i.charge === undefined ? undefined : charges.get(i.charge);
    const below = expand
      .filter((path) => path.startsWith("latest_charge."))
      .map((path) => path.slice("latest_charge.".length));
    return {
      id: i.id,
      object: "payment_intent",
      amount: i.amount,
      amount_received: i.status === "succeeded" ? i.amount : 0,
      currency: "jpy",
      status: i.status,
      metadata: { ...s.params.metadata },
      application_fee_amount: s.params.applicationFeeAmount ?? null,
      transfer_data:
        s.params.destination === undefined ? null : { destination: s.params.destination },
      latest_charge:
        charge === undefined
          ? null
          : expand.includes("latest_charge")
            ? chargeJson(charge, below)
            : charge.id,
    };
  };

  const refundJson = (r: Refund): Json => ({
    id: r.id,
    object: "refund",
    amount: r.amount,
    charge: r.charge,
    payment_intent: r.intent,
    currency: "jpy",
    status: "succeeded",
    metadata: { ...r.metadata },
    created: r.created,
  });

  const accountJson = (a: Account): Json => ({
    id: a.id,
    object: "account",
    type: "express",
    country: "JP",
    metadata: { ...a.metadata },
    charges_enabled: options.accountsReady,
    payouts_enabled: options.accountsReady,
    details_submitted: options.accountsReady,
  });

  /** The money moves: a charge on the intent, the fee kept, the rest transferred. */
  const capture = (s: Session, intent: Intent) => {
    const chargeId = nextId("ch");
    const fee =
      s.params.applicationFeeAmount === undefined || s.params.destination === undefined
        ? undefined
        : {
            id: nextId("fee"),
            charge: chargeId,
            amount: s.params.applicationFeeAmount,
            amountRefunded: 0,
          };
    if (fee !== undefined) fees.set(fee.id, fee);
    const transfer =
      s.params.destination === undefined
        ? undefined
        : {
            id: nextId("tr"),
            amount: s.params.amount - (fee?.amount ?? 0),
            destination: s.params.destination,
            amountReversed: 0,
          };
    if (transfer !== undefined) transfers.set(transfer.id, transfer);
    charges.set(chargeId, {
      id: chargeId,
      intent: intent.id,
      amount: s.params.amount,
      amountRefunded: 0,
      ...(fee === undefined ? {} : { fee: fee.id }),
      ...(transfer === undefined ? {} : { transfer: transfer.id }),
    });
    intent.status = "succeeded";
    intent.charge = chargeId;
    s.paymentStatus = "paid";
  };

  const event = (type: string, object: Json): Json => ({
    id: nextId("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created: options.now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });

  return {
    createSession(params: SessionParams): Json {
      if (!Number.isSafeInteger(params.amount) || params.amount < 1)
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "parameter_invalid_integer",
          "Invalid amount: must be a positive integer of yen.",
        );
      if (params.applicationFeeAmount !== undefined && params.applicationFeeAmount > params.amount)
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "parameter_invalid_integer",
          "The application fee cannot exceed the amount.",
        );
      const now = options.now();
      if (
        options.enforceExpiryWindow !== false &&
        (params.expiresAt < now + 30 * 60 || params.expiresAt > now + 24 * 3600)
      )
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "parameter_invalid_integer",
          "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
        );
      const s: Session = {
        id: nextId("cs_test"),
        params,
        created: now,
        status: "open",
        paymentStatus: "unpaid",
        awaiting: false,
      };
      sessions.set(s.id, s);
      return sessionJson(s);
    },
    retrieveSession: (id: string): Json => sessionJson(get(sessions, "checkout.session", id)),
    expireSession(id: string): Json {
      const s = get(sessions, "checkout.session", id);
      if (s.status !== "open")
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "checkout_session_not_open",
          `Only Checkout Sessions with a status of open can be expired. This Checkout Session has a status of ${s.status}.`,
        );
      s.status = "expired";
      return sessionJson(s);
    },
    /**
     * Plays the owner (or the clock) on an open session, or settles a konbini payment that is
     * awaited; answers the events Stripe would send (none when nothing can change).
     */
    settle(id: string, outcome: SessionOutcome): Json[] {
      const s = get(sessions, "checkout.session", id);
      if (s.status === "expired" || (s.status === "complete" && !s.awaiting)) return [];
      if (s.status === "open" && s.params.expiresAt <= options.now() && outcome !== "expired") {
        s.status = "expired";
        return [event("checkout.session.expired", sessionJson(s))];
      }
      if (s.awaiting) {
        const intent = get(intents, "payment_intent", s.paymentIntent ?? "");
        if (outcome === "pending") return [];
        s.awaiting = false;
        if (outcome === "succeeded") {
          capture(s, intent);
          return [event("checkout.session.async_payment_succeeded", sessionJson(s))];
        }
        intent.status = "canceled";
        return [event("checkout.session.async_payment_failed", sessionJson(s))];
      }
      if (outcome === "expired") {
        s.status = "expired";
        return [event("checkout.session.expired", sessionJson(s))];
      }
      const intent: Intent = {
        id: nextId("pi"),
        session: s.id,
        amount: s.params.amount,
        status: "requires_action",
      };
      intents.set(intent.id, intent);
      s.paymentIntent = intent.id;
      s.status = "complete";
      if (outcome === "succeeded") {
        capture(s, intent);
        return [event("checkout.session.completed", sessionJson(s))];
      }
      if (outcome === "pending") {
        // A konbini voucher: the session completes unpaid and the money comes (or not) later.
        s.awaiting = true;
        return [event("checkout.session.completed", sessionJson(s))];
      }
      // A failure ends the attempt the way a lapsed asynchronous payment does at Stripe (a card
      // declined at Stripe's page lets the owner retry until the session expires instead).
      intent.status = "canceled";
      return [event("checkout.session.async_payment_failed", sessionJson(s))];
    },
    /** Refunds by PaymentIntent; the fee and the transfer give back their parts pro rata. */
    refund(params: RefundParams): Json {
      const intent = get(intents, "payment_intent", params.paymentIntent);
      if (intent.status !== "succeeded" || intent.charge === undefined)
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "charge_not_refundable",
          `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        );
      const charge = get(charges, "charge", intent.charge);
      const left = charge.amount - charge.amountRefunded;
      const amount = params.amount ?? left;
      if (charge.amountRefunded === charge.amount)
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "charge_already_refunded",
          `Charge ${charge.id} has already been refunded.`,
        );
      if (!Number.isSafeInteger(amount) || amount < 1 || amount > left)
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "amount_too_large",
          `Refund amount (¥${amount}) is greater than unrefunded amount on charge (¥${left})`,
        );
      charge.amountRefunded += amount;
      const fee = charge.fee === undefined ? undefined : fees.get(charge.fee);
      const feeRefundedTotal =
        fee === undefined || !params.refundApplicationFee
          ? (fee?.amountRefunded ?? 0)
          : Math.floor((fee.amount * charge.amountRefunded) / charge.amount);
      if (fee !== undefined) fee.amountRefunded = feeRefundedTotal;
      const transfer = charge.transfer === undefined ? undefined : transfers.get(charge.transfer);
      if (transfer !== undefined && params.reverseTransfer)
        transfer.amountReversed = Math.min(
          transfer.amount,
          charge.amountRefunded - (fee === undefined ? 0 : feeRefundedTotal),
        );
      const refund: Refund = {
        id: nextId("re"),
        charge: charge.id,
        intent: intent.id,
        amount,
        metadata: params.metadata,
        created: options.now(),
      };
      refunds.set(refund.id, refund);
      return refundJson(refund);
    },
    /** PaymentIntents whose metadata[key] is `value` (Stripe: search `metadata['key']:'value'`). */
    searchIntents(key: string, value: string, expand: readonly string[]): Json[] {
      return [...intents.values()]
        .filter((i) => get(sessions, "checkout.session", i.session).params.metadata[key] === value)
        .map((i) => intentJson(i, expand));
    },
    retrieveIntent: (id: string, expand: readonly string[] = []): Json =>
      intentJson(get(intents, "payment_intent", id), expand),
    retrieveFee: (id: string): Json => feeJson(get(fees, "application_fee", id)),
    retrieveTransfer: (id: string): Json => transferJson(get(transfers, "transfer", id)),
    createAccount(metadata: Readonly<Record<string, string>>): Json {
      const account: Account = { id: nextId("acct"), metadata };
      accounts.set(account.id, account);
      return accountJson(account);
    },
    retrieveAccount: (id: string): Json => accountJson(get(accounts, "account", id)),
    /** A refund's event (refund.updated), for tests of the refund path. */
    refundEvent: (id: string): Json =>
      event("refund.updated", refundJson(get(refunds, "refund", id))),
    accountEvent: (id: string): Json =>
      event("account.updated", accountJson(get(accounts, "account", id))),
    /** A dispute opened on a paid intent (charge.dispute.created). */
    disputeEvent(intentId: string, reason: string): Json {
      const intent = get(intents, "payment_intent", intentId);
      return event("charge.dispute.created", {
        id: nextId("dp"),
        object: "dispute",
        amount: intent.amount,
        currency: "jpy",
        charge: intent.charge ?? null,
        payment_intent: intent.id,
        reason,
        status: "needs_response",
      });
    },
    event,
    /** The event that tells where a finished session stands (a re-delivery under a new id). */
    stateEvent(id: string): Json {
      const s = get(sessions, "checkout.session", id);
      const type =
        s.status === "expired"
          ? "checkout.session.expired"
          : s.status === "open" || s.paymentStatus === "paid" || s.awaiting
            ? "checkout.session.completed"
            : "checkout.session.async_payment_failed";
      return event(type, sessionJson(s));
    },
    /** A session as the local checkout page shows it; undefined when unknown. */
    describeSession(id: string) {
      const s = sessions.get(id);
      return s === undefined
        ? undefined
        : {
            ...s.params,
            id: s.id,
            status: s.status,
            paymentStatus: s.paymentStatus,
            awaiting: s.awaiting,
          };
    },
  };
};

export type StripeBook = ReturnType<typeof makeStripeBook>;
