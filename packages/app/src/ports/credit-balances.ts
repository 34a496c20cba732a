import type { AuditEntry, LedgerEntry, OwnerId, ProducerId, Yen } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** An owner's store credit at one producer: spent only on that producer's plans. */
export interface CreditBalance {
  readonly ownerId: OwnerId;
  readonly producerId: ProducerId;
  readonly balanceYen: Yen;
}

/** A move of one balance: + issued or given back, - spent or voided. */
export interface CreditChange {
  readonly ownerId: OwnerId;
  readonly producerId: ProducerId;
  readonly deltaYen: number;
}

/** Ledger entries (kind "credit") with the balance changes they explain, written together. */
export interface CreditRecord {
  /** At least one: the entries' ids make the write idempotent. */
  readonly entries: readonly LedgerEntry[];
  readonly audit: readonly AuditEntry[];
  readonly changes: readonly CreditChange[];
}

/** A balance decrement inside another atomic write (a reservation spending credit). */
export interface CreditSpend {
  readonly ownerId: OwnerId;
  readonly producerId: ProducerId;
  /** > 0; the write fails with CREDIT.INSUFFICIENT if the balance is lower. */
  readonly amountYen: Yen;
}

/**
 * Store credit balances, one per owner per producer. A balance only changes in the same atomic
 * write as the ledger entries that explain it (here, or inside OwnershipStore.reserve / cancel),
 * so the ledger's credit entries of an owner at a producer always add up to the balance.
 */
export interface CreditBalances {
  /** The owner's balance at the producer; 0 when none was ever issued. */
  balance(ownerId: OwnerId, producerId: ProducerId): TE.TaskEither<AppError, Yen>;
  /** The owner's non-zero balances, in producer id order. */
  listByOwner(ownerId: OwnerId): TE.TaskEither<AppError, readonly CreditBalance[]>;
  /**
   * In one atomic write: the entries and audit entries are appended and every balance moves by its
   * delta (changes of the same balance are summed); no balance may go below 0 (CREDIT.INSUFFICIENT,
   * nothing written). Entries are keyed by id: if they are all stored already, identical, the
   * record was made before and nothing is written (a retry never moves a balance twice); a
   * different entry under a stored id is STORE.DUPLICATE.
   */
  record(command: CreditRecord): TE.TaskEither<AppError, void>;
}
