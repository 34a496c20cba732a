import {
  type AuditEntry,
  holdExpiresAt,
  type Instant,
  isInEarlyAccess,
  isReturningOwner,
  type OwnerId,
  type Ownership,
  type OwnershipId,
  ownershipReserved,
  type Plan,
  paymentAmounts,
  type Quote,
  type ReservationRequest,
  reservationEntries,
  sameReservationRequest,
  type Yen,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead, ledgerContext, moneyAudit } from "../audit-records.ts";
import { type AppError, decided } from "../errors.ts";
import type { ReserveCommand, ReserveOutcome } from "../ports/ownership-store.ts";
import { creditMovementRecords } from "./reservation-credit.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

/** A reservation as the caller sees it: the ownership, and whether this was a repeat of an earlier request. */
/**
 * While a first-N price tier still covers the next share, a quote depends on the exact count sold:
 * the write must then expect that count (ReserveCommand.expectedSharesSold) and re-quote if it moved.
 */
export const firstSharesInPlay = (plan: {
  pricing: { tiers: readonly { kind: string; count?: number }[] };
  sharesSold: number;
}) => plan.pricing.tiers.some((t) => t.kind === "firstShares" && (t.count ?? 0) > plan.sharesSold);

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
 * The ledger and audit entries a new ownership is written with. Store credit it spends is its own
 * entry (kind credit, outside the money equation), written with the balance's decrement. An unpaid
 * hold has no money on the books yet (the charge is written when the processor confirms it); one
 * that needs no payment (free, or paid by store credit) is active at once and written with its
 * charge entries.
 */
export const reservationRecords = (
  deps: Pick<ReservationDeps, "ids">,
  actor: Actor,
  ownership: Ownership,
  extraAudit: readonly AuditEntry[] = [],
): TE.TaskEither<AppError, Pick<ReserveCommand, "ledgerEntries" | "audit">> => {
  const at = ownership.reservedAt;
  const reserved = ownershipReserved(
    auditHead(deps.ids, actor, at, ownership.id, "reserved"),
    ownership,
  );
  const noPayment = TE.right<AppError, Pick<ReserveCommand, "ledgerEntries" | "audit">>({
    ledgerEntries: [],
    audit: [],
  });
  return pipe(
    TE.Do,
    TE.bind("credit", () => creditMovementRecords(deps.ids, actor, ownership, at, "credit-spent")),
    TE.bind("paid", () =>
      ownership.status === "pending_payment"
        ? noPayment
        : paymentRecords(deps, actor, ownership, at),
    ),
    TE.map(({ credit, paid }) => ({
      ledgerEntries: [...paid.ledgerEntries, ...credit.ledger],
      audit: [reserved, ...paid.audit, ...credit.audit, ...extraAudit],
    })),
  );
};

/**
 * The charge, payout and fee entries of an ownership's payment, and its "charged" audit entry:
 * written in the same atomic write as the ownership becoming active (at confirmation, or at
 * reservation when nothing is left to pay).
 */
export const paymentRecords = (
  deps: Pick<ReservationDeps, "ids">,
  actor: Actor,
  ownership: Ownership,
  at: Instant,
): TE.TaskEither<AppError, Pick<ReserveCommand, "ledgerEntries" | "audit">> => {
  const paid = paymentAmounts(ownership);
  return pipe(
    decided(
      reservationEntries(ledgerContext(deps.ids, ownership, at, actor, "reservation"), {
        totalYen: paid.amountYen,
        feeYen: paid.feeYen,
        payoutYen: paid.payoutYen,
      }),
    ),
    TE.map((ledgerEntries) => ({
      ledgerEntries,
      audit: [
        moneyAudit(
          auditHead(deps.ids, actor, at, ownership.id, "charged"),
          "money.charged",
          ownership,
          paid.amountYen,
        ),
      ],
    })),
  );
};

/**
 * A new ownership at its locked quote. It holds its shares unpaid (pending_payment) until
 * `holdMinutes` from now, unless there is nothing to pay (a free quote, or store credit covering
 * it: `creditAppliedYen`), when it is active at once.
 */
export const newOwnership = (
  id: OwnershipId,
  request: ReservationRequest,
  quote: Quote,
  at: Instant,
  holdMinutes: number,
  creditAppliedYen?: Yen,
): Ownership => {
  const base: Ownership = {
    id,
    planId: request.planId,
    ownerId: request.ownerId,
    shares: request.shares,
    quote,
    reservedAt: at,
    idempotencyKey: request.idempotencyKey,
    status: "active",
    version: 1,
    ...(creditAppliedYen === undefined || creditAppliedYen === 0 ? {} : { creditAppliedYen }),
  };
  return paymentAmounts(base).amountYen === 0
    ? base
    : { ...base, status: "pending_payment", holdExpiresAt: holdExpiresAt(at, holdMinutes) };
};
