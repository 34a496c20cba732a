import type { LotShipment, ShippingAddress } from "@owners/app";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<LotShipment>();

/**
 * What the export does with each field of the snapshotted address. Listed so that a field added
 * to ShippingAddress fails tsc here until someone decides; only these columns read the address.
 */
export const ADDRESS_FIELDS: {
  readonly [K in keyof Required<ShippingAddress>]: "kept" | "pseudonymized" | "dropped (PII)";
} = {
  recipientName: "dropped (PII)",
  postalCode: "pseudonymized",
  prefecture: "kept",
  city: "dropped (PII)",
  line1: "dropped (PII)",
  line2: "dropped (PII)",
  phone: "dropped (PII)",
};

export const shipmentExport: ExportSchema<LotShipment> = {
  table: "shipments",
  description: "What one ownership receives from one lot: parcels scheduled and units not shipped.",
  key: ["id"],
  fields: {
    id: f.column("string", "Shipment id (one per lot and ownership)."),
    planId: f.column("string", "Plan id."),
    producerId: f.column("string", "Producer id."),
    lotId: f.column("string", "Lot id."),
    ownershipId: f.column("string", "Ownership id."),
    ownerId: f.pseudonymized("PII: owner's account id, keyed hash (HMAC-SHA256)."),
    region: f.column("string", "Shipping region used (empty: no address)."),
    address: f.columns(
      {
        name: "address_prefecture",
        type: "string",
        comment:
          "Prefecture of the snapshotted address (coarse location, kept). The rest of the address is personal data: recipient name, street lines and phone are dropped; the postal code is pseudonymized (address_postal_code_hash).",
        value: (s) => s.address?.prefecture,
      },
      {
        name: "address_postal_code_hash",
        type: "string",
        comment:
          "PII: postal code of the address, keyed hash (HMAC-SHA256): same code, same hash; never the code.",
        value: (s) => s.address?.postalCode,
        pseudonymize: true,
      },
    ),
    units: f.column("int", "Units allocated to the ownership from this lot."),
    parcels: f.columns(
      {
        name: "parcel_count",
        type: "int",
        comment: "Number of ship days (parcels).",
        value: (s) => s.parcels.length,
      },
      {
        name: "boxes",
        type: "int",
        comment: "Boxes over all parcels.",
        value: (s) => s.parcels.reduce((sum, p) => sum + p.boxes, 0),
      },
      {
        name: "first_ship_on",
        type: "date",
        comment: "First ship day (null: nothing scheduled).",
        value: (s) => s.parcels[0]?.shipOn,
      },
      {
        name: "last_arrive_by",
        type: "date",
        comment: "Latest expected arrival (null: nothing scheduled).",
        value: (s) => s.parcels.at(-1)?.arriveBy,
      },
      {
        name: "parcels_json",
        type: "string",
        comment: "Parcels (shipOn, arriveBy, boxes, units) as JSON.",
        value: (s) => JSON.stringify(s.parcels),
      },
    ),
    unshipped: f.columns(
      {
        name: "unshipped_units",
        type: "int",
        comment: "Units that could not be scheduled (0: all ship).",
        value: (s) => s.unshipped?.units ?? 0,
      },
      {
        name: "unshipped_reason",
        type: "string",
        comment: "Why (unknown-region, capacity, no-address, ...); null when all ship.",
        value: (s) => s.unshipped?.reason,
      },
    ),
    scheduledAt: f.column("timestamp", "Scheduled."),
    temperature: f.column(
      "string",
      "How the parcels travel: ambient|chilled|frozen (null: before).",
    ),
    slot: f.column("string", "Delivery time slot the owner picked (null: any time)."),
    giftMessage: f.droppedPii("A gift's message to its recipient: personal data."),
  },
};
