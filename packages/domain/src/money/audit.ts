import * as E from "fp-ts/lib/Either.js";
import type { Plan, PlanStatus } from "../plans/plan.ts";
import { changedTermFields, samePlainData, termsOf } from "../plans/terms.ts";
import type { Ownership } from "../reservations/ownership.ts";
import { type DomainError, fail } from "../shared/errors.ts";
import type { PlanId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import { sumYen, type Yen } from "./money.ts";

declare const auditEntryIdBrand: unique symbol;
/** Audit entry ids come from the IdGenerator like every other id (kept here: audit-only). */
export type AuditEntryId = string & { readonly [auditEntryIdBrand]: true };
export const auditEntryId = (s: string) => s as AuditEntryId;

export type ActorRole = "owner" | "producer" | "system" | "admin";
/** Who did it: a person by id and role, or a batch ("system", id = batch name). */
export interface AuditActor {
  readonly id: string;
  readonly role: ActorRole;
}

export type PlanAction =
  | "plan.created"
  | "plan.edited"
  | "plan.published"
  | "plan.closed"
  | "plan.allocated"
  | "plan.shipped"
  | "plan.completed"
  | "plan.cancelled"
  /** The producer (or the end of the delivery window) declared the harvest final. */
  | "plan.harvest_completed";
export type OwnershipAction =
  | "ownership.reserved"
  | "ownership.cancelled"
  | "ownership.paid"
  | "ownership.payment_failed"
  | "ownership.disputed";
export type WaitlistAction =
  | "waitlist.offered"
  | "waitlist.offer_accepted"
  | "waitlist.offer_expired"
  /** Withdrawn before it lapsed because its owner closed the account (passed to the next). */
  | "waitlist.offer_withdrawn";
export type ExperienceAction = "experience.booked" | "experience.booking_cancelled";
/** An admin's moderation of what people wrote. */
export type ModerationAction = "comment.hidden";
/** The producer recorded a harvest lot (subject: the lot). */
export type HarvestAction = "harvest.lot_recorded";
/** Money moves; amountYen is always the (non-negative) size of the move, the action its sign. */
export type MoneyAction =
  | "money.charged"
  | "money.refunded"
  | "money.credited"
  /** Store credit spent on a reservation, or voided with the plan that issued it. */
  | "money.credit_spent"
  | "money.credit_voided"
  | "money.paid_out"
  | "money.fee_collected";
/** An owner's saved addresses changed; snapshots hold ids and regions, never the address. */
export type AddressAction = "address.added" | "address.changed" | "address.removed";
export type AuditAction =
  | AddressAction
  | PlanAction
  | OwnershipAction
  | WaitlistAction
  | ExperienceAction
  | ModerationAction
  | HarvestAction
  | MoneyAction;

/** What an audit entry can be about: the one list the API's audit search validates against. */
export const AUDIT_SUBJECT_TYPES = [
  "plan",
  "ownership",
  "offer",
  "booking",
  "payout",
  "comment",
  "owner",
  "lot",
] as const;

export interface AuditSubject {
  readonly type: (typeof AUDIT_SUBJECT_TYPES)[number];
  readonly id: string;
}

/** A plain-data picture of the subject (or of its changed fields) before/after the change. */
export type AuditSnapshot = Readonly<Record<string, unknown>>;

/** One append-only fact: who did what to which subject, when, and for how much. */
export interface AuditEntry {
  readonly id: AuditEntryId;
  readonly at: Instant;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly subject: AuditSubject;
  readonly planId?: PlanId;
  readonly before?: AuditSnapshot;
  readonly after?: AuditSnapshot;
  readonly amountYen?: Yen;
}

export const isMoneyAction = (action: AuditAction): action is MoneyAction =>
  action.startsWith("money.");

/** Common head of every entry. */
export interface AuditHead {
  readonly id: AuditEntryId;
  readonly at: Instant;
  readonly actor: AuditActor;
}

/**
 * The general constructor. A money entry without a non-negative amount is a caller bug
 * (amounts are validated yen by then), so it throws rather than returning an error.
 */
export const auditEntry = (entry: AuditEntry): AuditEntry => {
  if (isMoneyAction(entry.action)) {
    const amount = entry.amountYen;
    if (amount === undefined || !Number.isSafeInteger(amount) || amount < 0)
      throw new RangeError(`${entry.action} needs a non-negative amountYen, got ${amount}`);
  }
  // Drop absent optional fields so entries compare and serialise the same way everywhere.
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as unknown as AuditEntry;
};

const planStatusActions: Readonly<Record<PlanStatus, PlanAction>> = {
  draft: "plan.created",
  open: "plan.published",
  closed: "plan.closed",
  allocated: "plan.allocated",
  shipped: "plan.shipped",
  completed: "plan.completed",
  cancelled: "plan.cancelled",
};

export const planCreated = (head: AuditHead, plan: Plan): AuditEntry =>
  auditEntry({
    ...head,
    action: "plan.created",
    subject: { type: "plan", id: plan.id },
    planId: plan.id,
    after: { ...termsOf(plan), status: plan.status, platformFeeBps: plan.platformFeeBps },
  });

/**
 * A change of a plan: a status transition names the new state; otherwise it is an edit and
 * records only the term fields that changed, old and new. A transition's `reason` (a
 * cancellation's, shown to the owners) is kept with it.
 */
export const planChanged = (
  head: AuditHead,
  before: Plan,
  after: Plan,
  reason?: string,
): AuditEntry => {
  const subject = { type: "plan", id: after.id } as const;
  if (before.status !== after.status)
    return auditEntry({
      ...head,
      action: planStatusActions[after.status],
      subject,
      planId: after.id,
      before: { status: before.status, version: before.version },
      after: {
        status: after.status,
        version: after.version,
        ...(reason === undefined ? {} : { reason }),
      },
    });
  const changed = changedTermFields(termsOf(before), termsOf(after));
  return auditEntry({
    ...head,
    action: "plan.edited",
    subject,
    planId: after.id,
    before: Object.fromEntries(changed.map((f) => [f, before[f]])),
    after: Object.fromEntries(changed.map((f) => [f, after[f]])),
  });
};

const ownershipSnapshot = (o: Ownership): AuditSnapshot => ({
  ownerId: o.ownerId,
  status: o.status,
  shares: o.shares,
  totalYen: o.quote.totalYen,
  version: o.version,
});

/** An ownership came to be (reservation or accepted waitlist offer) at its locked quote. */
export const ownershipReserved = (head: AuditHead, ownership: Ownership): AuditEntry =>
  auditEntry({
    ...head,
    action: "ownership.reserved",
    subject: { type: "ownership", id: ownership.id },
    planId: ownership.planId,
    after: { ...ownershipSnapshot(ownership), quote: ownership.quote },
    amountYen: ownership.quote.totalYen,
  });

export const ownershipCancelled = (
  head: AuditHead,
  before: Ownership,
  after: Ownership,
): AuditEntry =>
  auditEntry({
    ...head,
    action: "ownership.cancelled",
    subject: { type: "ownership", id: after.id },
    planId: after.planId,
    before: ownershipSnapshot(before),
    after: ownershipSnapshot(after),
  });

/** The processor's word changed an ownership: paid, its payment failed or expired, disputed. */
export const ownershipPaymentChanged = (
  head: AuditHead,
  action: "ownership.paid" | "ownership.payment_failed" | "ownership.disputed",
  before: Ownership,
  after: Ownership,
): AuditEntry =>
  auditEntry({
    ...head,
    action,
    subject: { type: "ownership", id: after.id },
    planId: after.planId,
    before: { ...ownershipSnapshot(before), paymentStatus: before.payment?.status },
    after: {
      ...ownershipSnapshot(after),
      paymentStatus: after.payment?.status,
      ...(after.disputed === true ? { disputed: true } : {}),
    },
  });

export interface MoneyMove {
  readonly action: MoneyAction;
  readonly subject: AuditSubject;
  readonly planId: PlanId;
  readonly amountYen: Yen;
}

export const moneyMoved = (head: AuditHead, move: MoneyMove): AuditEntry =>
  auditEntry({ ...head, ...move });

/**
 * Appends to a log. Append-only: an entry is never replaced. Re-appending the identical entry
 * (a retried write) changes nothing; a different entry under an existing id is refused.
 */
export const appendAuditEntry = (
  log: readonly AuditEntry[],
  entry: AuditEntry,
): E.Either<DomainError<"VALIDATION.INVALID">, readonly AuditEntry[]> => {
  const existing = log.find((e) => e.id === entry.id);
  if (existing === undefined) return E.right([...log, entry]);
  return samePlainData(existing, entry)
    ? E.right(log)
    : fail("VALIDATION.INVALID", "an audit entry with this id already exists", {
        auditEntryId: entry.id,
      });
};

export interface StatementLine {
  readonly at: Instant;
  readonly action: MoneyAction;
  readonly subject: AuditSubject;
  readonly actor: AuditActor;
  readonly amountYen: Yen;
  readonly text: string;
}

export interface StatementExplanation {
  readonly lines: readonly StatementLine[];
  readonly chargedYen: Yen;
  readonly refundedYen: Yen;
  /** Store credit granted (not cash): shown, but outside the cash balance. */
  readonly creditedYen: Yen;
  readonly paidOutYen: Yen;
  readonly feesYen: Yen;
  /** charged - refunded - paid out - fees: 0 once a plan is fully settled (DESIGN's identity). */
  readonly unsettledYen: Yen;
}

const moneyVerbs: Readonly<Record<MoneyAction, string>> = {
  "money.charged": "charged",
  "money.refunded": "refunded",
  "money.credited": "credited",
  "money.credit_spent": "credit spent",
  "money.credit_voided": "credit voided",
  "money.paid_out": "paid out",
  "money.fee_collected": "platform fee",
};

/**
 * Explains the money in a set of entries (e.g. one plan's, or one ownership's): the money
 * lines in time order (then id) with totals. Non-money entries are context and are skipped.
 */
export const explainStatement = (entries: readonly AuditEntry[]): StatementExplanation => {
  const money = entries
    .filter((e): e is AuditEntry & { action: MoneyAction; amountYen: Yen } =>
      isMoneyAction(e.action),
    )
    .slice()
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = (action: MoneyAction) =>
    sumYen(money.filter((e) => e.action === action).map((e) => e.amountYen));
  const chargedYen = total("money.charged");
  const refundedYen = total("money.refunded");
  const paidOutYen = total("money.paid_out");
  const feesYen = total("money.fee_collected");
  return {
    lines: money.map((e) => ({
      at: e.at,
      action: e.action,
      subject: e.subject,
      actor: e.actor,
      amountYen: e.amountYen,
      text: `${e.at} ${moneyVerbs[e.action]} ${e.amountYen} yen (${e.subject.type} ${e.subject.id}, by ${e.actor.role} ${e.actor.id})`,
    })),
    chargedYen,
    refundedYen,
    creditedYen: total("money.credited"),
    paidOutYen,
    feesYen,
    unsettledYen: sumYen([chargedYen, -refundedYen, -paidOutYen, -feesYen] as Yen[]),
  };
};
