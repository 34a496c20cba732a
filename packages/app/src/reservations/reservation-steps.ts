import {
  type AuditEntry,
  amountToCharge,
  cashPart,
  type Instant,
  isInEarlyAccess,
  isReturningOwner,
  type OwnerId,
  type Ownership,
  type OwnershipId,
  ownershipReserved,
  type Plan,
  type Quote,
  type ReservationRequest,
  reservationEntries,
  sameReservationRequest,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type Actor, SYSTEM_ACTOR } from "../actor.ts";
import { auditHead, ledgerContext, moneyAudit } from "../audit-records.ts";
import { type AppError, appError, decided } from "../errors.ts";
import type { ReserveCommand, ReserveOutcome } from "../ports/ownership-store.ts";
import { chargeOwnership } from "./payment-steps.ts";
import { releaseOwnership } from "./release-ownership.ts";
import { creditMovementRecords } from "./reservation-credit.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

/** A reservation as the caller sees it: the ownership, and whether this was a repeat of an earlier request. */
export interface ReservationResult {
  readonly ownership: Ownership;
  readonly replayed: boolean;
}

/**
 * Whether the buyer counts as a returning owner. Only asked inside the early-access window (the
 * one time it changes anything), so a public reservation reads nothing for it.
 */
export const returningOwner =
  (deps: Pick<ReservationDeps, "ownerships" | "plans">) =>
  (plan: Plan, owner: OwnerId, now: Instant): TE.TaskEither<AppError, boolean> =>
    !isInEarlyAccess(plan, now)
      ? TE.right(false)
      : pipe(
          deps.ownerships.listByOwnerAndProducer(owner, plan.producerId),
          TE.chain((ownerships) =>
            pipe(
              deps.plans.getMany([...new Set(ownerships.map((o) => o.planId))].slice(0, 100)),
              TE.map((plans) => isReturningOwner(owner, { plan, plans, ownerships })),
            ),
          ),
        );

/** The stored ownership answers a repeated request: the same body gets it, another body is refused. */
export const answerReplay = (
  stored: Ownership,
  request: ReservationRequest,
): TE.TaskEither<AppError, ReservationResult> =>
  pipe(
    decided(sameReservationRequest(stored, request)),
    TE.map((ownership) => ({ ownership, replayed: true })),
  );

/**
 * When a request is refused before the write (the plan sold out or closed since, say), it may be
 * the repeat of one that succeeded earlier: the ownership under its id is the answer then. Only on
 * that path, so a first request reads nothing extra. (The store itself answers repeats that reach
 * the write.)
 */
export const orReplay =
  (deps: Pick<ReservationDeps, "ownerships">, id: OwnershipId, request: ReservationRequest) =>
  (error: AppError): TE.TaskEither<AppError, ReservationResult> =>
    error._tag.startsWith("STORE.")
      ? TE.left(error)
      : pipe(
          deps.ownerships.get(id),
          TE.chain(
            O.match(
              (): TE.TaskEither<AppError, ReservationResult> => TE.left(error),
              (stored) => answerReplay(stored, request),
            ),
          ),
        );

/** The store's answer to a reserve: a new ownership, or the stored one under the same id. */
export const outcomeToResult =
  (request: ReservationRequest) =>
  (outcome: ReserveOutcome): TE.TaskEither<AppError, ReservationResult> =>
    outcome.kind === "reserved"
      ? TE.right({ ownership: outcome.ownership, replayed: false })
      : answerReplay(outcome.ownership, request);

/**
 * The ledger and audit entries a new ownership is written with. With store credit applied, the
 * charge is the cash part only (its fee and payout computed on it, at the plan's `feeBps`) and
 * the credit spent is its own entry (kind credit, outside the money equation).
 */
export const reservationRecords = (
  deps: Pick<ReservationDeps, "ids">,
  actor: Actor,
  ownership: Ownership,
  extraAudit: readonly AuditEntry[] = [],
  feeBps?: number,
): TE.TaskEither<AppError, Pick<ReserveCommand, "ledgerEntries" | "audit">> => {
  const at = ownership.reservedAt;
  const head = (what: string) => auditHead(deps.ids, actor, at, ownership.id, what);
  const credited = (ownership.creditAppliedYen ?? 0) > 0;
  return pipe(
    TE.Do,
    TE.bind("charged", () =>
      credited
        ? pipe(
            decided(cashPart(ownership.quote, ownership.creditAppliedYen, feeBps ?? Number.NaN)),
            TE.map((cash) => ({
              totalYen: cash.chargeYen,
              feeYen: cash.feeYen,
              payoutYen: cash.payoutYen,
            })),
          )
        : TE.right(ownership.quote),
    ),
    TE.bind("cash", ({ charged }) =>
      decided(
        reservationEntries(ledgerContext(deps.ids, ownership, at, actor, "reservation"), charged),
      ),
    ),
    TE.bind("credit", () => creditMovementRecords(deps.ids, actor, ownership, at, "credit-spent")),
    TE.map(({ charged, cash, credit }) => ({
      ledgerEntries: [...cash, ...credit.ledger],
      audit: [
        ownershipReserved(head("reserved"), ownership),
        moneyAudit(head("charged"), "money.charged", ownership, charged.totalYen),
        ...credit.audit,
        ...extraAudit,
      ],
    })),
  );
};

export const newOwnership = (
  id: OwnershipId,
  request: ReservationRequest,
  quote: Quote,
  at: Instant,
): Ownership => ({
  id,
  planId: request.planId,
  ownerId: request.ownerId,
  shares: request.shares,
  quote,
  reservedAt: at,
  idempotencyKey: request.idempotencyKey,
  status: "active",
  version: 1,
});

/**
 * Takes the money for a reserved ownership (keyed by its id: once, however often retried). A
 * declined card releases the shares again, to the waitlist first, and the reservation fails with
 * PAYMENT.DECLINED. A gateway outage leaves the reservation standing: the client retries with the
 * same key and the charge completes (or is found already made).
 */
export const collectPayment =
  (deps: Parameters<typeof releaseOwnership>[0] & Pick<ReservationDeps, "payments">) =>
  (result: ReservationResult): TE.TaskEither<AppError, ReservationResult> =>
    result.ownership.status !== "active" || amountToCharge(result.ownership) === 0
      ? TE.right(result)
      : pipe(
          chargeOwnership(deps)(result.ownership),
          TE.map(() => result),
          TE.orElse((error) =>
            error._tag !== "PAYMENT.DECLINED"
              ? TE.left(error)
              : pipe(
                  releaseOwnership(deps)(SYSTEM_ACTOR, result.ownership.id, "cancellation"),
                  TE.chain((): TE.TaskEither<AppError, ReservationResult> => TE.left(error)),
                ),
          ),
        );

export const paymentDeclined = (message: string) => appError("PAYMENT.DECLINED", message);
