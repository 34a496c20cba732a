import {
  type AuditEntry,
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
 * The one release path: `before` (active or an unpaid hold) becomes `after` (cancelled or
 * payment_failed) in one atomic write with the given ledger and audit entries; its shares go back
 * to the plan and the owner's cap and (on an open plan) are offered to the waitlist in line order,
 * whose new offers are then notified and scheduled to expire. STORE.VERSION_CONFLICT when `before`
 * is stale: callers re-read and retry.
 */
export const releaseShares =
  (deps: ReleaseDeps) =>
  (
    actor: Actor,
    before: Ownership,
    after: Ownership,
    ledgerEntries: readonly LedgerEntry[],
    audit: readonly AuditEntry[],
  ): TE.TaskEither<AppError, Ownership> =>
    pipe(
      loadPlan(deps.plans, before.planId),
      TE.chain((plan) => {
        const now = deps.clock.now();
        return pipe(
          freedSharesToLine(deps)(actor, plan, before.shares, now),
          TE.chain((line) => {
            const write = deps.ownerships.cancel({
              ownership: after,
              expectedVersion: before.version,
              expectedStatus: before.status === "pending_payment" ? "pending_payment" : "active",
              ledgerEntries,
              audit: [...audit, ...(line?.audit ?? [])],
              ...(line === undefined
                ? {}
                : { waitlist: { change: line.change, offeredShares: line.offeredShares } }),
            });
            return line === undefined
              ? write
              : pipe(
                  write,
                  TE.chainFirst(() => followUpOffers(deps)(plan, offersMadeBy(line.change), now)),
                );
          }),
        );
      }),
    );

/**
 * Cancels an ownership in one atomic write: a paid one with refund entries reversing its charge in
 * full, an unpaid hold with none (nothing was charged); its shares back to the plan and the owner's
 * cap, and (on an open plan) offered to the waitlist in line order. Who may do it and when is the
 * caller's check. Re-read and retried when it loses a race; an ownership already released is
 * returned as it is (nothing to release twice).
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
        TE.chain((ownership) => {
          if (ownership.status !== "active" && ownership.status !== "pending_payment")
            return TE.right(ownership);
          const now = deps.clock.now();
          const cancelled: Ownership = {
            ...ownership,
            status: "cancelled",
            cancelledAt: now,
            version: ownership.version + 1,
          };
          const head = (what: string) => auditHead(deps.ids, actor, now, ownership.id, what);
          const refund: TE.TaskEither<AppError, LedgerEntry[]> =
            ownership.status === "pending_payment"
              ? TE.right([])
              : pipe(
                  deps.ledger.listByOwnership(ownership.planId, ownership.id),
                  TE.chain((history) =>
                    decided(
                      fullRefundEntries(
                        ledgerContext(deps.ids, ownership, now, actor, reason),
                        reason,
                        history,
                      ),
                    ),
                  ),
                );
          return pipe(
            refund,
            TE.chain((entries) =>
              releaseShares(deps)(actor, ownership, cancelled, entries, [
                ownershipCancelled(head("cancelled"), ownership, cancelled),
                ...(ownership.status === "pending_payment"
                  ? []
                  : [
                      moneyAudit(
                        head("refunded"),
                        "money.refunded",
                        ownership,
                        refundedYen(entries),
                      ),
                    ]),
              ]),
            ),
          );
        }),
      ),
    );
