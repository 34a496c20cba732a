import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { PaymentNewsDeps } from "./apply-payment-news.ts";
import { onAccountUpdated } from "./on-account-updated.ts";
import { type OnBookingPaymentDeps, onBookingPayment } from "./on-booking-payment.ts";
import { type DisputeDeps, onDisputeOpened } from "./on-dispute-opened.ts";
import { onPaymentEvent } from "./on-payment-event.ts";
import { type OnRefundUpdatedDeps, onRefundUpdated } from "./on-refund-updated.ts";
import type { PayoutAccountDeps } from "./payout-account-status.ts";

export type PaymentEventKind = PaymentEvent["kind"];

/** What handles one kind of event: `(deps) => (event) => TaskEither<AppError, void>`, applied. */
export type PaymentEventHandler<K extends PaymentEventKind> = (
  event: Extract<PaymentEvent, { readonly kind: K }>,
) => TE.TaskEither<AppError, void>;

/** One handler per event kind: the webhook use case dispatches through this map. */
export type PaymentEventHandlers = { readonly [K in PaymentEventKind]: PaymentEventHandler<K> };

export type PaymentEventDeps = PaymentNewsDeps &
  DisputeDeps &
  OnRefundUpdatedDeps &
  PayoutAccountDeps &
  OnBookingPaymentDeps;

/** Acknowledged, nothing changed: event kinds nobody acts on. */
export const ignoreEvent = (): TE.TaskEither<AppError, void> => TE.right(undefined);

/** The handlers of every event kind. */
export const makePaymentEventHandlers = (deps: PaymentEventDeps): PaymentEventHandlers => {
  const onPayment = onPaymentEvent(deps);
  return {
    "payment.pending": onPayment,
    "payment.succeeded": onPayment,
    "payment.failed": onPayment,
    "payment.expired": onPayment,
    "dispute.opened": onDisputeOpened(deps),
    "refund.updated": onRefundUpdated(deps),
    "account.updated": onAccountUpdated(deps),
    "booking.payment": onBookingPayment(deps),
    ignored: ignoreEvent,
  };
};

/** Calls the handler of the event's kind. */
export const dispatchPaymentEvent = (
  handlers: PaymentEventHandlers,
  event: PaymentEvent,
): TE.TaskEither<AppError, void> =>
  (handlers[event.kind] as (e: PaymentEvent) => TE.TaskEither<AppError, void>)(event);
