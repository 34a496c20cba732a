import { addMillis, type Ownership, paymentAmounts, paymentExpiringMessage } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface RemindExpiringHoldsDeps {
  readonly ownerships: OwnershipStore;
  readonly plans: PlanRepository;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

/** How long before its end an unpaid hold is reminded of. */
export const HOLD_REMINDER_MS = 15 * 60_000;

/**
 * Reminds the owners of unpaid holds that end within `withinMs` (and were long enough to need a
 * reminder: at least twice that): one "payment-expiring" message per hold. The event is time
 * passing, not a change: the message is the only write, and its dedupe key (the ownership) makes
 * every later run's repeat harmless. Run at the start of each flush-notifications batch run.
 */
export const remindExpiringHolds =
  (deps: RemindExpiringHoldsDeps) =>
  (withinMs = HOLD_REMINDER_MS, limit = 100): TE.TaskEither<AppError, number> => {
    const now = deps.clock.now();
    const due = (o: Ownership) =>
      o.status === "pending_payment" &&
      o.holdExpiresAt !== undefined &&
      o.holdExpiresAt > now &&
      Date.parse(o.holdExpiresAt) - Date.parse(o.reservedAt) >= 2 * withinMs;
    return pipe(
      deps.ownerships.listExpiredHolds(addMillis(now, withinMs), limit),
      TE.map((holds) => holds.filter(due)),
      TE.chain((holds) =>
        holds.length === 0
          ? TE.right(0)
          : pipe(
              deps.plans.getMany([...new Set(holds.map((h) => h.planId))]),
              TE.map((plans) => new Map(plans.map((p) => [p.id as string, p]))),
              TE.map((plans) =>
                holds.flatMap((hold) => {
                  const plan = plans.get(hold.planId);
                  if (plan === undefined || hold.holdExpiresAt === undefined) return [];
                  return [
                    paymentExpiringMessage({
                      id: deps.ids.deterministic("msg", "payment-expiring", hold.id),
                      recipientId: hold.ownerId,
                      at: now,
                      plan: { id: plan.id, title: plan.title },
                      ownershipId: hold.id,
                      shares: hold.shares,
                      amountYen: paymentAmounts(hold).amountYen,
                      holdExpiresAt: hold.holdExpiresAt,
                    }),
                  ];
                }),
              ),
              TE.chain((messages) => deps.outbox.enqueue(messages)),
              TE.map((result) => result.enqueued),
            ),
      ),
    );
  };
