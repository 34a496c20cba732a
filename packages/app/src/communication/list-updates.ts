import type { PlanId, PlanUpdate } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { planViewer } from "./plan-viewer.ts";

export interface ListUpdatesDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly communication: CommunicationRepository;
}

export interface ListUpdatesInput {
  readonly planId: PlanId;
  readonly page?: PageRequest;
}

/**
 * A plan's updates, newest first. Owners-only news is listed for the plan's owners and producer
 * and left out (not redacted) for everyone else, anonymous visitors included (`actor` undefined).
 */
export const listUpdates =
  (deps: ListUpdatesDeps) =>
  (actor: Actor | undefined, input: ListUpdatesInput): TE.TaskEither<AppError, Page<PlanUpdate>> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => planViewer(deps.ownerships, actor, plan)),
      TE.chain((viewer) =>
        deps.communication.listUpdates(
          input.planId,
          {
            includeOwnersOnly:
              viewer !== undefined && (viewer.isOwnerOfPlan || viewer.isProducerOfPlan),
          },
          input.page ?? { limit: DEFAULT_PAGE_LIMIT },
        ),
      ),
    );
