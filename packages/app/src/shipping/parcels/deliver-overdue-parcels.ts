import { isDeliveryAssumable, type PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../../actor.ts";
import { allPages } from "../../all-pages.ts";
import type { AppError } from "../../errors.ts";
import { loadPlan } from "../../loading.ts";
import { advancePlan } from "./advance-plan.ts";
import { deliverParcel } from "./confirm-delivery.ts";
import type { ParcelUseCaseDeps } from "./mark-parcel-shipped.ts";
import { registerParcels } from "./register-parcels.ts";

/** A shipped parcel nobody confirmed counts as delivered this many days after it left. */
export const ASSUME_DELIVERED_AFTER_DAYS = 7;

export interface DeliverOverdueReport {
  readonly parcelsRegistered: number;
  readonly parcelsAssumedDelivered: number;
  readonly planStatus: string;
}

/**
 * The batch's work on one plan: register parcels scheduled since, count as delivered every parcel
 * shipped `afterDays` ago or more that nobody confirmed (each with its owner's message), then move
 * the plan to shipped / completed. Repeatable: a parcel delivered meanwhile is left as it is, and
 * a lost race is picked up on the next run.
 */
export const deliverOverdueParcels =
  (deps: ParcelUseCaseDeps & { readonly assumeDeliveredAfterDays?: number }) =>
  (
    actor: Actor,
    input: { readonly planId: PlanId },
  ): TE.TaskEither<AppError, DeliverOverdueReport> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) =>
        pipe(
          registerParcels(deps)(plan.id),
          TE.chain((registered) =>
            pipe(
              allPages((page) => deps.parcels.listByPlan(plan.id, page)),
              TE.chain((parcels) => async () => {
                const now = deps.clock.now();
                const days = deps.assumeDeliveredAfterDays ?? ASSUME_DELIVERED_AFTER_DAYS;
                let delivered = 0;
                for (const parcel of parcels) {
                  if (!isDeliveryAssumable(parcel.progress, now, days)) continue;
                  const result = await deliverParcel(deps)(plan, parcel, "auto")();
                  if (E.isRight(result)) {
                    if (result.right.changed) delivered += 1;
                    continue;
                  }
                  // The owner confirmed meanwhile: nothing left to do for this parcel.
                  if (result.left._tag === "STORE.VERSION_CONFLICT") continue;
                  return result;
                }
                return E.right(delivered);
              }),
              TE.map((delivered) => ({ registered, delivered })),
            ),
          ),
        ),
      ),
      TE.chain(({ registered, delivered }) =>
        pipe(
          advancePlan(deps)(actor, input.planId),
          TE.map((plan) => ({
            parcelsRegistered: registered,
            parcelsAssumedDelivered: delivered,
            planStatus: plan.status,
          })),
        ),
      ),
    );
