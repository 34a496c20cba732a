import { editPlan as applyEdit, type Plan, type PlanPatch, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { storeErrors } from "../store-errors.ts";
import { type PhotoVerificationDeps, verifyNewPhotos } from "../uploads/photo-verification.ts";
import { savePlanChange } from "./plan-change.ts";

export type EditPlanDeps = Pick<ReservationDeps, "plans" | "clock" | "ids"> & PhotoVerificationDeps;

export interface EditPlanInput {
  readonly planId: string;
  /**
   * Fields to change; an object field (pricing, salesWindow...) is replaced whole. A function
   * gets the plan as this call read it: a partial edit of a grouped field is merged from the
   * same read the write is guarded by.
   */
  readonly patch: PlanPatch | ((current: Plan) => PlanPatch);
  /** The version the producer edited (If-Match): STORE.VERSION_CONFLICT if the plan moved on. */
  readonly expectedVersion?: number;
}

/**
 * The plan's producer edits its terms: everything while draft; once open only what does not
 * change what owners bought (presentation, prices for later buyers, shipping capacity);
 * PLAN.FROZEN_FIELD otherwise. New photo keys are verified as the producer's own uploads before
 * anything is written. An edit that changes nothing writes nothing.
 */
export const editPlan =
  (deps: EditPlanDeps) =>
  (actor: Actor, input: EditPlanInput): TE.TaskEither<AppError, Plan> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.chain((plan) =>
        input.expectedVersion !== undefined && input.expectedVersion !== plan.version
          ? TE.left(storeErrors.versionConflict("plan", plan.id))
          : TE.right(plan),
      ),
      TE.chain((plan) => {
        const patch = typeof input.patch === "function" ? input.patch(plan) : input.patch;
        return pipe(
          verifyNewPhotos(deps)(actor, patch.photoKeys ?? [], plan.photoKeys),
          // The plan keeps the verified copies' keys, never the upload keys it was given.
          TE.map((keys) =>
            patch.photoKeys === undefined ? patch : { ...patch, photoKeys: [...keys] },
          ),
          TE.chain((verified) =>
            decided(applyEdit(plan, producerId(actor.id), verified, deps.clock.now())),
          ),
          TE.chain((next) =>
            next === plan ? TE.right(plan) : savePlanChange(deps)(actor, plan, next),
          ),
        );
      }),
    );
