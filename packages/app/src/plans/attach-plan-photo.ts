import type { Plan } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { type EditPlanDeps, editPlan } from "./edit-plan.ts";

export interface AttachPlanPhotoInput {
  readonly planId: string;
  /** A key from POST /uploads: verified as the producer's own photo before it is attached. */
  readonly key: string;
}

/**
 * Its producer adds one uploaded photo to a plan, after the photos it has. An edit like any
 * other (the same permission, frozen-field and version rules); attaching a key the plan already
 * has changes nothing.
 */
export const attachPlanPhoto =
  (deps: EditPlanDeps) =>
  (actor: Actor, input: AttachPlanPhotoInput): TE.TaskEither<AppError, Plan> =>
    editPlan(deps)(actor, {
      planId: input.planId,
      patch: (plan) => ({
        photoKeys: plan.photoKeys.includes(input.key)
          ? plan.photoKeys
          : [...plan.photoKeys, input.key],
      }),
    });
