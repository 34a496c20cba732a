import type { AnalyticsEntity, AnalyticsRecord } from "@owners/app";
import type { ExportSchema } from "./schema/define.ts";
import {
  allocationExport,
  auditEntryExport,
  bookingExport,
  experienceExport,
  harvestLotExport,
  ledgerEntryExport,
  ownershipExport,
  planExport,
} from "./schema/index.ts";
import { shipmentExport } from "./schema/shipments.ts";

/**
 * The export schema of each record the AnalyticsSource reads, typed by the record's own value
 * type: a new kind of record without a schema, or a schema of another type, fails tsc.
 */
export const SCHEMA_OF: {
  readonly [E in AnalyticsEntity]: ExportSchema<Extract<AnalyticsRecord, { entity: E }>["value"]>;
} = {
  plans: planExport,
  ownerships: ownershipExport,
  harvest_lots: harvestLotExport,
  allocations: allocationExport,
  shipments: shipmentExport,
  ledger_entries: ledgerEntryExport,
  experiences: experienceExport,
  bookings: bookingExport,
  audit_entries: auditEntryExport,
};
