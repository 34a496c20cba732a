import {
  ADMINS_RECIPIENT,
  decideBookingDispute,
  decideDispute,
  type ExperienceBooking,
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
import { loadExperience } from "../experiences/book-experience.ts";
import { loadPlan } from "../loading.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export type DisputeDeps = Pick<
  ReservationDeps,
  "ownerships" | "plans" | "outbox" | "ids" | "clock" | "config"
> & {
  /** Where a booking paid with the disputed payment is found (compositions without: none is). */
  readonly experiences?: ExperienceStore;
};

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
 * A dispute of a paid experience booking's payment: the booking is flagged with it (once) and its
 * producer and the administrators are told, as for an ownership. None paid with it: nothing.
 */
const disputeBooking = (deps: DisputeDeps, event: DisputeOpened): TE.TaskEither<AppError, void> => {
  const experiences = deps.experiences;
  if (experiences === undefined) return TE.right(undefined);
  return pipe(
    retryOnConflict(deps.config.conflictRetry, () =>
      pipe(
        experiences.findBookingByPaymentIntent(event.paymentIntentId),
        TE.chain(
          O.match(
            (): TE.TaskEither<AppError, ExperienceBooking | undefined> => TE.right(undefined),
            (stored) => {
              const flagged = decideBookingDispute(stored, event.disputeId);
              return flagged === undefined
                ? TE.right(stored)
                : experiences.amendBooking(flagged, stored.version);
            },
          ),
        ),
      ),
    ),
    // Notified even when already flagged: a retry after a failed enqueue still tells them.
    TE.chain((booking) =>
      booking === undefined
        ? TE.right(undefined)
        : pipe(
            loadExperience(experiences, booking.experienceId),
            TE.chain((experience) =>
              pipe(
                loadPlan(deps.plans, experience.planId),
                TE.chain((plan) =>
                  deps.outbox.enqueue(
                    ([plan.producerId, ADMINS_RECIPIENT] as RecipientId[]).map((recipientId) =>
                      paymentDisputedMessage({
                        id: deps.ids.deterministic(
                          "msg",
                          "payment-disputed",
                          event.disputeId,
                          recipientId,
                        ),
                        recipientId,
                        at: event.createdAt,
                        plan: { id: plan.id, title: plan.title },
                        booking: { id: booking.id, experienceTitle: experience.title },
                        disputeId: event.disputeId,
                        amountYen: event.amountYen,
                        reason: event.reason,
                      }),
                    ),
                  ),
                ),
              ),
            ),
            TE.map(() => undefined),
          ),
    ),
  );
};

/**
 * dispute.opened: the ownership paid with the disputed PaymentIntent is flagged `disputed` (once)
 * and its producer and the administrators are notified through the outbox; when no ownership was
 * paid with it, the experience booking that was is flagged and notified the same way. A dispute
 * on a payment that is not ours changes nothing.
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
        ownership === undefined
          ? disputeBooking(deps, event)
          : noticeDispute(deps, ownership, event),
      ),
    );
