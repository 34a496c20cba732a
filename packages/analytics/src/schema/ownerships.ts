import type { Ownership } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<Ownership>();

export const ownershipExport: ExportSchema<Ownership> = {
  table: "ownerships",
  description: "Ownerships: shares of a plan reserved by one owner, at a locked quote.",
  key: ["id"],
  fields: {
    id: f.column("string", "Ownership id."),
    planId: f.column("string", "Plan id."),
    ownerId: f.pseudonymized(
      "PII: the owner's account id, pseudonymized (HMAC-SHA256 with the export secret): stable across exports, so owners can be counted and followed, never named.",
    ),
    shares: f.column("int", "Shares reserved."),
    quote: f.columns(
      {
        name: "shares_yen",
        type: "bigint",
        comment: "Price of the shares, yen.",
        value: (o) => o.quote.sharesYen,
      },
      {
        name: "shipping_region",
        type: "string",
        comment: "Shipping region the quote used (a region such as kanto, not an address).",
        value: (o) => o.quote.shippingRegion,
      },
      {
        name: "shipping_yen",
        type: "bigint",
        comment: "Shipping surcharge, yen.",
        value: (o) => o.quote.shippingYen,
      },
      {
        name: "total_yen",
        type: "bigint",
        comment: "What the owner paid, yen.",
        value: (o) => o.quote.totalYen,
      },
      {
        name: "fee_yen",
        type: "bigint",
        comment: "Platform fee, yen.",
        value: (o) => o.quote.feeYen,
      },
      {
        name: "payout_yen",
        type: "bigint",
        comment: "Producer's payout, yen.",
        value: (o) => o.quote.payoutYen,
      },
      {
        name: "price_lines_json",
        type: "string",
        comment: "Priced slices of the quote (shares, unit price, reason) as JSON.",
        value: (o) => JSON.stringify(o.quote.lines),
      },
    ),
    reservedAt: f.column("timestamp", "Reservation time (allocation tie-break order)."),
    idempotencyKey: f.dropped("Client-chosen retry key: technical, meaningless for analysis."),
    status: f.column("string", "pending_payment|active|cancelled|payment_failed."),
    creditAppliedYen: f.column("bigint", "Store credit spent on this ownership, yen (null: none)."),
    payment: f.columns(
      {
        name: "payment_status",
        type: "string",
        comment: "pending|succeeded|failed|expired (null: nothing to pay at the processor).",
        value: (o) => o.payment?.status,
      },
      {
        name: "payment_amount_yen",
        type: "bigint",
        comment: "Charged at the processor, yen (the total less credit applied).",
        value: (o) => o.payment?.amountYen,
      },
    ),
    holdExpiresAt: f.column(
      "timestamp",
      "End of the unpaid hold on the shares (null: nothing was to be paid at the processor).",
    ),
    disputed: f.column("boolean", "Whether the payment was disputed (a chargeback)."),
    cancelledAt: f.column("timestamp", "Cancellation time (null: not cancelled)."),
    version: f.column("int", "Optimistic-locking version."),
  },
};
