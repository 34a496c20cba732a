import type { Plan } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, failTE } from "../errors.ts";
import { parsePhotoKey } from "../uploads/photo-key.ts";
import { type EditPlanDeps, editPlan } from "./edit-plan.ts";

export interface RemovePlanPhotoInput {
  readonly planId: string;
  /** One of the plan's photo keys (as the plan shows them). */
  readonly key: string;
}

/**
 * Its producer takes one photo off a plan, the others kept in order. An edit like attaching one
 * (the same permission and status rules, a versioned save with its audit entry); removing a key
 * the plan does not have changes nothing, so a repeated DELETE answers the plan as it is. A key
 * no verified photo could have is UPLOAD.INVALID (a typo is told, not answered as done).
 */
export const removePlanPhoto =
  (deps: EditPlanDeps) =>
  (actor: Actor, input: RemovePlanPhotoInput): TE.TaskEither<AppError, Plan> =>
    parsePhotoKey(input.key) === undefined
      ? failTE("UPLOAD.INVALID", "not a photo key of this service", { key: input.key })
      : editPlan(deps)(actor, {
          planId: input.planId,
          patch: (plan) => ({ photoKeys: plan.photoKeys.filter((key) => key !== input.key) }),
        });
