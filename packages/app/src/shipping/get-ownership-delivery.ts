import { type OwnershipId, type PlanId, type PlanLogistics, planLogistics } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { DeliveryChoice } from "../ports/owner-profile-repository.ts";
import { deliveryChoiceOf } from "./delivery-destination.ts";
import { type OwnershipDeliveryDeps, ownOwnership } from "./set-ownership-delivery.ts";

export interface OwnershipDelivery {
  readonly ownershipId: OwnershipId;
  readonly planId: PlanId;
  /** Absent: the owner's default address, any time. */
  readonly choice?: DeliveryChoice;
  /** What the plan's boxes travel as and whether a slot may be chosen (its sender stays out). */
  readonly logistics: Omit<PlanLogistics, "sender">;
  /** The profile's version, for the next change's expectedVersion. */
  readonly profileVersion: number;
}

/** The owner's delivery choice for one of its ownerships, with what its plan allows. */
export const getOwnershipDelivery =
  (deps: Pick<OwnershipDeliveryDeps, "ownerships" | "plans" | "profiles">) =>
  (
    actor: Actor,
    input: { readonly ownershipId: string },
  ): TE.TaskEither<AppError, OwnershipDelivery> =>
    pipe(
      requireOwner(actor),
      TE.bindTo("ownerId"),
      TE.bind("ownership", ({ ownerId }) => ownOwnership(deps, ownerId, input.ownershipId)),
      TE.bind("plan", ({ ownership }) => loadPlan(deps.plans, ownership.planId)),
      TE.bind("profile", ({ ownerId }) => deps.profiles.get(ownerId)),
      TE.map(({ ownership, plan, profile }) => {
        const { sender: _sender, ...logistics } = planLogistics(plan);
        const stored = O.toUndefined(profile);
        const choice = deliveryChoiceOf(stored, ownership.id);
        return {
          ownershipId: ownership.id,
          planId: plan.id,
          ...(choice === undefined ? {} : { choice }),
          logistics,
          profileVersion: stored?.version ?? 0,
        };
      }),
    );
