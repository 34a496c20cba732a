import {
  type LedgerEntry,
  type LedgerEntryId,
  type Ownership,
  type OwnershipId,
  type RefundIntent,
  shortfallRefundIntent,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { compensatedSoFar } from "./shortfall-ledger.ts";

export interface RefundFailure {
  readonly ownershipId: OwnershipId;
  readonly entryId: LedgerEntryId;
  readonly amountYen: Yen;
  readonly error: AppError["_tag"];
  readonly message: string;
}

export interface RefundPayments {
  /** Confirmed refund entries per ownership: those paid before plus those paid now. */
  readonly paid: Map<string, LedgerEntryId[]>;
  readonly paidNow: number;
  readonly paidNowYen: number;
  readonly failures: readonly RefundFailure[];
  /**
   * Refunds the processor took but has not confirmed (pending, or failed later): each is tracked
   * by its refund intent, which refund.updated and reconciliation finish; not paid until then.
   */
  readonly unconfirmed: number;
}

export interface PayRefundsInput {
  readonly ownerships: readonly Ownership[];
  readonly ledger: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly paidBefore: ReadonlyMap<string, readonly LedgerEntryId[]>;
  /** The plan's refund intents: those of shortfall refunds are keyed by their entry id. */
  readonly intents: readonly RefundIntent[];
}

const failure = (ownership: Ownership, entry: LedgerEntry, error: AppError): RefundFailure => ({
  ownershipId: ownership.id,
  entryId: entry.id,
  amountYen: entry.amountYen,
  error: error._tag,
  message: error.message,
});

/**
 * Pays every shortfall refund the ledger holds and the processor has not taken yet, back to the
 * ownership's captured payment (its PaymentIntent id). The ledger entry is written first and is
 * the obligation; the refund's idempotency key is that entry's id, so a re-run after a crash
 * anywhere in between gets the processor's first answer and never refunds twice. A declined
 * refund (or an ownership with no captured payment to refund) is reported and retried by the next
 * run; an unavailable processor stops the run.
 *
 * A refund the processor answers without confirming it (pending: a konbini payment's refund waits
 * for the owner's bank details; or failed) is recorded as a refund intent under its entry id
 * (only those: confirmed refunds write nothing more) and left to it: refund.updated moves it,
 * reconciliation retries a failed one under a fresh key and reports it. The batch never calls the
 * processor for an entry with an intent again; it counts it paid once the intent succeeded. A
 * refund confirmed at once that the processor fails later gets its intent from refund.updated:
 * from then on it is not paid (nor the plan settled by a later run) until that intent succeeds.
 */
export const payShortfallRefunds =
  (deps: {
    readonly payments: Pick<PaymentGateway, "refundPayment">;
    readonly refundIntents: Pick<RefundIntentStore, "create">;
    readonly clock: Clock;
  }) =>
  (input: PayRefundsInput): TE.TaskEither<AppError, RefundPayments> =>
  async () => {
    const paid = new Map<string, LedgerEntryId[]>();
    const failures: RefundFailure[] = [];
    const tracked = new Map(
      input.intents.filter((i) => i.reason === "shortfall-refund").map((i) => [i.id, i]),
    );
    let paidNow = 0;
    let paidNowYen = 0;
    let unconfirmed = 0;
    for (const ownership of input.ownerships) {
      // A refund counted paid before that the processor failed later (its intent, created by
      // refund.updated, is open) is not paid until reconciliation's retry succeeds.
      const confirmed = (input.paidBefore.get(ownership.id) ?? []).filter(
        (id) => (tracked.get(id)?.state ?? "succeeded") === "succeeded",
      );
      paid.set(ownership.id, confirmed);
      const owed = compensatedSoFar(input.ledger.get(ownership.id) ?? []).refunds.filter(
        (entry) => !confirmed.includes(entry.id),
      );
      const intent = ownership.payment?.paymentIntentId;
      for (const entry of owed) {
        const known = tracked.get(entry.id);
        if (known !== undefined) {
          if (known.state === "succeeded") confirmed.push(entry.id);
          else unconfirmed += 1;
          continue;
        }
        if (intent === undefined) {
          failures.push(
            failure(
              ownership,
              entry,
              appError("PAYMENT.DECLINED", "this ownership has no captured payment to refund"),
            ),
          );
          continue;
        }
        const receipt = await deps.payments.refundPayment({
          idempotencyKey: entry.id,
          paymentIntentId: intent,
          amountYen: entry.amountYen,
          planId: ownership.planId,
          ownershipId: ownership.id,
        })();
        if (E.isRight(receipt) && receipt.right.state === "succeeded") {
          confirmed.push(entry.id);
          paidNow += 1;
          paidNowYen += entry.amountYen;
        } else if (E.isRight(receipt)) {
          const { refundId } = receipt.right;
          const state = receipt.right.state === "failed" ? "failed" : "pending";
          const recorded = await deps.refundIntents.create(
            shortfallRefundIntent(
              {
                entryId: entry.id,
                planId: ownership.planId,
                ownershipId: ownership.id,
                paymentIntentId: intent,
                amountYen: entry.amountYen,
              },
              { state, refundId },
              deps.clock.now(),
            ),
          )();
          if (E.isLeft(recorded)) return recorded;
          unconfirmed += 1;
          if (state === "failed")
            failures.push(
              failure(
                ownership,
                entry,
                appError("PAYMENT.DECLINED", `the processor failed refund ${refundId}`),
              ),
            );
        } else if (receipt.left._tag === "PAYMENT.DECLINED") {
          failures.push(failure(ownership, entry, receipt.left));
        } else return receipt;
      }
    }
    return E.right({ paid, paidNow, paidNowYen, failures, unconfirmed });
  };
