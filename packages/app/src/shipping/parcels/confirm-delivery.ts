import {
  confirmParcelDelivered,
  type DeliveryConfirmation,
  type ParcelId,
  type Plan,
  type PlanId,
  parcelDeliveredMessage,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../../access.ts";
import type { Actor } from "../../actor.ts";
import { retryOnConflict } from "../../conflict-retry.ts";
import { type AppError, appError } from "../../errors.ts";
import { loadPlan } from "../../loading.ts";
import type { ParcelRecord } from "../../ports/parcel-store.ts";
import { advancePlan } from "./advance-plan.ts";
import type { ParcelUseCaseDeps } from "./mark-parcel-shipped.ts";
import { type ParcelView, parcelView } from "./parcel-view.ts";
import { PARCEL_CONFLICT_RETRY, type ShipParcelDeps } from "./ship-parcel.ts";

/**
 * A shipped parcel arrives: saved with the owner's "parcel-delivered" message, once. Delivering
 * it again (a double click, the batch after the owner) writes nothing and says "unchanged".
 */
export const deliverParcel =
  (deps: ShipParcelDeps) =>
  (
    plan: Plan,
    parcel: ParcelRecord,
    by: DeliveryConfirmation,
  ): TE.TaskEither<AppError, { parcel: ParcelRecord; changed: boolean }> => {
    const now = deps.clock.now();
    const next = confirmParcelDelivered(parcel.progress, now, by);
    if (E.isLeft(next)) return TE.left(next.left);
    if (next.right === parcel.progress) return TE.right({ parcel, changed: false });
    const message = parcelDeliveredMessage({
      id: deps.ids.deterministic("msg", "parcel-delivered", parcel.id),
      recipientId: parcel.ownerId,
      at: now,
      plan: { id: plan.id, title: plan.title },
      parcelId: parcel.id,
      boxes: parcel.boxes,
      confirmedBy: by,
    });
    return pipe(
      deps.parcels.saveProgress({ ...parcel, progress: next.right }, parcel.version, [message]),
      TE.map((saved) => ({ parcel: saved, changed: true })),
    );
  };

const notYours = (planId: PlanId, id: ParcelId) =>
  appError("PARCEL.NOT_FOUND", "no such parcel among yours", { planId, parcelId: id });

/**
 * The owner says a parcel arrived (「届きました」). Only its owner may, and only once it left
 * (PARCEL.NOT_SHIPPED); another owner's parcel is not found, not forbidden (nothing is revealed).
 * The plan may complete with it.
 */
export const confirmDelivery =
  (deps: ParcelUseCaseDeps) =>
  (
    actor: Actor,
    input: { readonly planId: PlanId; readonly parcelId: ParcelId },
  ): TE.TaskEither<AppError, { readonly parcel: ParcelView; readonly planStatus: string }> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner) =>
        pipe(
          loadPlan(deps.plans, input.planId),
          TE.chain((plan) =>
            retryOnConflict(deps.conflictRetry ?? PARCEL_CONFLICT_RETRY, () =>
              pipe(
                deps.parcels.get(plan.id, input.parcelId),
                TE.chain(
                  O.match(
                    () => TE.left<AppError, ParcelRecord>(notYours(plan.id, input.parcelId)),
                    (parcel) =>
                      parcel.ownerId === owner
                        ? TE.right(parcel)
                        : TE.left(notYours(plan.id, input.parcelId)),
                  ),
                ),
                TE.chain((parcel) => deliverParcel(deps)(plan, parcel, "owner")),
              ),
            ),
          ),
        ),
      ),
      TE.chain(({ parcel }) =>
        pipe(
          advancePlan(deps)(actor, input.planId),
          TE.map((plan) => ({ parcel: parcelView(parcel), planStatus: plan.status })),
        ),
      ),
    );
