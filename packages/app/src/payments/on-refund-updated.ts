import {
  type LedgerEntryId,
  type RefundIntent,
  refundKeyOf,
  shortfallRefundIntent,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { recordRefundWord } from "../reservations/finish-refund-intent.ts";

export interface OnRefundUpdatedDeps {
  readonly refundIntents: RefundIntentStore;
  readonly clock: Clock;
  /** Where a shortfall refund's key is checked: it must name that refund's ledger entry. */
  readonly ledger: Pick<LedgerRepository, "listByOwnership">;
}

type RefundUpdated = Extract<PaymentEvent, { readonly kind: "refund.updated" }>;

/**
 * The intent an event is about: the one that knows this refund id, else the one open intent of
 * this payment for the same amount whose call reached the processor with no answer recorded: the
 * first attempt (no refund id yet), or the retry of a refused one whose success arrives first (a
 * refused intent's own refund is on record, a retry's is not yet). Any other event about another
 * refund of the payment (a confirmed shortfall refund, an older refused attempt) matches nothing;
 * a shortfall refund the processor had not confirmed has its own intent, found by refund id. A
 * refund whose metadata names its key (refundMetadata) is matched by it, never by amount.
 */
const intentOf = (
  intents: readonly RefundIntent[],
  event: RefundUpdated,
): RefundIntent | undefined =>
  intents.find((i) => i.refundId === event.refundId) ??
  (event.refundKey !== undefined
    ? // The refund names its own key: the intent whose current call went under it, or none.
      intents.find((i) => refundKeyOf(i) === event.refundKey)
    : intents.find(
        (i) =>
          i.amountYen === event.amountYen &&
          (i.refundId === undefined
            ? i.state !== "succeeded"
            : i.state === "failed" && event.state === "succeeded"),
      ));

/**
 * A shortfall refund the processor confirmed (so no intent tracks it) that it now says failed:
 * the event's key (from the refund's metadata) must name a shortfall refund ledger entry of the
 * ownership and plan it names, for the same amount. The event alone is not trusted to say so.
 * Its intent is created failed (the refusal counted), so reconciliation retries it under a fresh
 * key and reports it. A re-delivery finds that intent by refund id.
 */
const trackLateFailure = (
  deps: OnRefundUpdatedDeps,
  event: RefundUpdated,
): TE.TaskEither<AppError, void> => {
  const { refundKey, planId, ownershipId } = event;
  if (
    event.state !== "failed" ||
    refundKey === undefined ||
    planId === undefined ||
    ownershipId === undefined
  )
    return TE.right(undefined);
  return pipe(
    deps.ledger.listByOwnership(planId, ownershipId),
    TE.map((entries) =>
      entries.find(
        (e) =>
          e.id === refundKey &&
          e.kind === "refund" &&
          e.reason === "shortfall-refund" &&
          e.planId === planId &&
          e.ownershipId === ownershipId &&
          e.amountYen === event.amountYen,
      ),
    ),
    TE.chain((entry) => {
      if (entry === undefined) return TE.right(undefined);
      const failed = shortfallRefundIntent(
        {
          entryId: entry.id as LedgerEntryId,
          planId,
          ownershipId,
          paymentIntentId: event.paymentIntentId,
          amountYen: entry.amountYen,
        },
        { state: "failed", refundId: event.refundId },
        deps.clock.now(),
      );
      return pipe(
        deps.refundIntents.create(failed),
        // Stored meanwhile by the batch, pending on this very refund (a race): the failure is
        // applied to it. One already failed on it has the refusal counted; one on another refund
        // is a later attempt's, which a stale word about an older one must not move.
        TE.chain((stored) =>
          stored.refundId !== event.refundId || stored.state !== "pending"
            ? TE.right(undefined)
            : pipe(
                recordRefundWord(deps)(stored.id, { state: "failed", refundId: event.refundId }),
                TE.map(() => undefined),
              ),
        ),
      );
    }),
  );
};

/**
 * refund.updated: moves the matching refund intent to what the processor says (succeeded or
 * failed; a failed one is retried by reconciliation under a fresh key and reported), never
 * backwards. A shortfall refund confirmed at once that fails later has no intent yet: one is
 * created (trackLateFailure). Other events, and refunds no intent knows, change nothing.
 */
export const onRefundUpdated =
  (deps: OnRefundUpdatedDeps) =>
  (event: PaymentEvent): TE.TaskEither<AppError, void> => {
    if (event.kind !== "refund.updated") return TE.right(undefined);
    return pipe(
      deps.refundIntents.listByPaymentIntent(event.paymentIntentId),
      TE.chain((intents) => {
        const intent = intentOf(intents, event);
        return intent === undefined
          ? trackLateFailure(deps, event)
          : pipe(
              recordRefundWord(deps)(intent.id, { state: event.state, refundId: event.refundId }),
              TE.map(() => undefined),
            );
      }),
    );
  };
