import {
  type PlanId,
  type PlanStatus,
  type SeasonReport,
  seasonTotalsFromLots,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { isProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { SeasonReportStore } from "../ports/season-report-store.ts";
import { storeErrors } from "../store-errors.ts";

export interface GetSeasonReportDeps {
  readonly plans: PlanRepository;
  readonly harvests: HarvestRepository;
  readonly seasonReports: SeasonReportStore;
}

/** What the producer's form starts from: the report as published, else the recorded lots. */
export interface SeasonReportDraft {
  readonly harvestedUnits: number;
  readonly lotCount: number;
  readonly unitLabel: string;
  readonly note: string;
  readonly photoKeys: readonly string[];
  /** The plan is completed: the report can be published (or edited) now. */
  readonly canPublish: boolean;
  readonly planStatus: PlanStatus;
}

export interface SeasonReportView {
  /** The published report, or null before publication. */
  readonly report: SeasonReport | null;
  /** Only for the plan's producer and admins. */
  readonly draft?: SeasonReportDraft;
}

const draftOf = (
  deps: GetSeasonReportDeps,
  plan: { id: PlanId; status: PlanStatus; unitLabel: string },
  report: SeasonReport | null,
): TE.TaskEither<AppError, SeasonReportDraft> => {
  const base = { unitLabel: plan.unitLabel, canPublish: plan.status === "completed" };
  return report !== null
    ? TE.right({
        ...base,
        harvestedUnits: report.harvestedUnits,
        lotCount: report.lotCount,
        note: report.note,
        photoKeys: report.photoKeys,
        planStatus: plan.status,
      })
    : pipe(
        deps.harvests.listByPlan(plan.id),
        TE.map((lots) => ({
          ...base,
          ...seasonTotalsFromLots(lots),
          note: "",
          photoKeys: [],
          planStatus: plan.status,
        })),
      );
};

/**
 * A plan's season report, public on the plan page (null until published). Its producer and admins
 * also get the form's starting values, prefilled from the recorded harvest lots.
 */
export const getSeasonReport =
  (deps: GetSeasonReportDeps) =>
  (actor: Actor | undefined, planId: PlanId): TE.TaskEither<AppError, SeasonReportView> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) => {
        const writer = actor !== undefined && (actor.role === "admin" || isProducerOf(actor, plan));
        // A draft plan is its producer's own: anyone else is told there is no such plan.
        if (plan.status === "draft" && !writer) return TE.left(storeErrors.planNotFound(planId));
        return pipe(
          deps.seasonReports.get(plan.id),
          TE.map(O.toNullable),
          TE.chain((report) =>
            writer
              ? pipe(
                  draftOf(deps, plan, report),
                  TE.map((draft): SeasonReportView => ({ report, draft })),
                )
              : TE.right<AppError, SeasonReportView>({ report }),
          ),
        );
      }),
    );
