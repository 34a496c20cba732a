import {
  ADMINS_RECIPIENT,
  decideDispute,
  type Ownership,
  ownershipPaymentChanged,
  paymentDisputedMessage,
  type RecipientId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { SYSTEM_ACTOR } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export type DisputeDeps = Pick<
  ReservationDeps,
  "ownerships" | "plans" | "outbox" | "ids" | "clock" | "config"
>;

type DisputeOpened = Extract<PaymentEvent, { readonly kind: "dispute.opened" }>;

/** The producer and the administrators hear of it (deduplicated by dispute and recipient). */
const noticeDispute = (
  deps: DisputeDeps,
  ownership: Ownership,
  event: DisputeOpened,
): TE.TaskEither<AppError, void> =>
  pipe(
    loadPlan(deps.plans, ownership.planId),
    TE.chain((plan) =>
      deps.outbox.enqueue(
        ([plan.producerId, ADMINS_RECIPIENT] as RecipientId[]).map((recipientId) =>
          paymentDisputedMessage({
            id: deps.ids.deterministic("msg", "payment-disputed", event.disputeId, recipientId),
            recipientId,
            at: event.createdAt,
            plan: { id: plan.id, title: plan.title },
            ownershipId: ownership.id,
            disputeId: event.disputeId,
            amountYen: event.amountYen,
            reason: event.reason,
          }),
        ),
      ),
    ),
    TE.map(() => undefined),
  );

/**
 * dispute.opened: the ownership paid with the disputed PaymentIntent is flagged `disputed` (once)
 * and its producer and the administrators are notified through the outbox. A dispute on a payment
 * that is not ours changes nothing.
 */
export const onDisputeOpened =
  (deps: DisputeDeps) =>
  (event: DisputeOpened): TE.TaskEither<AppError, void> =>
    pipe(
      retryOnConflict(deps.config.conflictRetry, () =>
        pipe(
          deps.ownerships.findByPaymentIntent(event.paymentIntentId),
          TE.chain(
            O.match(
              (): TE.TaskEither<AppError, Ownership | undefined> => TE.right(undefined),
              (stored) => {
                const flagged = decideDispute(stored);
                if (flagged === undefined) return TE.right(stored);
                return deps.ownerships.amend({
                  ownership: flagged,
                  expectedVersion: stored.version,
                  ledgerEntries: [],
                  audit: [
                    ownershipPaymentChanged(
                      auditHead(
                        deps.ids,
                        SYSTEM_ACTOR,
                        deps.clock.now(),
                        stored.id,
                        "disputed",
                        event.disputeId,
                      ),
                      "ownership.disputed",
                      stored,
                      flagged,
                    ),
                  ],
                });
              },
            ),
          ),
        ),
      ),
      // Notified even when already flagged: a retry after a failed enqueue still tells them.
      TE.chain((ownership) =>
        ownership === undefined ? TE.right(undefined) : noticeDispute(deps, ownership, event),
      ),
    );
