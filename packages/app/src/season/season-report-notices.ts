import {
  fanOutTrigger,
  type OutboxMessage,
  type OwnerId,
  type Plan,
  type PlanId,
  type SeasonReport,
  seasonReportPostedMessage,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";

export interface SeasonReportNoticeDeps {
  readonly ownerships: OwnershipStore;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
}

const MESSAGES_PER_ENQUEUE = 500;

/** The page a notice links to: the plan's page shows the report. */
export const planPagePath = (planId: PlanId): string => `/plans/${encodeURIComponent(planId)}`;

/**
 * Written with the report's first publication (edits write none): ONE trigger, fanned out to the
 * plan's owners by the notification batch. It carries what the owners' messages say, as first
 * published, so the fan-out reads no report or profile.
 */
export const seasonReportPostedFanOut = (
  ids: IdGenerator,
  plan: Pick<Plan, "id" | "title">,
  report: SeasonReport,
  producerName: string,
): OutboxMessage =>
  fanOutTrigger({
    id: ids.deterministic("msg", "fan-out", "season-report-posted", plan.id),
    kind: "season-report-posted",
    plan,
    at: report.publishedAt,
    params: {
      producerName,
      harvestedUnits: report.harvestedUnits,
      unitLabel: report.unitLabel,
    },
  });

/**
 * Tells every active owner of the plan that its report is out, with the first publication's
 * instant (the trigger's): run by the fan-out of the trigger the publication wrote. The dedupe key
 * names the plan and the owner, so a fan-out run again after a crash tells nobody twice.
 */
export const enqueueSeasonReportNotices =
  (deps: SeasonReportNoticeDeps) =>
  (plan: Plan, trigger: OutboxMessage): TE.TaskEither<AppError, number> =>
    pipe(
      allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
      TE.map((ownerships) =>
        [...new Set(ownerships.filter((o) => o.status === "active").map((o) => o.ownerId))].map(
          (recipient: OwnerId) =>
            seasonReportPostedMessage({
              id: deps.ids.deterministic("msg", "season-report-posted", plan.id, recipient),
              recipientId: recipient,
              at: trigger.at,
              plan: { id: plan.id, title: plan.title },
              producerName: String(trigger.params?.producerName ?? ""),
              harvestedUnits: Number(trigger.params?.harvestedUnits ?? 0),
              unitLabel: String(trigger.params?.unitLabel ?? plan.unitLabel),
              planUrl: planPagePath(plan.id),
            }),
        ),
      ),
      TE.chain((messages) =>
        eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) =>
          deps.outbox.enqueue(chunk),
        ),
      ),
      TE.map((results) => results.reduce((sum, r) => sum + r.enqueued, 0)),
    );
