/**
 * The keys of plans, ownerships, waitlists, ledger and audit on the single table. Every string
 * that names an item or an index partition is built here and nowhere else; the README's access
 * pattern table lists the same keys.
 */
export type ItemKey = { readonly PK: string; readonly SK: string };

/** Seqs padded so that the entries of a line sort in order as strings. */
const pad = (n: number) => String(n).padStart(12, "0");

export const planKeys = {
  item: (planId: string): ItemKey => ({ PK: `PLAN#${planId}`, SK: "PLAN" }),
  /** GSI1: a producer's plans, newest first. */
  byProducer: (producerId: string) => `PRODUCER#${producerId}`,
  byProducerSort: (createdAt: string, planId: string) => `PLAN#${createdAt}#${planId}`,
  /** GSI2: plans in one status, newest first (also the close-sales batch, on "open"). */
  byStatus: (status: string) => `PLANSTATUS#${status}`,
  /** GSI3: every plan, newest first. */
  all: "PLANS",
  newestSort: (createdAt: string, planId: string) => `${createdAt}#${planId}`,
} as const;

export const ownershipKeys = {
  item: (ownershipId: string): ItemKey => ({ PK: `OWNERSHIP#${ownershipId}`, SK: "OWNERSHIP" }),
  /** GSI1: an owner's ownerships, newest first. */
  byOwner: (ownerId: string) => `OWNER#${ownerId}`,
  byOwnerSort: (reservedAt: string, ownershipId: string) =>
    `OWNERSHIP#${reservedAt}#${ownershipId}`,
  byOwnerSortPrefix: "OWNERSHIP#",
  /** GSI2: a plan's ownerships in reservation order. */
  byPlan: (planId: string) => `PLAN#${planId}#OWNERSHIPS`,
  /** GSI3: an owner's ownerships of one producer's plans (returning owners). */
  byOwnerAndProducer: (ownerId: string, producerId: string) =>
    `OWNER#${ownerId}#PRODUCER#${producerId}`,
  orderSort: (reservedAt: string, ownershipId: string) => `${reservedAt}#${ownershipId}`,
  /** The owner's active shares on a plan: the per-owner cap's counter. */
  ownerShares: (planId: string, ownerId: string): ItemKey => ({
    PK: `OWNER#${ownerId}`,
    SK: `PLANSHARES#${planId}`,
  }),
} as const;

/** Unpaid holds by the end of their hold: what hold expiry releases (one item per pending hold). */
export const holdKeys = {
  partition: "HOLDS",
  item: (expiresAt: string, ownershipId: string): ItemKey => ({
    PK: "HOLDS",
    SK: `${expiresAt}#${ownershipId}`,
  }),
  /** Sort-key bound for "ends at or before `now`" (as waitlistKeys.expiryBound). */
  endedBound: (now: string) => `${now}$`,
} as const;

/**
 * Disputed ownerships, one marker per ownership in one partition (written by the amendment that
 * flags it, rewritten by later ones): what GET /admin/disputes reads with one Query. Disputes are
 * rare (chargebacks), so one partition never runs hot.
 */
export const disputeKeys = {
  partition: "DISPUTES",
  item: (ownershipId: string): ItemKey => ({ PK: "DISPUTES", SK: `OWNERSHIP#${ownershipId}` }),
} as const;

/** Which ownership a PaymentIntent paid (disputes and refunds name only the PaymentIntent). */
export const paymentIntentKeys = {
  item: (paymentIntentId: string): ItemKey => ({
    PK: `PAYMENTINTENT#${paymentIntentId}`,
    SK: "PAYMENTINTENT",
  }),
} as const;

export const waitlistKeys = {
  partition: (planId: string) => `WAITLIST#${planId}`,
  head: (planId: string): ItemKey => ({ PK: `WAITLIST#${planId}`, SK: "HEAD" }),
  entry: (planId: string, seq: number): ItemKey => ({
    PK: `WAITLIST#${planId}`,
    SK: `ENTRY#${pad(seq)}`,
  }),
  offer: (planId: string, offerId: string): ItemKey => ({
    PK: `WAITLIST#${planId}`,
    SK: `OFFER#${offerId}`,
  }),
  /** GSI1 of an entry: an owner's places in line across plans (its export, its account's closure). */
  entriesOfOwner: (ownerId: string) => `OWNER#${ownerId}#WAITLIST`,
  entrySort: (joinedAt: string, planId: string, seq: number) => `${joinedAt}#${planId}#${pad(seq)}`,
  /** GSI1: an owner's offers by expiry. */
  offersOfOwner: (ownerId: string) => `OWNER#${ownerId}#OFFERS`,
  /** GSI2: every offer by expiry (the expiry batch). */
  allOffers: "OFFERS",
  expirySort: (expiresAt: string, planId: string, offerId: string) =>
    `${expiresAt}#${planId}#${offerId}`,
  /**
   * Sort-key bound for "expires at or before `now`": sort keys start with the canonical instant and
   * "#"; "$" is the next character, so `${now}$` is above every key of that instant.
   */
  expiryBound: (now: string) => `${now}$`,
  /**
   * GSI2 (sparse, on the head, sort key the plan id): the waitlists holding shares for the line
   * (heldForLine > 0), the expiry batch's other work. Kept only while something is held.
   */
  holdingForLine: "WAITLISTS#HELD",
} as const;

export const ledgerKeys = {
  partition: (planId: string) => `LEDGER#${planId}`,
  item: (planId: string, ownershipId: string | undefined, entryId: string): ItemKey => ({
    PK: `LEDGER#${planId}`,
    SK: `${ownershipId ?? "-"}#${entryId}`,
  }),
  ofOwnership: (ownershipId: string) => `${ownershipId}#`,
} as const;

export const auditKeys = {
  item: (auditId: string): ItemKey => ({ PK: `AUDIT#${auditId}`, SK: "AUDIT" }),
  /** GSI1: the entries about one subject. */
  bySubject: (type: string, id: string) => `SUBJECT#${type}#${id}`,
  /** GSI2: the entries of one plan. */
  byPlan: (planId: string) => `PLAN#${planId}#AUDIT`,
  /** GSI3: the entries one actor made (a person's id, or a batch's name). */
  byActor: (actorId: string) => `ACTOR#${actorId}#AUDIT`,
  timeSort: (at: string, auditId: string) => `${at}#${auditId}`,
} as const;

/** Store credit: one balance per owner per producer, spent only on that producer's plans. */
export const creditKeys = {
  balance: (ownerId: string, producerId: string): ItemKey => ({
    PK: `OWNER#${ownerId}`,
    SK: `CREDIT#${producerId}`,
  }),
  /** Every balance of one owner: Query PK = OWNER#id, SK begins_with this. */
  balancePrefix: "CREDIT#",
} as const;

/** Refund intents: one item each, written with the cancellation it pays back. */
export const refundIntentKeys = {
  item: (intentId: string): ItemKey => ({ PK: `REFUND#${intentId}`, SK: "REFUND" }),
  /** GSI1: the intents refunding one PaymentIntent (refund.updated). */
  byPaymentIntent: (paymentIntentId: string) => `PAYMENTINTENT#${paymentIntentId}`,
  /** GSI2: one plan's intents, oldest first. */
  byPlan: (planId: string) => `PLAN#${planId}#REFUNDS`,
  timeSort: (createdAt: string, intentId: string) => `${createdAt}#${intentId}`,
  /** GSI3, sparse (only pending and failed intents carry it): reconciliation's work list. */
  open: "REFUNDS#OPEN",
} as const;

/** Reconciliation findings: one partition, one item per plan whose books disagree. */
export const reconciliationKeys = {
  partition: "RECONCILIATION",
  item: (planId: string): ItemKey => ({ PK: "RECONCILIATION", SK: `PLAN#${planId}` }),
} as const;

/**
 * The producer summary's tallies: one item per plan and one per plan and reservation day, in the
 * plan's partition (so no item is the whole producer's), all in the producer's GSI1 partition
 * beside its plans: one Query returns the plans and their tallies.
 */
export const summaryKeys = {
  plan: (planId: string): ItemKey => ({ PK: `PLAN#${planId}`, SK: "SUMMARY" }),
  day: (planId: string, day: string): ItemKey => ({ PK: `PLAN#${planId}`, SK: `SUMMARY#${day}` }),
  /** GSI1 sort keys, after the plans' "PLAN#…" ones. */
  planSort: (planId: string) => `SUMMARY#${planId}`,
  daySort: (planId: string, day: string) => `SUMMARY#${planId}#${day}`,
  /** How many of the producer's plans the owner holds active shares in. */
  producerPlans: (ownerId: string, producerId: string): ItemKey => ({
    PK: `OWNER#${ownerId}`,
    SK: `PRODUCERPLANS#${producerId}`,
  }),
} as const;
