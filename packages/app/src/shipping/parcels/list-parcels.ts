import { allocationIsVoid, NO_PARCELS, type ParcelCounts, type PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { seasonReader } from "../../access.ts";
import type { Actor } from "../../actor.ts";
import type { AppError } from "../../errors.ts";
import { loadPlan } from "../../loading.ts";
import { DEFAULT_PAGE_LIMIT, type PageRequest } from "../../pagination.ts";
import type { ParcelUseCaseDeps } from "./mark-parcel-shipped.ts";
import { type ParcelView, parcelView } from "./parcel-view.ts";
import { registerParcels } from "./register-parcels.ts";

export interface ParcelList {
  readonly items: readonly ParcelView[];
  readonly nextCursor?: string;
  /** The plan's counts (its producer) or the owner's own parcels' counts on this page. */
  readonly counts: ParcelCounts;
  readonly planStatus: string;
}

/**
 * A plan's parcels with their tracking links: its producer sees every one (parcels scheduled
 * since the last batch are registered first, so the list is complete), an owner its own. None
 * once the plan is cancelled.
 */
export const listParcels =
  (deps: ParcelUseCaseDeps) =>
  (
    actor: Actor,
    input: { readonly planId: PlanId; readonly page?: PageRequest },
  ): TE.TaskEither<AppError, ParcelList> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) =>
        pipe(
          seasonReader(actor, plan, "parcels"),
          TE.chain((reader): TE.TaskEither<AppError, ParcelList> => {
            const page = input.page ?? { limit: DEFAULT_PAGE_LIMIT };
            if (allocationIsVoid(plan))
              return TE.right({ items: [], counts: NO_PARCELS, planStatus: plan.status });
            if ("owner" in reader)
              return pipe(
                deps.parcels.listByOwner(plan.id, reader.owner, page),
                TE.map((found) => ({
                  ...found,
                  items: found.items.map(parcelView),
                  counts: {
                    total: found.items.length,
                    shipped: found.items.filter((p) => p.progress.state !== "scheduled").length,
                    delivered: found.items.filter((p) => p.progress.state === "delivered").length,
                  },
                  planStatus: plan.status,
                })),
              );
            return pipe(
              plan.status === "allocated" && input.page?.cursor === undefined
                ? registerParcels(deps)(plan.id)
                : TE.right(0),
              TE.chain(() =>
                pipe(
                  TE.Do,
                  TE.apS("found", deps.parcels.listByPlan(plan.id, page)),
                  TE.apS("counts", deps.parcels.counts(plan.id)),
                ),
              ),
              TE.map(({ found, counts }) => ({
                ...found,
                items: found.items.map(parcelView),
                counts,
                planStatus: plan.status,
              })),
            );
          }),
        ),
      ),
    );
