import type { Plan } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<Plan>();

export const planExport: ExportSchema<Plan> = {
  table: "plans",
  description: "Plans (one season's offer of a producer); one row per exported version.",
  key: ["id"],
  fields: {
    id: f.column("string", "Plan id."),
    producerId: f.column("string", "Producer id (an opaque account id, not a name)."),
    status: f.column("string", "draft|open|closed|allocated|shipped|completed|cancelled."),
    title: f.column("string", "Plan title as published (the producer's own public text)."),
    story: f.dropped("Long free text; not analysed and may name people."),
    allocationStartedAt: f.dropped(
      "An operational fence of the allocation batch, not a fact to analyse.",
    ),
    category: f.column("string", "Category (fruit, seafood, rice, ...)."),
    region: f.column("string", "Region (prefecture) the produce comes from."),
    unitLabel: f.column("string", "The plan's unit: pack, kg, piece..."),
    unitsPerShare: f.column("int", "Units one share is entitled to from a full harvest."),
    totalShares: f.column("int", "Shares on sale."),
    maxSharesPerOwner: f.column("int", "Most shares one owner may hold."),
    salesWindow: f.columns(
      {
        name: "sales_opens_at",
        type: "timestamp",
        comment: "Sales open.",
        value: (p) => p.salesWindow.opensAt,
      },
      {
        name: "sales_closes_at",
        type: "timestamp",
        comment: "Sales close.",
        value: (p) => p.salesWindow.closesAt,
      },
      {
        name: "returning_owners_open_at",
        type: "timestamp",
        comment: "Earlier opening for returning owners (null: none).",
        value: (p) => p.salesWindow.returningOwnersOpenAt,
      },
    ),
    deliveryWindow: f.columns(
      {
        name: "delivery_from",
        type: "date",
        comment: "First delivery day.",
        value: (p) => p.deliveryWindow.from,
      },
      {
        name: "delivery_to",
        type: "date",
        comment: "Last delivery day.",
        value: (p) => p.deliveryWindow.to,
      },
    ),
    pricing: f.columns(
      {
        name: "base_price_yen",
        type: "bigint",
        comment: "Base price of one share, yen, tax-inclusive.",
        value: (p) => p.pricing.basePriceYen,
      },
      {
        name: "price_tiers_json",
        type: "string",
        comment: "Price tiers (earlyBird / firstShares) as JSON.",
        value: (p) => JSON.stringify(p.pricing.tiers),
      },
      {
        name: "shipping_surcharges_json",
        type: "string",
        comment: "Shipping surcharge per share by region, as a JSON object of yen.",
        value: (p) => JSON.stringify(p.pricing.shippingSurchargeYen),
      },
    ),
    riskTerms: f.column("string", "How a short harvest is settled: refund|credit|shared."),
    cancellationDeadline: f.column("timestamp", "Owners may cancel until then."),
    shipCapacityPerDay: f.column("int", "Boxes the producer can ship per day."),
    surplusBonusCapUnits: f.column("int", "Surplus units the producer gives away at most."),
    paymentHoldMinutes: f.column("int", "Minutes a reservation's unpaid shares are held."),
    experienceSeatsPerOwner: f.column("int", "Seats one owner may book on each experience."),
    photoKeys: f.columns({
      name: "photo_count",
      type: "int",
      comment: "Number of photos (the object keys are not exported).",
      value: (p) => p.photoKeys.length,
    }),
    platformFeeBps: f.column("int", "Platform fee rate in basis points."),
    harvestCompletedAt: f.column(
      "timestamp",
      "When the harvest was declared complete (null: not yet); the shortfall is settled then.",
    ),
    shortfallSettledAt: f.column(
      "timestamp",
      "When the final allocation's shortfall was settled and paid (null: not yet).",
    ),
    sharesSold: f.column("int", "Shares sold so far."),
    sharesOffered: f.column("int", "Shares held for open waitlist offers."),
    createdAt: f.column("timestamp", "Created."),
    updatedAt: f.column("timestamp", "Last change."),
    version: f.column("int", "Optimistic-locking version (bumped on every write)."),
    logistics: f.columns(
      {
        name: "logistics_temperature",
        type: "string",
        comment: "How the boxes travel: ambient|chilled|frozen (null: never set, ambient).",
        value: (p) => p.logistics?.temperature,
      },
      {
        name: "logistics_surcharge_yen_per_box",
        type: "int",
        comment: "What the temperature adds per box, shown to owners (null: never set).",
        value: (p) => p.logistics?.surchargeYenPerBox,
      },
      {
        name: "logistics_slots_allowed",
        type: "boolean",
        comment: "Whether owners may pick a delivery time slot (null: never set, no).",
        value: (p) => p.logistics?.slotsAllowed,
      },
      {
        name: "logistics_transit_days_json",
        type: "string",
        comment:
          "Transit days by region as JSON (null: never set, Japan's default). The Yamato sender is not exported.",
        value: (p) =>
          p.logistics === undefined ? undefined : JSON.stringify(p.logistics.transitDays),
      },
    ),
  },
};
