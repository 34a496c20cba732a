import type {
  AuditEntry,
  Experience,
  ExperienceBooking,
  HarvestLot,
  LedgerEntry,
  Ownership,
  Plan,
} from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { LotAllocation } from "./allocation-repository.ts";
import type { LotShipment } from "./shipment-repository.ts";

/** One stored entity the analytics export writes, tagged with its analytics table. */
export type AnalyticsRecord =
  | { readonly entity: "plans"; readonly value: Plan }
  | { readonly entity: "ownerships"; readonly value: Ownership }
  | { readonly entity: "harvest_lots"; readonly value: HarvestLot }
  | { readonly entity: "allocations"; readonly value: LotAllocation }
  | { readonly entity: "shipments"; readonly value: LotShipment }
  | { readonly entity: "ledger_entries"; readonly value: LedgerEntry }
  | { readonly entity: "experiences"; readonly value: Experience }
  | { readonly entity: "bookings"; readonly value: ExperienceBooking }
  | { readonly entity: "audit_entries"; readonly value: AuditEntry };

export type AnalyticsEntity = AnalyticsRecord["entity"];

/** Reads the whole store for the analytics export, in segments that can be read in parallel. */
export interface AnalyticsSource {
  /**
   * Hands every exported entity of segment `segment` (0-based) of `totalSegments` to `onPage`, a
   * page at a time, and returns how many there were. The segments of one `totalSegments` partition
   * the store: each entity is in exactly one, always the same one. A source reads its next page
   * while `onPage` works on this one.
   */
  readSegment(
    segment: number,
    totalSegments: number,
    onPage: (records: readonly AnalyticsRecord[]) => void,
  ): TE.TaskEither<AppError, number>;
}
