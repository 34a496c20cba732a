import {
  canViewUpdate,
  type Plan,
  type PlanUpdate,
  type PlanViewer,
  type UpdateId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { planViewer } from "./plan-viewer.ts";

export interface VisibleUpdate {
  readonly update: PlanUpdate;
  readonly plan: Plan;
  readonly viewer: PlanViewer | undefined;
}

/** The update if the actor may see it; an owners-only update is UPDATE.NOT_FOUND to others. */
export const visibleUpdate = (
  deps: {
    readonly plans: PlanRepository;
    readonly ownerships: OwnershipStore;
    readonly communication: CommunicationRepository;
  },
  actor: Actor | undefined,
  id: UpdateId,
): TE.TaskEither<AppError, VisibleUpdate> => {
  const notFound = appError("UPDATE.NOT_FOUND", "no such update", { updateId: id });
  return pipe(
    deps.communication.getUpdate(id),
    TE.chain(
      O.match(
        () => TE.left<AppError, PlanUpdate>(notFound),
        (update) => TE.right(update),
      ),
    ),
    TE.bindTo("update"),
    TE.bind("plan", ({ update }) => loadPlan(deps.plans, update.planId)),
    TE.bind("viewer", ({ plan }) => planViewer(deps.ownerships, actor, plan)),
    TE.chain((found) =>
      canViewUpdate(found.update, found.viewer) ? TE.right(found) : TE.left(notFound),
    ),
  );
};
