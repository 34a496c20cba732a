import { addMillis } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { PaymentEvent, PaymentGateway } from "../ports/payment-gateway.ts";
import type { ProcessedEvents } from "../ports/processed-events.ts";
import {
  dispatchPaymentEvent,
  makePaymentEventHandlers,
  type PaymentEventDeps,
  type PaymentEventHandlers,
} from "./payment-event-handlers.ts";

/** Event ids are kept well past the processor's retry window (Stripe retries for 3 days). */
export const PROCESSED_EVENT_TTL_MS = 30 * 24 * 3_600_000;

export type PaymentWebhookDeps = PaymentEventDeps & {
  readonly payments: Pick<PaymentGateway, "verifyEvent">;
  readonly processedEvents: ProcessedEvents;
  readonly clock: Clock;
  /** The handlers by kind; makePaymentEventHandlers(deps) by default. */
  readonly handlers?: PaymentEventHandlers;
};

export interface WebhookAnswer {
  /** "processed": acted on now; "duplicate": its id was acted on before (nothing done again). */
  readonly outcome: "processed" | "duplicate";
  readonly event: PaymentEvent;
}

/**
 * A processor webhook: the signature is checked over the raw body first (PAYMENT.BAD_SIGNATURE,
 * nothing changed), the event id is marked as processed (a repeat delivery is answered as a
 * duplicate and does nothing), then the event's handler acts. If it fails, the mark is removed so
 * the processor's retry acts again (every handler is idempotent, so a half-done first try is
 * finished, not doubled). Unknown kinds are acknowledged and change nothing.
 */
export const handlePaymentWebhook = (deps: PaymentWebhookDeps) => {
  const handlers = deps.handlers ?? makePaymentEventHandlers(deps);
  return (rawBody: string, signature: string | undefined): TE.TaskEither<AppError, WebhookAnswer> =>
    pipe(
      TE.fromEither(deps.payments.verifyEvent(rawBody, signature)),
      TE.chain((event) =>
        pipe(
          deps.processedEvents.markProcessed(
            event.eventId,
            addMillis(deps.clock.now(), PROCESSED_EVENT_TTL_MS),
          ),
          TE.chain(
            (fresh): TE.TaskEither<AppError, WebhookAnswer> =>
              !fresh
                ? TE.right({ outcome: "duplicate", event })
                : pipe(
                    dispatchPaymentEvent(handlers, event),
                    TE.map((): WebhookAnswer => ({ outcome: "processed", event })),
                    TE.orElse((error) =>
                      pipe(
                        deps.processedEvents.unmark(event.eventId),
                        TE.orElse((): TE.TaskEither<AppError, void> => TE.right(undefined)),
                        TE.chain(() => TE.left(error)),
                      ),
                    ),
                  ),
          ),
        ),
      ),
    );
};
