import {
  type AuditEntry,
  auditEntry,
  auditEntryId,
  createPlan,
  fullRefundEntries,
  type Instant,
  instant,
  type LedgerEntry,
  ledgerEntryId,
  type OwnerId,
  type Ownership,
  ownerId,
  ownershipCancelled,
  ownershipId,
  ownershipReserved,
  type Plan,
  planId,
  producerId,
  quote,
  type RawPlanTerms,
  reservationEntries,
  type Waitlist,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { CancelCommand, ReserveCommand } from "../ports/ownership-store.ts";

/** The instants the reservation fixtures live around. */
export const RESERVATION_TIMES = {
  created: instant("2026-05-01T00:00:00.000Z"),
  earlyAccess: instant("2026-05-25T00:00:00.000Z"),
  opens: instant("2026-06-01T00:00:00.000Z"),
  during: instant("2026-06-10T00:00:00.000Z"),
  cancellationDeadline: instant("2026-06-20T00:00:00.000Z"),
  closes: instant("2026-07-01T00:00:00.000Z"),
} as const;

export const SAMPLE_PRODUCER = producerId("producer_fig-farm");

export const sampleTerms = (overrides: Partial<RawPlanTerms> = {}): RawPlanTerms => ({
  title: "Tree-ripened figs",
  story: "Unbagged, picked at peak.",
  category: "fruit",
  region: "Wakayama",
  unitLabel: "pack",
  unitsPerShare: 4,
  totalShares: 10,
  maxSharesPerOwner: 3,
  salesWindow: { opensAt: RESERVATION_TIMES.opens, closesAt: RESERVATION_TIMES.closes },
  deliveryWindow: { from: "2026-08-01", to: "2026-08-31" },
  pricing: { basePriceYen: 5000, tiers: [], shippingSurchargeYen: { kanto: 800, kansai: 600 } },
  riskTerms: "refund",
  cancellationDeadline: RESERVATION_TIMES.cancellationDeadline,
  shipCapacityPerDay: 30,
  surplusBonusCapUnits: 0,
  photoKeys: ["plans/figs/1.jpg"],
  ...overrides,
});

/** A valid plan (built by the domain's createPlan), open unless told otherwise. */
export const samplePlan = (
  overrides: Partial<Plan> = {},
  terms: Partial<RawPlanTerms> = {},
): Plan => {
  const created = createPlan({
    id: planId(overrides.id ?? "plan_figs"),
    producerId: overrides.producerId ?? SAMPLE_PRODUCER,
    terms: sampleTerms(terms),
    platformFeeBps: 1000,
    now: RESERVATION_TIMES.created,
  });
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  return { ...created.right, status: "open", ...overrides };
};

export interface SampleReservation {
  readonly plan: Plan;
  readonly owner: OwnerId | string;
  readonly shares: number;
  readonly id?: string;
  readonly at?: Instant;
  readonly sharesSoldBefore?: number;
}

/** A priced ownership of `shares` on `plan`, as the reserve use case would build it. */
export const sampleOwnership = (r: SampleReservation): Ownership => {
  const at = r.at ?? RESERVATION_TIMES.during;
  const priced = quote({
    plan: r.plan,
    shares: r.shares,
    shippingRegion: "kanto",
    at,
    sharesSoldBefore: Math.min(r.sharesSoldBefore ?? 0, r.plan.totalShares - r.shares),
  });
  if (E.isLeft(priced)) throw new Error(JSON.stringify(priced.left));
  const id = r.id ?? `own_${r.plan.id}_${r.owner}_${r.shares}`;
  return {
    id: ownershipId(id),
    planId: r.plan.id,
    ownerId: ownerId(r.owner),
    shares: r.shares,
    quote: priced.right,
    reservedAt: at,
    idempotencyKey: `key-${id}`,
    status: "active",
    version: 1,
  };
};

/** The ledger entries and audit entry a reservation of `ownership` writes. */
export const reservationRecords = (
  ownership: Ownership,
): { ledgerEntries: LedgerEntry[]; audit: AuditEntry[] } => {
  const entries = reservationEntries(
    {
      planId: ownership.planId,
      ownershipId: ownership.id,
      at: ownership.reservedAt,
      actor: ownership.ownerId,
      entryId: (kind) => ledgerEntryId(`led_${ownership.id}_reservation_${kind}`),
    },
    ownership.quote,
  );
  if (E.isLeft(entries)) throw new Error(JSON.stringify(entries.left));
  const head = {
    at: ownership.reservedAt,
    actor: { id: ownership.ownerId, role: "owner" as const },
  };
  return {
    ledgerEntries: entries.right,
    audit: [
      ownershipReserved({ ...head, id: auditEntryId(`aud_${ownership.id}_reserved`) }, ownership),
      auditEntry({
        ...head,
        id: auditEntryId(`aud_${ownership.id}_charged`),
        action: "money.charged",
        subject: { type: "ownership", id: ownership.id },
        planId: ownership.planId,
        amountYen: ownership.quote.totalYen,
      }),
    ],
  };
};

/** A complete ReserveCommand for a sample ownership on `plan`. */
export const sampleReserveCommand = (
  r: SampleReservation,
  overrides: Partial<ReserveCommand> = {},
): ReserveCommand => {
  const ownership = sampleOwnership(r);
  return {
    ownership,
    producerId: r.plan.producerId,
    totalShares: r.plan.totalShares,
    maxSharesPerOwner: r.plan.maxSharesPerOwner,
    ...reservationRecords(ownership),
    ...overrides,
  };
};

/** The CancelCommand for an active sample ownership (full refund of its reservation entries). */
export const sampleCancelCommand = (
  ownership: Ownership,
  at: Instant = RESERVATION_TIMES.during,
  waitlist?: CancelCommand["waitlist"],
): CancelCommand => {
  const ctx = {
    planId: ownership.planId,
    ownershipId: ownership.id,
    at,
    actor: ownership.ownerId,
    entryId: (kind: string) => ledgerEntryId(`led_${ownership.id}_cancellation_${kind}`),
  };
  const refund = fullRefundEntries(
    ctx,
    "cancellation",
    reservationRecords(ownership).ledgerEntries,
  );
  if (E.isLeft(refund)) throw new Error(JSON.stringify(refund.left));
  const cancelled: Ownership = {
    ...ownership,
    status: "cancelled",
    cancelledAt: at,
    version: ownership.version + 1,
  };
  return {
    ownership: cancelled,
    expectedVersion: ownership.version,
    ledgerEntries: refund.right,
    audit: [
      ownershipCancelled(
        {
          id: auditEntryId(`aud_${ownership.id}_cancelled`),
          at,
          actor: { id: ownership.ownerId, role: "owner" },
        },
        ownership,
        cancelled,
      ),
    ],
    ...(waitlist === undefined ? {} : { waitlist }),
  };
};

/** The waitlist with `owner` added at the back of the line (what joinWaitlist produces). */
export const withWaiting = (
  waitlist: Waitlist,
  owner: string,
  shares: number,
  at: Instant = RESERVATION_TIMES.during,
): Waitlist => ({
  ...waitlist,
  entries: [
    ...waitlist.entries,
    { ownerId: ownerId(owner), shares, joinedAt: at, seq: waitlist.nextSeq },
  ],
  nextSeq: waitlist.nextSeq + 1,
  version: waitlist.version + 1,
});
