import {
  applicationRejectedMessage,
  type ProducerApplication,
  rejectProducerApplication,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, decided } from "../errors.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";
import { loadApplication, requireOpenApplicant } from "./load-application.ts";

export interface RejectDeps {
  readonly accountClosures: AccountClosures;
  readonly producerApplications: ProducerApplicationStore;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

/**
 * An admin rejects a pending application with a reason the applicant reads. Rejecting a rejected
 * one again only re-sends its notice (deduplicated: a retry after a lost answer tells once).
 */
export const rejectApplication =
  (deps: RejectDeps) =>
  (
    actor: Actor,
    input: { readonly id: string; readonly reason: unknown },
  ): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => loadApplication(deps.producerApplications)(input.id)),
      TE.chain(requireOpenApplicant(deps.accountClosures)),
      TE.chain((application) =>
        application.status === "rejected"
          ? TE.right(application)
          : pipe(
              decided(
                rejectProducerApplication(application, actor.id, input.reason, deps.clock.now()),
              ),
              TE.chain((rejected) => deps.producerApplications.save(rejected, rejected.version)),
            ),
      ),
      TE.chain((rejected) =>
        pipe(
          deps.outbox.enqueue([
            applicationRejectedMessage({
              id: deps.ids.deterministic("msg", "application-rejected", rejected.id),
              application: rejected,
              reason: rejected.rejectionReason ?? "",
              at: rejected.decidedAt ?? deps.clock.now(),
            }),
          ]),
          TE.map(() => rejected),
        ),
      ),
    );
