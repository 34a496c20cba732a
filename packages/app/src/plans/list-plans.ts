import { type PlanStatus, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { PlanFilter } from "../ports/plan-repository.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { type PlanView, planView } from "./get-plan.ts";

export interface ListPlansInput {
  readonly status?: PlanStatus;
  readonly category?: string;
  readonly region?: string;
  readonly producerId?: string;
  readonly page: PageRequest;
}

/**
 * Browses plans, newest first, a page at a time. Drafts are private: an admin sees every plan, a
 * producer its own in any state; everyone else sees open plans unless asking for another
 * published state, and asking for drafts is AUTH.FORBIDDEN.
 */
export const listPlans =
  (deps: Pick<ReservationDeps, "plans">) =>
  (actor: Actor, input: ListPlansInput): TE.TaskEither<AppError, Page<PlanView>> => {
    const ownList = actor.role === "producer" && input.producerId === actor.id;
    const seesDrafts = actor.role === "admin" || ownList;
    if (!seesDrafts && input.status === "draft")
      return TE.left(forbidden("drafts are private to their producer", actor));
    const status = seesDrafts ? input.status : (input.status ?? "open");
    const filter: PlanFilter = {
      ...(status === undefined ? {} : { status }),
      ...(input.category === undefined ? {} : { category: input.category }),
      ...(input.region === undefined ? {} : { region: input.region }),
      ...(input.producerId === undefined ? {} : { producerId: producerId(input.producerId) }),
    };
    return pipe(
      deps.plans.list(filter, input.page),
      TE.map((page) => ({ ...page, items: page.items.map(planView) })),
    );
  };
