import { type Carrier, domainError, isCarrier, type ParcelId, type PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../../actor.ts";
import type { AppError } from "../../errors.ts";
import { type AdvancePlanDeps, advancePlan } from "./advance-plan.ts";
import { type ParcelView, parcelView } from "./parcel-view.ts";
import { planForShipping } from "./producer-parcel-access.ts";
import { type RegisterParcelsDeps, registerParcels } from "./register-parcels.ts";
import { type ShipOutcome, type ShipParcelDeps, shipParcel } from "./ship-parcel.ts";

export type ParcelUseCaseDeps = AdvancePlanDeps & RegisterParcelsDeps & ShipParcelDeps;

export interface MarkParcelShippedInput {
  readonly planId: PlanId;
  readonly parcelId: ParcelId;
  readonly carrier: string;
  readonly trackingNumber: string;
}

export interface MarkParcelShippedResult {
  readonly parcel: ParcelView;
  readonly outcome: ShipOutcome;
  /** The plan's status after the move (`shipped` once every parcel left). */
  readonly planStatus: string;
}

export const carrierOrInvalid = (carrier: string): TE.TaskEither<AppError, Carrier> =>
  isCarrier(carrier)
    ? TE.right(carrier)
    : TE.left(
        domainError("VALIDATION.INVALID", "carrier must be yamato, sagawa, japanpost or other", {
          fields: [{ field: "carrier", message: "unknown carrier" }],
        }),
      );

/**
 * The producer marks one parcel shipped with its carrier and tracking number (PUT: repeating it
 * changes nothing; another number corrects a typo). A parcel scheduled since the last batch is
 * registered first. The plan becomes `shipped` when this was its last parcel to leave.
 */
export const markParcelShippedUseCase =
  (deps: ParcelUseCaseDeps) =>
  (actor: Actor, input: MarkParcelShippedInput): TE.TaskEither<AppError, MarkParcelShippedResult> =>
    pipe(
      TE.Do,
      TE.apS("carrier", carrierOrInvalid(input.carrier)),
      TE.apS("plan", planForShipping(deps.plans, actor, input.planId)),
      TE.chain(({ carrier, plan }) => {
        const ship = () =>
          shipParcel(deps)(plan, {
            parcelId: input.parcelId,
            carrier,
            trackingNumber: input.trackingNumber,
          });
        return pipe(
          ship(),
          TE.orElse((error) =>
            error._tag === "PARCEL.NOT_FOUND"
              ? pipe(registerParcels(deps)(plan.id), TE.chain(ship))
              : TE.left(error),
          ),
        );
      }),
      TE.chain((shipped) =>
        pipe(
          advancePlan(deps)(actor, input.planId),
          TE.map((plan) => ({
            parcel: parcelView(shipped.parcel),
            outcome: shipped.outcome,
            planStatus: plan.status,
          })),
        ),
      ),
    );
