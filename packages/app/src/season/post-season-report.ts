import {
  type OutboxMessage,
  type Plan,
  type PlanId,
  type SeasonReport,
  writeSeasonReport,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { SeasonReportStore } from "../ports/season-report-store.ts";
import { type PhotoVerificationDeps, verifyNewPhotos } from "../uploads/photo-verification.ts";
import { seasonReportPostedFanOut } from "./season-report-notices.ts";

export { planPagePath } from "./season-report-notices.ts";

export interface PostSeasonReportDeps extends PhotoVerificationDeps {
  readonly plans: PlanRepository;
  readonly seasonReports: SeasonReportStore;
  readonly producerProfiles: ProducerProfileStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface PostSeasonReportInput {
  readonly planId: PlanId;
  readonly harvestedUnits: number;
  readonly lotCount: number;
  readonly note: string;
  /** Keys from POST /uploads (verified as the caller's own photos) or photos the report has. */
  readonly photoKeys: readonly string[];
}

/**
 * The first publication's fan-out trigger (edits tell nobody, so they write none), with the
 * producer's display name the owners' messages give.
 */
const firstPublicationNotices = (
  deps: PostSeasonReportDeps,
  plan: Plan,
  report: SeasonReport,
): TE.TaskEither<AppError, readonly OutboxMessage[]> =>
  report.version !== 1
    ? TE.right([])
    : pipe(
        deps.producerProfiles.get(plan.producerId),
        TE.map(
          O.match(
            () => "",
            (profile) => profile.displayName,
          ),
        ),
        TE.map((producerName) => [seasonReportPostedFanOut(deps.ids, plan, report, producerName)]),
      );

/**
 * The plan's producer (or an admin) publishes the season report of a completed plan, or edits it;
 * new photos are verified first. Refused with SEASON.PLAN_NOT_COMPLETED before completion. The
 * first publication writes one fan-out trigger with the report (season-report-notices.ts): the
 * notification batch tells each active owner once; a refused or lost write tells nobody.
 */
export const postSeasonReport =
  (deps: PostSeasonReportDeps) =>
  (actor: Actor, input: PostSeasonReportInput): TE.TaskEither<AppError, SeasonReport> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.bindTo("plan"),
      TE.bind("existing", ({ plan }) => deps.seasonReports.get(plan.id)),
      TE.bind("report", ({ plan, existing }) =>
        // Decided before the photos are verified: a report refused anyway copies no upload.
        fromDomain(
          writeSeasonReport(plan, O.toUndefined(existing), {
            harvestedUnits: input.harvestedUnits,
            lotCount: input.lotCount,
            note: input.note,
            photoKeys: input.photoKeys,
            at: deps.clock.now(),
          }),
        ),
      ),
      TE.bind("photoKeys", ({ existing }) =>
        verifyNewPhotos(deps)(
          actor,
          input.photoKeys,
          O.match(
            () => [],
            (stored: SeasonReport) => stored.photoKeys,
          )(existing),
        ),
      ),
      TE.bind("notices", ({ plan, report }) => firstPublicationNotices(deps, plan, report)),
      // The owners hear of the report only once it is stored: its trigger is in the same write.
      TE.chain(({ report, photoKeys, notices }) =>
        deps.seasonReports.put({ ...report, photoKeys: [...photoKeys] }, notices),
      ),
    );
