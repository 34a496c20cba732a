import type { AppError, CreditChange, StoredOutboxMessage, WaitlistChange } from "@owners/app";
import { byEntrySeq, canonicalJson, storeErrors, waitlistDiff } from "@owners/app";
import {
  type AuditEntry,
  type DayTally,
  emptyWaitlist,
  type LedgerEntry,
  type OutboxMessage,
  type Ownership,
  type Plan,
  type PlanId,
  type PlanTally,
  type ProducerId,
  type RefundIntent,
  type Waitlist,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { tallyLedger } from "./producer-tallies.ts";

export interface StoredOwnership {
  readonly ownership: Ownership;
  /** Kept beside the ownership so "this owner's ownerships of this producer" needs no plan read. */
  readonly producerId: ProducerId;
}

/**
 * The in-memory "database" behind the plan, ownership, waitlist, ledger and audit adapters. One
 * object, so a reservation can check and write the plan counters, the owner's count, the
 * ownership, the waitlist, ledger and audit all or nothing: each operation runs its checks and
 * its writes synchronously, with no `await` in between, and JavaScript runs nothing else meanwhile.
 */
export interface ReservationDb {
  readonly plans: Map<string, Plan>;
  readonly ownerships: Map<string, StoredOwnership>;
  /** Held shares (pending payment or paid) per `${planId}|${ownerId}`: the cap's counter. */
  readonly ownerShares: Map<string, number>;
  /** Paid (active) shares per `${planId}|${ownerId}`. */
  readonly ownerPaidShares: Map<string, number>;
  /** Every stored waitlist, expired offers included until withdrawn. */
  readonly waitlists: Map<string, Waitlist>;
  readonly ledger: Map<string, LedgerEntry>;
  readonly audit: Map<string, AuditEntry>;
  /** Refund intents by id (written with the cancellation they pay back). */
  readonly refundIntents: Map<string, RefundIntent>;
  /** Store credit balances by `${ownerId}|${producerId}`. */
  readonly credits: Map<string, number>;
  /** The producer summary's tallies: per plan, and per `${planId}|${day}`. */
  readonly planTallies: Map<string, { -readonly [K in keyof PlanTally]: PlanTally[K] }>;
  readonly dayTallies: Map<string, DayTally>;
  /** How many of a producer's plans an owner holds active shares in, per `${ownerId}|${producerId}`. */
  readonly producerPlans: Map<string, number>;
  /**
   * The outbox's messages by dedupe key (the memory Outbox reads and settles them): a change and
   * the notices it causes are written together, as one DynamoDB transaction writes them.
   */
  readonly outbox: Map<string, StoredOutboxMessage>;
}

export const makeReservationDb = (): ReservationDb => ({
  plans: new Map(),
  ownerships: new Map(),
  ownerShares: new Map(),
  ownerPaidShares: new Map(),
  waitlists: new Map(),
  ledger: new Map(),
  audit: new Map(),
  refundIntents: new Map(),
  credits: new Map(),
  planTallies: new Map(),
  dayTallies: new Map(),
  producerPlans: new Map(),
  outbox: new Map(),
});

export const creditKey = (ownerId: string, producerId: string) => `${ownerId}|${producerId}`;

/**
 * Checks balance moves (summed per balance) against the stored balances: none may end below 0
 * (CREDIT.INSUFFICIENT). The returned function applies them.
 */
export const prepareCreditChanges = (
  db: ReservationDb,
  changes: readonly CreditChange[],
): E.Either<AppError, () => void> => {
  const sums = new Map<string, { change: CreditChange; delta: number }>();
  for (const change of changes) {
    const key = creditKey(change.ownerId, change.producerId);
    const sum = sums.get(key) ?? { change, delta: 0 };
    sums.set(key, { change, delta: sum.delta + change.deltaYen });
  }
  for (const [key, { change, delta }] of sums)
    if ((db.credits.get(key) ?? 0) + delta < 0)
      return E.left(storeErrors.creditInsufficient(change.ownerId, change.producerId));
  return E.right(() => {
    for (const [key, { delta }] of sums) db.credits.set(key, (db.credits.get(key) ?? 0) + delta);
  });
};

export const ownerSharesKey = (planId: string, ownerId: string) => `${planId}|${ownerId}`;

/** Copies in and out, as a real store would: callers never share objects with the "database". */
export const copy = <T>(value: T): T => structuredClone(value);

/**
 * Runs one atomic operation when the task runs. The microtask hop first makes concurrent callers
 * interleave between their reads and their writes, as they would against a real store.
 */
export const atomically =
  <A>(operation: () => E.Either<AppError, A>): TE.TaskEither<AppError, A> =>
  async () => {
    await Promise.resolve();
    return operation();
  };

/** Entries among `incoming` that are new; identical re-appends are dropped, different ones refused. */
const newById = <T extends { readonly id: string }>(
  stored: ReadonlyMap<string, T>,
  incoming: readonly T[],
  entity: string,
): E.Either<AppError, T[]> => {
  const fresh: T[] = [];
  for (const item of incoming) {
    const existing = stored.get(item.id) ?? fresh.find((f) => f.id === item.id);
    if (existing === undefined) fresh.push(item);
    else if (canonicalJson(existing) !== canonicalJson(item))
      return E.left(storeErrors.duplicate(entity, item.id));
  }
  return E.right(fresh);
};

/** Checks an append of ledger and audit entries; the returned function performs it. */
export const prepareAppend = (
  db: ReservationDb,
  ledger: readonly LedgerEntry[],
  audit: readonly AuditEntry[],
  notices: readonly OutboxMessage[] = [],
): E.Either<AppError, () => void> => {
  const ledgerNew = newById(db.ledger, ledger, "ledger entry");
  if (E.isLeft(ledgerNew)) return ledgerNew;
  const auditNew = newById(db.audit, audit, "audit entry");
  if (E.isLeft(auditNew)) return auditNew;
  return E.right(() => {
    for (const entry of ledgerNew.right) db.ledger.set(entry.id, copy(entry));
    // Only new entries count: an identical re-append moves no tally.
    tallyLedger(db, ledgerNew.right);
    for (const entry of auditNew.right) db.audit.set(entry.id, copy(entry));
    // The first message per dedupe key is kept: a repeat notice is dropped, the change still lands.
    for (const notice of notices)
      if (!db.outbox.has(notice.dedupeKey)) db.outbox.set(notice.dedupeKey, copy(notice));
  });
};

export const storedWaitlist = (db: ReservationDb, planId: PlanId): Waitlist =>
  db.waitlists.get(planId) ?? emptyWaitlist(planId);

/**
 * Checks a waitlist change against the stored version; the returned function applies its
 * difference (offers the caller never saw, such as expired ones, are kept as they are).
 */
export const prepareWaitlistChange = (
  db: ReservationDb,
  planId: PlanId,
  change: WaitlistChange,
): E.Either<AppError, () => Waitlist> => {
  const stored = storedWaitlist(db, planId);
  if (stored.version !== change.before.version || change.after.version <= change.before.version)
    return E.left(storeErrors.versionConflict("waitlist", planId));
  const diff = waitlistDiff(change.before, change.after);
  return E.right(() => {
    const goneSeqs = new Set([...diff.removedEntries, ...diff.putEntries].map((e) => e.seq));
    const goneOffers = new Set([...diff.removedOffers, ...diff.putOffers].map((o) => o.id));
    const next: Waitlist = {
      planId,
      entries: [...stored.entries.filter((e) => !goneSeqs.has(e.seq)), ...diff.putEntries].sort(
        (a, b) => a.seq - b.seq,
      ),
      offers: [...stored.offers.filter((o) => !goneOffers.has(o.id)), ...diff.putOffers].sort(
        byEntrySeq,
      ),
      nextSeq: change.after.nextSeq,
      version: change.after.version,
      ...((change.after.heldForLine ?? 0) > 0 ? { heldForLine: change.after.heldForLine } : {}),
    };
    db.waitlists.set(planId, copy(next));
    return copy(next);
  });
};
