import type { BatchStores, StoragePorts } from "@owners/app";
import { makeDynamoAccountClosures } from "./account-closures.ts";
import { makeDynamoAllocationRepository } from "./allocation-repository.ts";
import { makeDynamoBatchStores } from "./batch-stores.ts";
import type { DynamoContext } from "./client.ts";
import { makeDynamoCommunicationRepository } from "./communication-repository.ts";
import { makeDynamoExperienceStore } from "./experience-store.ts";
import { makeDynamoFollowStore } from "./follow-store.ts";
import { makeDynamoHarvestRepository } from "./harvest-repository.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoBulkOutbox } from "./outbox-bulk.ts";
import { makeDynamoOwnerProfileRepository } from "./owner-profile-repository.ts";
import { makeDynamoParcelStore } from "./parcel-store.ts";
import { makeDynamoPayoutAccountStore } from "./payout-account-store.ts";
import { makeDynamoProcessedEvents } from "./processed-events.ts";
import { makeDynamoProducerApplicationStore } from "./producer-application-store.ts";
import { makeDynamoProducerProfileStore } from "./producer-profile-store.ts";
import { makeDynamoRateCounter } from "./rate-counter.ts";
import { makeDynamoReconciliationMismatches } from "./reconciliation-mismatches.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { makeDynamoSeasonReportStore } from "./season-report-store.ts";
import { makeDynamoShipmentRepository } from "./shipment-repository.ts";

/**
 * Every port this package implements: the storing ports and the batch runner's stores. The
 * personal-data holders are built by the wiring over all ports (storePersonalDataHolders).
 */
export type DynamoPorts = Omit<StoragePorts, "personalDataHolders"> & BatchStores;

export interface DynamoPortsOptions {
  /**
   * Enqueue notifications with BatchWriteItem: a batch enqueues thousands at once, where the
   * API's few conditional puts are cheaper one by one.
   */
  readonly bulkOutbox?: boolean;
}

/**
 * The one wiring of this package: every port on the one table `ctx` names. The API, the batches
 * and `pnpm start` all build their DynamoDB ports here, so a new storing port is one line.
 */
export const makeDynamoPorts = (
  ctx: DynamoContext,
  options: DynamoPortsOptions = {},
): DynamoPorts => ({
  // Plans, ownerships, waitlists, ledger and audit: one reservation writes them in one transaction.
  ...makeDynamoReservationStores(ctx),
  harvests: makeDynamoHarvestRepository(ctx),
  processedEvents: makeDynamoProcessedEvents(ctx),
  payoutAccountStore: makeDynamoPayoutAccountStore(ctx),
  reconciliation: makeDynamoReconciliationMismatches(ctx),
  allocations: makeDynamoAllocationRepository(ctx),
  shipments: makeDynamoShipmentRepository(ctx),
  experiences: makeDynamoExperienceStore(ctx),
  communication: makeDynamoCommunicationRepository(ctx),
  outbox: options.bulkOutbox === true ? makeDynamoBulkOutbox(ctx) : makeDynamoOutbox(ctx),
  profiles: makeDynamoOwnerProfileRepository(ctx),
  uploadRates: makeDynamoRateCounter(ctx),
  producerApplications: makeDynamoProducerApplicationStore(ctx),
  producerProfiles: makeDynamoProducerProfileStore(ctx),
  follows: makeDynamoFollowStore(ctx),
  accountClosures: makeDynamoAccountClosures(ctx),
  parcels: makeDynamoParcelStore(ctx),
  seasonReports: makeDynamoSeasonReportStore(ctx),
  ...makeDynamoBatchStores(ctx),
});
