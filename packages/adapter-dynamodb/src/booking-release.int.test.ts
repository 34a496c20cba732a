import { describeBookingReleaseContract, makeHarvestWorld } from "@owners/app/testing";
import { makeDynamoExperienceStore } from "./experience-store.ts";
import { makeDynamoOutbox } from "./outbox.ts";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeBookingReleaseContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return {
    world: makeHarvestWorld({
      reservation: makeDynamoReservationStores(table),
      experiences: makeDynamoExperienceStore(table),
      outbox: makeDynamoOutbox(table),
    }),
    cleanup: () => table.drop(),
  };
});
