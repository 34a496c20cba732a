import type { LotAllocation } from "@owners/app";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<LotAllocation>();

export const allocationExport: ExportSchema<LotAllocation> = {
  table: "allocations",
  description: "Units of one harvest lot allocated to one ownership (non-zero shares only).",
  key: ["lot_id", "ownership_id"],
  fields: {
    planId: f.column("string", "Plan id."),
    lotId: f.column("string", "Lot id."),
    ownershipId: f.column("string", "Ownership id."),
    ownerId: f.pseudonymized("PII: owner's account id, keyed hash (HMAC-SHA256)."),
    grade: f.column("string", "Grade of the lot: standard|offspec."),
    units: f.column("int", "Units of the lot given to the ownership."),
  },
};
