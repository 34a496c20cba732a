import {
  type AuditEntry,
  type CreditReason,
  creditMovementEntries,
  creditToApply as domainCreditToApply,
  type Instant,
  type LedgerEntry,
  moneyMoved,
  type Ownership,
  type ProducerId,
  type Yen,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead, ledgerContext } from "../audit-records.ts";
import { type AppError, decided } from "../errors.ts";
import type { CreditBalance, CreditSpend } from "../ports/credit-balances.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import { storeErrors } from "../store-errors.ts";

/** The ownership with the credit it spends recorded (nothing recorded for none). */
/**
 * The credit to spend at `producerId`, from all of the owner's balances (read with one Query in
 * parallel with the plan, before the producer is known: the reservation waits for no extra read).
 */
export const creditFromBalances = (
  balances: readonly CreditBalance[],
  producerId: ProducerId,
  totalYen: Yen,
  useCredit: boolean,
): Yen =>
  domainCreditToApply(
    (balances.find((b) => b.producerId === producerId)?.balanceYen ?? 0) as Yen,
    totalYen,
    useCredit,
  );

export const withCredit = (ownership: Ownership, creditYen: Yen): Ownership =>
  creditYen > 0 ? { ...ownership, creditAppliedYen: creditYen } : ownership;

/** The balance move of an ownership's credit, for the reservation's or cancellation's write. */
export const creditMoveOf = (
  ownership: Pick<Ownership, "ownerId" | "creditAppliedYen">,
  producerId: ProducerId,
): CreditSpend | undefined =>
  (ownership.creditAppliedYen ?? 0) > 0
    ? {
        ownerId: ownership.ownerId,
        producerId,
        amountYen: ownership.creditAppliedYen as Yen,
      }
    : undefined;

/**
 * The ledger and audit entries of an ownership's credit moving: spent at reservation (-) or
 * released on its cancellation (+). Empty without credit.
 */
export const creditMovementRecords = (
  ids: IdGenerator,
  actor: Actor,
  ownership: Ownership,
  at: Instant,
  reason: Extract<CreditReason, "credit-spent" | "credit-released">,
): TE.TaskEither<AppError, { ledger: LedgerEntry[]; audit: AuditEntry[] }> => {
  const amount = (ownership.creditAppliedYen ?? 0) as Yen;
  if (amount === 0) return TE.right({ ledger: [], audit: [] });
  return pipe(
    decided(
      creditMovementEntries(ledgerContext(ids, ownership, at, actor, reason), amount, reason),
    ),
    TE.map((ledger) => ({
      ledger,
      audit: [
        moneyMoved(auditHead(ids, actor, at, ownership.id, reason), {
          action: reason === "credit-spent" ? "money.credit_spent" : "money.credited",
          subject: { type: "ownership", id: ownership.id },
          planId: ownership.planId,
          amountYen: amount,
        }),
      ],
    })),
  );
};

/**
 * A reservation that found less credit than it read (spent meanwhile by another reservation) is
 * retried like any lost race: the next attempt reads the balance again.
 */
export const creditRaceAsConflict = (error: AppError): AppError =>
  error._tag === "CREDIT.INSUFFICIENT"
    ? storeErrors.versionConflict("credit balance", String(error.details?.ownerId ?? ""))
    : error;
