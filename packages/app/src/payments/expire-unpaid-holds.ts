import { type Ownership, ownershipPaymentChanged, type PaymentNews } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { loadOwnership } from "../loading.ts";
import type { PaymentLookup } from "../ports/payment-gateway.ts";
import { releaseShares } from "../reservations/release-ownership.ts";
import { applyPaymentNews, type PaymentNewsDeps } from "./apply-payment-news.ts";

export interface HoldExpiryReport {
  /** Holds past their time looked at. */
  readonly examined: number;
  /** Paid meanwhile (the webhook had not come yet): confirmed instead of released. */
  readonly confirmed: number;
  /** Released: their shares back on sale (to the waitlist first). */
  readonly released: number;
  /** Holds left as they were (the processor unreachable, say): the next run tries again. */
  readonly failures: readonly { readonly ownershipId: string; readonly error: string }[];
  /** True when `limit` holds were found: more may be waiting. */
  readonly more: boolean;
}

const newsOfLookup = (lookup: PaymentLookup): PaymentNews => ({
  paymentId: lookup.paymentId,
  outcome: lookup.state,
  amountYen: lookup.amountYen,
  ...(lookup.paymentIntentId === undefined ? {} : { paymentIntentId: lookup.paymentIntentId }),
});

/**
 * A hold whose checkout was never recorded (a crash between opening and recording it, and no
 * retry since): nobody was given its page, so nothing can have been paid; released as expired.
 */
const releaseUncheckedOut =
  (deps: PaymentNewsDeps) =>
  (actor: Actor, ownershipId: string): TE.TaskEither<AppError, Ownership> =>
    retryOnConflict(deps.config.conflictRetry, () =>
      pipe(
        loadOwnership(deps.ownerships, ownershipId),
        TE.chain((stored) => {
          if (stored.status !== "pending_payment" || stored.payment !== undefined)
            return TE.right(stored);
          const released: Ownership = {
            ...stored,
            status: "payment_failed",
            version: stored.version + 1,
          };
          return releaseShares(deps)(
            actor,
            stored,
            released,
            [],
            [
              ownershipPaymentChanged(
                auditHead(deps.ids, actor, deps.clock.now(), stored.id, "payment-failed"),
                "ownership.payment_failed",
                stored,
                released,
              ),
            ],
            "expired",
          );
        }),
      ),
    );

/**
 * Ends one hold past its time: the processor is asked first (lookupPayment). Paid meanwhile: it is
 * confirmed. Still pending: its checkout is expired at the processor (so it can no longer be
 * paid; if it was paid in that instant, the answer says so and it is confirmed), then released.
 */
const expireOne =
  (deps: PaymentNewsDeps) =>
  (actor: Actor, hold: Ownership): TE.TaskEither<AppError, Ownership> => {
    const payment = hold.payment;
    if (payment === undefined) return releaseUncheckedOut(deps)(actor, hold.id);
    return pipe(
      deps.payments.lookupPayment(payment.id),
      TE.chain((lookup) =>
        lookup.state === "pending" ? deps.payments.expireCheckout(payment.id) : TE.right(lookup),
      ),
      TE.chain((lookup) =>
        applyPaymentNews(deps)(
          actor,
          hold.id,
          // A checkout the processor still calls pending after expiry is over for us all the same.
          lookup.state === "pending"
            ? { ...newsOfLookup(lookup), outcome: "expired" }
            : newsOfLookup(lookup),
        ),
      ),
    );
  };

/**
 * Releases up to `limit` unpaid holds whose time is up (what the hourly reconcile-payments batch
 * and each hold's one-off expiry run). One hold failing (the processor unreachable) never stops the
 * others: it stays held and is reported, and the next run tries it again.
 */
export const expireUnpaidHolds =
  (deps: PaymentNewsDeps) =>
  (
    actor: Actor,
    input: { readonly limit?: number } = {},
  ): TE.TaskEither<AppError, HoldExpiryReport> => {
    const limit = input.limit ?? 100;
    return pipe(
      deps.ownerships.listExpiredHolds(deps.clock.now(), limit),
      TE.chain((holds) => async () => {
        let confirmed = 0;
        let released = 0;
        const failures: { ownershipId: string; error: string }[] = [];
        for (const hold of holds) {
          const result = await expireOne(deps)(actor, hold)();
          if (E.isLeft(result)) failures.push({ ownershipId: hold.id, error: result.left._tag });
          else if (result.right.status === "active") confirmed += 1;
          else if (result.right.status !== "pending_payment") released += 1;
        }
        return E.right({
          examined: holds.length,
          confirmed,
          released,
          failures,
          more: holds.length === limit,
        });
      }),
    );
  };
