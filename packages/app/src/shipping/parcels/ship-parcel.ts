import {
  type Carrier,
  markParcelShipped,
  normalizeTrackingNumber,
  type ParcelId,
  type Plan,
  parcelShippedMessage,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { BackoffPolicy } from "../../backoff.ts";
import { retryOnConflict } from "../../conflict-retry.ts";
import { type AppError, appError } from "../../errors.ts";
import type { Clock } from "../../ports/clock.ts";
import type { IdGenerator } from "../../ports/id-generator.ts";
import type { ParcelRecord, ParcelStore } from "../../ports/parcel-store.ts";

export interface ShipParcelDeps {
  readonly parcels: ParcelStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly conflictRetry?: BackoffPolicy;
}

export const PARCEL_CONFLICT_RETRY: BackoffPolicy = {
  budgetMs: 2_000,
  baseDelayMs: 10,
  maxDelayMs: 200,
};

export type ShipOutcome = "shipped" | "corrected" | "unchanged";

export interface ShippedParcel {
  readonly parcel: ParcelRecord;
  readonly outcome: ShipOutcome;
}

/**
 * One parcel of `plan` handed to a carrier (the plan's producer and status are the caller's
 * check): its tracking number normalized and checked, the move saved with the owner's
 * "parcel-shipped" message the first time it leaves. A corrected number is saved without a new
 * message; the same number again writes nothing.
 */
export const shipParcel =
  (deps: ShipParcelDeps) =>
  (
    plan: Plan,
    input: {
      readonly parcelId: ParcelId;
      readonly carrier: Carrier;
      readonly trackingNumber: string;
    },
  ): TE.TaskEither<AppError, ShippedParcel> =>
    pipe(
      TE.fromEither(normalizeTrackingNumber(input.carrier, input.trackingNumber)),
      TE.chainW((trackingNumber) =>
        retryOnConflict(deps.conflictRetry ?? PARCEL_CONFLICT_RETRY, () =>
          pipe(
            deps.parcels.get(plan.id, input.parcelId),
            TE.chain(
              O.match(
                () =>
                  TE.left<AppError, ParcelRecord>(
                    appError("PARCEL.NOT_FOUND", "no such parcel in this plan", {
                      planId: plan.id,
                      parcelId: input.parcelId,
                    }),
                  ),
                TE.right,
              ),
            ),
            TE.chain((parcel): TE.TaskEither<AppError, ShippedParcel> => {
              const now = deps.clock.now();
              const moved = markParcelShipped(parcel.progress, {
                carrier: input.carrier,
                trackingNumber,
                at: now,
              });
              if (E.isLeft(moved)) return TE.left(moved.left);
              const next = moved.right;
              if (next === parcel.progress) return TE.right({ parcel, outcome: "unchanged" });
              const first = parcel.progress.state === "scheduled";
              const messages =
                first && next.state === "shipped"
                  ? [
                      parcelShippedMessage({
                        id: deps.ids.deterministic("msg", "parcel-shipped", parcel.id),
                        recipientId: parcel.ownerId,
                        at: now,
                        plan: { id: plan.id, title: plan.title },
                        parcelId: parcel.id,
                        boxes: parcel.boxes,
                        carrier: next.carrier,
                        trackingNumber: next.trackingNumber,
                        arriveBy: parcel.arriveBy,
                      }),
                    ]
                  : [];
              return pipe(
                deps.parcels.saveProgress({ ...parcel, progress: next }, parcel.version, messages),
                TE.map((saved) => ({ parcel: saved, outcome: first ? "shipped" : "corrected" })),
              );
            }),
          ),
        ),
      ),
    );
