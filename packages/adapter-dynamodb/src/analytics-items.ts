import type { AnalyticsRecord } from "@owners/app";
import type { PlanId, ProducerId } from "@owners/domain";
import { bookingToItem, experienceToItem } from "./experience-mapper.ts";
import { harvestLotToItem } from "./harvest-lot-mapper.ts";
import type { Item } from "./item.ts";
import { auditEntryToItem, ledgerEntryToItem } from "./ledger-mapper.ts";
import { lotAllocationToItem } from "./lot-allocation-mapper.ts";
import { ownershipToItem } from "./ownership-mapper.ts";
import { planToItem } from "./plan-mapper.ts";
import { shipmentToItem } from "./shipment-mapper.ts";

/**
 * A record as the adapters store it (their own mappers): how tests and the export benchmark fill a
 * table in bulk with exactly what the parallel-scan source reads back. Ownership items carry their
 * plan's producer, hence `producerOf`.
 */
export const analyticsRecordToItem = (
  record: AnalyticsRecord,
  producerOf: (planId: PlanId) => ProducerId,
): Item => {
  switch (record.entity) {
    case "plans":
      return planToItem(record.value);
    case "ownerships":
      return ownershipToItem(record.value, producerOf(record.value.planId));
    case "harvest_lots":
      return harvestLotToItem(record.value);
    case "allocations":
      return lotAllocationToItem(record.value);
    case "shipments":
      return shipmentToItem(record.value);
    case "ledger_entries":
      return ledgerEntryToItem(record.value);
    case "experiences":
      return experienceToItem(record.value);
    case "bookings":
      return bookingToItem(record.value);
    case "audit_entries":
      return auditEntryToItem(record.value);
  }
};
