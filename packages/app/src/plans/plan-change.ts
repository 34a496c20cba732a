import { type OutboxMessage, type Plan, planChanged } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import type { AppError } from "../errors.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

/**
 * Saves a plan the domain changed, at the version it was read, with the audit entry saying what
 * changed (and why, when a transition has a reason) and the notices it causes, in one write.
 */
export const savePlanChange =
  (deps: Pick<ReservationDeps, "plans" | "ids">) =>
  (
    actor: Actor,
    before: Plan,
    after: Plan,
    reason?: string,
    notices: readonly OutboxMessage[] = [],
  ): TE.TaskEither<AppError, Plan> =>
    deps.plans.save(
      after,
      before.version,
      [
        planChanged(
          auditHead(
            deps.ids,
            actor,
            after.updatedAt,
            before.id,
            "version",
            String(before.version + 1),
          ),
          before,
          after,
          reason,
        ),
      ],
      // What the change causes (fan-out triggers): in the same atomic write.
      notices,
    );
