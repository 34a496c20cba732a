import {
  bookingId,
  commentId,
  type Experience,
  type ExperienceBooking,
  experienceId,
  type HarvestLot,
  type Instant,
  type LocalDate,
  ledgerEntryId,
  lotId,
  type OutboxMessage,
  ownerId,
  ownershipId,
  type PlanUpdate,
  planId,
  producerId,
  shipmentId,
  type UpdateComment,
  updateId,
  yen,
} from "@owners/domain";
import type { AllocationSummary, LotAllocation } from "../ports/allocation-repository.ts";
import type { OwnerProfile, ShippingAddress } from "../ports/owner-profile-repository.ts";
import type { LotShipment } from "../ports/shipment-repository.ts";

/**
 * Sample records for the contract suites and the mapper round trips: every optional field is
 * exercised somewhere, so a mapper that drops one fails its round trip.
 */
const at = (s: string) => s as Instant;
const day = (s: string) => s as LocalDate;

export const sampleLot = (overrides: Partial<HarvestLot> = {}): HarvestLot => ({
  id: lotId("lot_A"),
  planId: planId("plan_1"),
  quantity: 120,
  grade: "standard",
  readyOn: day("2026-08-01"),
  bestBefore: day("2026-08-10"),
  recordedAt: at("2026-08-01T09:00:00.000Z"),
  ...overrides,
});

export const sampleLotAllocation = (overrides: Partial<LotAllocation> = {}): LotAllocation => ({
  planId: planId("plan_1"),
  lotId: lotId("lot_A"),
  ownershipId: ownershipId("own_1"),
  ownerId: ownerId("owner_1"),
  grade: "standard",
  units: 6,
  ...overrides,
});

/** The facts of sampleSummary's statement, to read it in another language. */
export const sampleStatementFacts = (): NonNullable<AllocationSummary["statementFacts"]> => ({
  unitLabel: "kg",
  riskTerms: "refund",
  shares: 2,
  entitledUnits: 20,
  receivedStandardUnits: 17,
  receivedOffspecUnits: 2,
  missingUnits: 3,
  harvestPercent: 85,
  harvestMet: false,
  compensation: { kind: "refund", amountYen: yen(1500) },
  paid: { sharesYen: yen(10000), shippingYen: yen(1600), totalYen: yen(11600) },
  settlementPending: false,
});

export const sampleSummary = (overrides: Partial<AllocationSummary> = {}): AllocationSummary => ({
  planId: planId("plan_1"),
  ownershipId: ownershipId("own_1"),
  ownerId: ownerId("owner_1"),
  shares: 2,
  entitledUnits: 20,
  standardUnits: 17,
  offspecUnits: 2,
  missingUnits: 3,
  lots: [
    { lotId: lotId("lot_A"), grade: "standard", units: 17 },
    { lotId: lotId("lot_B"), grade: "offspec", units: 2 },
  ],
  compensation: { kind: "refund", amountYen: yen(1500) },
  settled: true,
  refundYen: yen(1500),
  creditYen: yen(0),
  paidRefundEntryIds: [ledgerEntryId("led_1")],
  statement: ["Harvest was 85% of plan; refund of 1,500 yen.", "You own 2 shares."],
  ...overrides,
});

/** A profile with a default address (what shipping needs), and the owner's other fields. */
export type ShippableProfile = OwnerProfile & {
  readonly address: ShippingAddress;
  readonly region: string;
};

export const sampleProfile = (overrides: Partial<ShippableProfile> = {}): ShippableProfile => ({
  ownerId: ownerId("owner_1"),
  addresses: [],
  language: "ja",
  notifications: {},
  address: {
    recipientName: "山田 花子",
    postalCode: "150-0001",
    prefecture: "東京都",
    city: "渋谷区",
    line1: "神宮前1-2-3",
    line2: "メゾン101",
    phone: "03-1234-5678",
  },
  region: "kanto",
  updatedAt: at("2026-07-01T00:00:00.000Z"),
  version: 1,
  ...overrides,
});

export const sampleShipment = (overrides: Partial<LotShipment> = {}): LotShipment => ({
  id: shipmentId("shp_1"),
  planId: planId("plan_1"),
  producerId: producerId("producer_1"),
  lotId: lotId("lot_A"),
  ownershipId: ownershipId("own_1"),
  ownerId: ownerId("owner_1"),
  region: "kanto",
  address: sampleProfile().address,
  units: 13,
  parcels: [
    { shipOn: day("2026-08-02"), arriveBy: day("2026-08-03"), boxes: 2, units: 10 },
    { shipOn: day("2026-08-03"), arriveBy: day("2026-08-04"), boxes: 1, units: 3 },
  ],
  unshipped: { units: 2, reason: "capacity" },
  scheduledAt: at("2026-08-01T10:00:00.000Z"),
  ...overrides,
});

export const sampleExperience = (overrides: Partial<Experience> = {}): Experience => ({
  id: experienceId("exp_1"),
  planId: planId("plan_1"),
  producerId: producerId("producer_1"),
  title: "Harvest day at the orchard",
  startsAt: at("2026-09-01T01:00:00.000Z"),
  capacity: 5,
  seatsBooked: 0,
  createdAt: at("2026-07-01T00:00:00.000Z"),
  updatedAt: at("2026-07-01T00:00:00.000Z"),
  version: 1,
  ...overrides,
});

export const sampleBooking = (overrides: Partial<ExperienceBooking> = {}): ExperienceBooking => ({
  id: bookingId("bkg_1"),
  experienceId: experienceId("exp_1"),
  ownerId: ownerId("owner_1"),
  seats: 1,
  bookedAt: at("2026-07-02T00:00:00.000Z"),
  status: "active",
  version: 1,
  ...overrides,
});

export const sampleUpdate = (overrides: Partial<PlanUpdate> = {}): PlanUpdate => ({
  id: updateId("upd_1"),
  planId: planId("plan_1"),
  producerId: producerId("producer_1"),
  body: "The figs are ripening 🌱",
  photoKeys: ["photos/plan_1/a.jpg"],
  visibility: "public",
  postedAt: at("2026-07-03T00:00:00.000Z"),
  ...overrides,
});

export const sampleComment = (overrides: Partial<UpdateComment> = {}): UpdateComment => ({
  id: commentId("cmt_1"),
  updateId: updateId("upd_1"),
  authorId: ownerId("owner_1"),
  body: "Can't wait!",
  postedAt: at("2026-07-03T01:00:00.000Z"),
  ...overrides,
});

export const sampleMessage = (overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: "msg_1",
  recipientId: ownerId("owner_1"),
  kind: "allocation-ready",
  subject: "Your harvest is ready",
  body: "6 kg are yours.",
  at: at("2026-08-01T10:00:00.000Z"),
  dedupeKey: "allocation-ready#lot_A#own_1",
  ...overrides,
});
