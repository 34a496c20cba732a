import type { LedgerEntry, LedgerEntryId, Ownership, OwnershipId, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { ChargeLookup } from "../ports/charge-lookup.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
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
}

export interface PayRefundsInput {
  readonly ownerships: readonly Ownership[];
  readonly ledger: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly paidBefore: ReadonlyMap<string, readonly LedgerEntryId[]>;
}

/**
 * Pays every shortfall refund the ledger holds and the gateway has not confirmed yet. The ledger
 * entry is written first and is the obligation; the refund's idempotency key is that entry's id
 * (one per plan, ownership and settlement round), so a re-run after a crash anywhere in between
 * replays the gateway's first answer and never refunds twice. A declined refund is reported and
 * retried by the next run; an unavailable gateway stops the run.
 */
export const payShortfallRefunds =
  (deps: { readonly payments: PaymentGateway; readonly charges: ChargeLookup }) =>
  (input: PayRefundsInput): TE.TaskEither<AppError, RefundPayments> =>
  async () => {
    const paid = new Map<string, LedgerEntryId[]>();
    const failures: RefundFailure[] = [];
    let paidNow = 0;
    let paidNowYen = 0;
    for (const ownership of input.ownerships) {
      const confirmed = [...(input.paidBefore.get(ownership.id) ?? [])];
      paid.set(ownership.id, confirmed);
      const owed = compensatedSoFar(input.ledger.get(ownership.id) ?? []).refunds.filter(
        (entry) => !confirmed.includes(entry.id),
      );
      if (owed.length === 0) continue;
      const paymentId = await deps.charges.paymentIdOf(ownership)();
      if (E.isLeft(paymentId)) return paymentId;
      for (const entry of owed) {
        // By the PaymentIntent the ownership was paid with (never by charging again).
        const receipt = await deps.payments.refundPayment({
          idempotencyKey: entry.id,
          paymentIntentId: paymentId.right,
          amountYen: entry.amountYen,
          planId: ownership.planId,
          ownershipId: ownership.id,
        })();
        if (E.isRight(receipt)) {
          confirmed.push(entry.id);
          paidNow += 1;
          paidNowYen += entry.amountYen;
        } else if (receipt.left._tag === "PAYMENT.DECLINED") {
          failures.push({
            ownershipId: ownership.id,
            entryId: entry.id,
            amountYen: entry.amountYen,
            error: receipt.left._tag,
            message: receipt.left.message,
          });
        } else return receipt;
      }
    }
    return E.right({ paid, paidNow, paidNowYen, failures });
  };
