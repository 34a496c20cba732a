import {
  fullRefundEntries,
  type LedgerEntry,
  type LedgerReason,
  type Ownership,
  ownershipCancelled,
  sumYen,
  type Yen,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead, ledgerContext, moneyAudit } from "../audit-records.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import { followUpOffers } from "../waitlist/offer-follow-up.ts";
import { offersMadeBy } from "../waitlist/waitlist-offer-notices.ts";
import { freedSharesToLine } from "../waitlist/waitlist-steps.ts";
import { creditMovementRecords, creditMoveOf } from "./reservation-credit.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

const refundedYen = (entries: readonly LedgerEntry[]): Yen =>
  sumYen(entries.filter((e) => e.kind === "refund").map((e) => e.amountYen));

export type ReleaseDeps = Pick<
  ReservationDeps,
  | "plans"
  | "ownerships"
  | "waitlists"
  | "ledger"
  | "clock"
  | "ids"
  | "config"
  | "outbox"
  | "scheduler"
>;

/**
 * Cancels an ownership in one atomic write: refund entries reversing its reservation in full, its
 * shares back to the plan and the owner's cap, and (on an open plan) offered to the waitlist in
 * line order. Who may do it and when is the caller's check. Re-read and retried when it loses a
 * race; an ownership already cancelled is returned as it is (nothing to release twice).
 */
export const releaseOwnership =
  (deps: ReleaseDeps) =>
  (
    actor: Actor,
    ownershipId: string,
    reason: Extract<LedgerReason, "cancellation" | "plan-cancellation">,
  ): TE.TaskEither<AppError, Ownership> =>
    retryOnConflict(deps.config.conflictRetry, () =>
      pipe(
        loadOwnership(deps.ownerships, ownershipId),
        TE.chain((ownership) =>
          ownership.status !== "active"
            ? TE.right(ownership)
            : pipe(
                TE.Do,
                TE.bind("plan", () => loadPlan(deps.plans, ownership.planId)),
                TE.bind("history", () =>
                  deps.ledger.listByOwnership(ownership.planId, ownership.id),
                ),
                TE.bind("now", () => TE.right(deps.clock.now())),
                TE.bind("refund", ({ history, now }) =>
                  decided(
                    fullRefundEntries(
                      ledgerContext(deps.ids, ownership, now, actor, reason),
                      reason,
                      history,
                    ),
                  ),
                ),
                TE.bind("line", ({ plan, now }) =>
                  freedSharesToLine(deps)(actor, plan, ownership.shares, now),
                ),
                // Credit the ownership spent goes back to the owner's balance, in the same write.
                TE.bind("released", ({ now }) =>
                  creditMovementRecords(deps.ids, actor, ownership, now, "credit-released"),
                ),
                TE.chain(({ plan, now, refund, line, released }) => {
                  const creditRelease = creditMoveOf(ownership, plan.producerId);
                  const cancelled: Ownership = {
                    ...ownership,
                    status: "cancelled",
                    cancelledAt: now,
                    version: ownership.version + 1,
                  };
                  const head = (what: string) =>
                    auditHead(deps.ids, actor, now, ownership.id, what);
                  const write = deps.ownerships.cancel({
                    ownership: cancelled,
                    expectedVersion: ownership.version,
                    ledgerEntries: [...refund, ...released.ledger],
                    ...(creditRelease === undefined ? {} : { creditRelease }),
                    audit: [
                      ownershipCancelled(head("cancelled"), ownership, cancelled),
                      moneyAudit(
                        head("refunded"),
                        "money.refunded",
                        ownership,
                        refundedYen(refund),
                      ),
                      ...released.audit,
                      ...(line?.audit ?? []),
                    ],
                    ...(line === undefined
                      ? {}
                      : { waitlist: { change: line.change, offeredShares: line.offeredShares } }),
                  });
                  return line === undefined
                    ? write
                    : pipe(
                        write,
                        TE.chainFirst(() =>
                          followUpOffers(deps)(plan, offersMadeBy(line.change), now),
                        ),
                      );
                }),
              ),
        ),
      ),
    );
