import { type RefundIntentStore, storeErrors } from "@owners/app";
import { isRefundIntentOpen, type RefundIntent } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { atomically, copy, type ReservationDb } from "./reservation-db.ts";

const byCreation = (a: RefundIntent, b: RefundIntent) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

/**
 * Refund intents in the reservation database (the cancellation creates them atomically; the
 * allocation batch those of unconfirmed shortfall refunds).
 */
export const makeMemoryRefundIntents = (db: ReservationDb): RefundIntentStore => {
  const all = () => [...db.refundIntents.values()];
  return {
    get: (id) => atomically(() => E.right(O.map(copy)(O.fromNullable(db.refundIntents.get(id))))),
    listByPaymentIntent: (paymentIntentId) =>
      atomically(() =>
        E.right(
          all()
            .filter((i) => i.paymentIntentId === paymentIntentId)
            .sort(byCreation)
            .map(copy),
        ),
      ),
    listByPlan: (planId) =>
      atomically(() =>
        E.right(
          all()
            // Ownerships' refunds only: a booking's money is outside the plan's ledger.
            .filter((i) => i.planId === planId && i.booking === undefined)
            .sort(byCreation)
            .map(copy),
        ),
      ),
    listOpen: (limit, afterId) =>
      atomically(() =>
        E.right(
          all()
            .filter((i) => isRefundIntentOpen(i) && (afterId === undefined || i.id > afterId))
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .slice(0, Math.max(1, limit))
            .map(copy),
        ),
      ),
    create: (intent) =>
      atomically(() => {
        const stored = db.refundIntents.get(intent.id);
        if (stored !== undefined) return E.right(copy(stored));
        db.refundIntents.set(intent.id, copy(intent));
        return E.right(copy(intent));
      }),
    save: (intent, expectedVersion) =>
      atomically(() => {
        const stored = db.refundIntents.get(intent.id);
        if (stored === undefined || stored.version !== expectedVersion)
          return E.left(storeErrors.versionConflict("refund intent", intent.id));
        db.refundIntents.set(intent.id, copy(intent));
        return E.right(copy(intent));
      }),
  };
};
