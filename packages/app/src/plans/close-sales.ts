import { closePlan as close, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { endSales } from "./plan-status.ts";
import type { SalesClosedNoticeDeps } from "./sales-closed-notices.ts";

export type CloseSalesDeps = Pick<
  ReservationDeps,
  "plans" | "waitlists" | "ids" | "clock" | "config"
> &
  SalesClosedNoticeDeps;

export interface CloseSalesResult {
  readonly closedPlans: number;
  /**
   * Messages enqueued by this run: 0, since each close writes one fan-out trigger instead, expanded
   * by the flush-notifications batch (fan-out-notices.ts). Kept for the batch report's shape.
   */
  readonly messagesEnqueued: number;
  /** True when the run stopped at its limit with plans left for the next run. */
  readonly more: boolean;
}

/**
 * Batch: every open plan whose sales window has ended becomes closed and its waitlist is
 * withdrawn; its owners and producer are notified. At most `maxPlans` per run; the work list is the store's own state (plans still
 * open), so a run that stops or crashes is resumed by the next one without doing anything twice.
 */
export const closeSales =
  (deps: CloseSalesDeps) =>
  (
    actor: Actor,
    input: { readonly maxPlans?: number } = {},
  ): TE.TaskEither<AppError, CloseSalesResult> => {
    const max = input.maxPlans ?? 500;
    const now = deps.clock.now();
    // The notices are one fan-out trigger written with the close (endSales): expanded per owner
    // by the notification batch, so this run enqueues no message itself.
    const closeOne = (plan: Plan) =>
      pipe(
        endSales(deps)(actor, plan.id, close),
        TE.map(() => 0),
      );
    const run = (
      cursor: string | undefined,
      closed: number,
      messages: number,
    ): TE.TaskEither<AppError, CloseSalesResult> =>
      closed >= max
        ? TE.right({ closedPlans: closed, messagesEnqueued: messages, more: true })
        : pipe(
            deps.plans.listOpenClosingBy(
              now,
              cursor === undefined
                ? { limit: Math.min(25, max - closed) }
                : { limit: Math.min(25, max - closed), cursor },
            ),
            TE.chain((page) =>
              pipe(
                TE.sequenceSeqArray(page.items.map(closeOne)),
                TE.chain((done) => {
                  const total = messages + done.reduce((sum, n) => sum + n, 0);
                  return page.nextCursor === undefined
                    ? TE.right({
                        closedPlans: closed + done.length,
                        messagesEnqueued: total,
                        more: false,
                      })
                    : run(page.nextCursor, closed + done.length, total);
                }),
              ),
            ),
          );
    return pipe(
      requireAdmin(actor),
      TE.chain(() => run(undefined, 0, 0)),
    );
  };
