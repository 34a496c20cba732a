import {
  createPlan as newPlan,
  type Plan,
  type ProducerId,
  planCreated,
  planId,
  producerId,
  type RawPlanTerms,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export type CreatePlanDeps = Pick<ReservationDeps, "plans" | "clock" | "ids" | "config">;

export interface CreatePlanInput {
  readonly terms: RawPlanTerms;
  /** Only an admin creates a plan for a producer; a producer always creates its own. */
  readonly producerId?: string;
}

/** A producer drafts a plan; the platform's current fee rate is fixed on it. */
export const createPlan =
  (deps: CreatePlanDeps) =>
  (actor: Actor, input: CreatePlanInput): TE.TaskEither<AppError, Plan> => {
    const producer: TE.TaskEither<AppError, ProducerId> =
      actor.role === "producer"
        ? TE.right(producerId(actor.id))
        : actor.role === "admin" && input.producerId !== undefined
          ? TE.right(producerId(input.producerId))
          : TE.left(forbidden("only producers create plans", actor));
    const now = deps.clock.now();
    return pipe(
      producer,
      TE.chain((owner) =>
        decided(
          newPlan({
            id: planId(deps.ids.next("plan")),
            producerId: owner,
            terms: input.terms,
            platformFeeBps: deps.config.platformFeeBps,
            now,
          }),
        ),
      ),
      TE.chain((plan) =>
        deps.plans.create(plan, [
          planCreated(auditHead(deps.ids, actor, now, plan.id, "created"), plan),
        ]),
      ),
    );
  };
