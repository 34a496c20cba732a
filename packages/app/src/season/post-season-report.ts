import {
  type OwnerId,
  type Plan,
  type PlanId,
  type SeasonReport,
  seasonReportPostedMessage,
  writeSeasonReport,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { SeasonReportStore } from "../ports/season-report-store.ts";
import { type PhotoVerificationDeps, verifyNewPhotos } from "../uploads/photo-verification.ts";

export interface PostSeasonReportDeps extends PhotoVerificationDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly seasonReports: SeasonReportStore;
  readonly producerProfiles: ProducerProfileStore;
  readonly outbox: Outbox;
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

const MESSAGES_PER_ENQUEUE = 500;

/** The page a notice links to: the plan's page shows the report. */
export const planPagePath = (planId: PlanId): string => `/plans/${encodeURIComponent(planId)}`;

/**
 * Tells every active owner of the plan that its report is out, with the first publication's
 * instant. Enqueued before every write of the report, as sales-closed and plan-cancelled notices
 * are: a write that fails after it is retried and finds its messages there (the dedupe key names
 * the plan and the owner, so edits and retries tell nobody twice), and a stored report never
 * misses its notices (at least once).
 */
const notifyOwners = (deps: PostSeasonReportDeps, plan: Plan, report: SeasonReport) =>
  pipe(
    TE.Do,
    TE.bind("owners", () =>
      pipe(
        allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
        TE.map((ownerships) => [
          ...new Set(ownerships.filter((o) => o.status === "active").map((o) => o.ownerId)),
        ]),
      ),
    ),
    TE.bind("producerName", () =>
      pipe(
        deps.producerProfiles.get(plan.producerId),
        TE.map(
          O.match(
            () => "",
            (profile) => profile.displayName,
          ),
        ),
      ),
    ),
    TE.map(({ owners, producerName }) =>
      owners.map((recipient: OwnerId) =>
        seasonReportPostedMessage({
          id: deps.ids.deterministic("msg", "season-report-posted", plan.id, recipient),
          recipientId: recipient,
          at: report.publishedAt,
          plan: { id: plan.id, title: plan.title },
          producerName,
          harvestedUnits: report.harvestedUnits,
          unitLabel: report.unitLabel,
          planUrl: planPagePath(plan.id),
        }),
      ),
    ),
    TE.chain((messages) =>
      eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) => deps.outbox.enqueue(chunk)),
    ),
  );

/**
 * The plan's producer (or an admin) publishes the season report of a completed plan, or edits it;
 * new photos are verified first. Refused with SEASON.PLAN_NOT_COMPLETED before completion.
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
      TE.chainFirst(({ plan, report }) => notifyOwners(deps, plan, report)),
      TE.chain(({ report, photoKeys }) =>
        deps.seasonReports.put({ ...report, photoKeys: [...photoKeys] }),
      ),
    );
