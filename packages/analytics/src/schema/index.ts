import type { ColumnType } from "../column.ts";
import { allocationExport } from "./allocations.ts";
import { auditEntryExport } from "./audit-entries.ts";
import { bookingExport } from "./bookings.ts";
import type { DerivedColumn } from "./define.ts";
import { experienceExport } from "./experiences.ts";
import { harvestLotExport } from "./harvest-lots.ts";
import { ledgerEntryExport } from "./ledger-entries.ts";
import { ownershipExport } from "./ownerships.ts";
import { planExport } from "./plans.ts";
import { producerExport } from "./producers.ts";
import { shipmentExport } from "./shipments.ts";

/** Every exported table, in the order the DDL and the docs list them. */
export const EXPORT_SCHEMAS = [
  producerExport,
  planExport,
  ownershipExport,
  harvestLotExport,
  allocationExport,
  shipmentExport,
  ledgerEntryExport,
  experienceExport,
  bookingExport,
  auditEntryExport,
] as const;

/** Any entity's schema, as code that walks every table sees it. */
export interface AnyExportSchema {
  readonly table: string;
  readonly description: string;
  readonly key: readonly string[];
  readonly fields: Readonly<
    Record<
      string,
      | { readonly kind: "column"; readonly type: ColumnType; readonly comment: string }
      // biome-ignore lint/suspicious/noExplicitAny: the entity type differs per table
      | { readonly kind: "columns"; readonly columns: readonly DerivedColumn<any>[] }
      | { readonly kind: "pseudonymized"; readonly comment: string }
      | { readonly kind: "dropped"; readonly reason: string; readonly pii: boolean }
    >
  >;
}

/** Every schema, typed for code that walks all tables. */
export const ALL_SCHEMAS: readonly AnyExportSchema[] = EXPORT_SCHEMAS;

export type { ProducerActivity } from "./producers.ts";
export {
  allocationExport,
  auditEntryExport,
  bookingExport,
  experienceExport,
  harvestLotExport,
  ledgerEntryExport,
  ownershipExport,
  planExport,
  producerExport,
  shipmentExport,
};
