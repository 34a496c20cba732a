import type { LedgerEntry } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<LedgerEntry>();

export const ledgerEntryExport: ExportSchema<LedgerEntry> = {
  table: "ledger_entries",
  description:
    "The money ledger, append-only: charges, refunds, payouts, fees and store credit, per plan.",
  key: ["id"],
  fields: {
    id: f.column("string", "Entry id."),
    planId: f.column("string", "Plan id."),
    ownershipId: f.column("string", "Ownership id (null for plan-level entries)."),
    kind: f.column("string", "charge|refund|payout|fee|credit."),
    amountYen: f.column("bigint", "Amount, yen (payout/fee negative when reversed)."),
    reason: f.column(
      "string",
      "reservation|cancellation|plan-cancellation|shortfall-refund|shortfall-credit.",
    ),
    at: f.column("timestamp", "When."),
    actor: f.pseudonymized(
      "PII: who caused it (an owner id, producer id or batch name), keyed hash (HMAC-SHA256): owner ids are personal.",
    ),
  },
};
