import { makeCursorCodec } from "@owners/app";
import {
  describeAccountClosuresContract,
  describeAllocationRepositoryContract,
  describeCommunicationRepositoryContract,
  describeExperienceStoreContract,
  describeHarvestRepositoryContract,
  describeOutboxContract,
  describeOwnerProfileRepositoryContract,
  describeShipmentRepositoryContract,
} from "@owners/app/testing";
import type { OwnerId, PlanId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { makeMemoryAccountClosures } from "./account-closures.ts";
import { makeMemoryAllocationRepository } from "./allocation-repository.ts";
import { makeMemoryCommunicationRepository } from "./communication-repository.ts";
import { makeMemoryExperienceStore } from "./experience-store.ts";
import { makeMemoryHarvestRepository } from "./harvest-repository.ts";
import { makeMemoryAuditLog } from "./ledger-repository.ts";
import { makeMemoryOutbox } from "./outbox.ts";
import { makeMemoryOwnerProfileRepository } from "./owner-profile-repository.ts";
import { makeMemoryPlanRepository } from "./plan-repository.ts";
import { makeMemoryRefundIntents } from "./refund-intents.ts";
import { makeReservationDb } from "./reservation-db.ts";
import { makeMemoryShipmentRepository } from "./shipment-repository.ts";

const cursors = makeCursorCodec("memory-test-secret");
const done = async () => {};

describeHarvestRepositoryContract("memory", async () => {
  const db = makeReservationDb();
  return {
    subject: makeMemoryHarvestRepository(db.audit, db.plans),
    plans: makeMemoryPlanRepository(db, cursors),
    cleanup: done,
  };
});
describeAllocationRepositoryContract("memory", async () => ({
  subject: makeMemoryAllocationRepository(cursors),
  cleanup: done,
}));
describeShipmentRepositoryContract("memory", async () => ({
  subject: makeMemoryShipmentRepository(cursors),
  cleanup: done,
}));
describeExperienceStoreContract("memory", async () => {
  const owners = new Set<string>();
  const outbox = makeMemoryOutbox();
  const db = makeReservationDb();
  return {
    subject: makeMemoryExperienceStore({
      cursors,
      isActiveOwner: (planId: PlanId, ownerId: OwnerId) =>
        TE.right(owners.has(`${planId}#${ownerId}`)),
      outbox,
      reservationDb: db,
    }),
    outbox,
    refundIntents: makeMemoryRefundIntents(db),
    grantOwnership: async (planId, ownerId) => {
      owners.add(`${planId}#${ownerId}`);
    },
    cleanup: done,
  };
});
describeCommunicationRepositoryContract("memory", async () => {
  const outbox = makeMemoryOutbox();
  const db = makeReservationDb();
  return {
    subject: makeMemoryCommunicationRepository(cursors, { outbox, db }),
    outbox,
    audit: makeMemoryAuditLog(db, cursors),
    cleanup: done,
  };
});
describeOutboxContract("memory", async () => ({ subject: makeMemoryOutbox(), cleanup: done }));
describeOwnerProfileRepositoryContract("memory", async () => ({
  subject: makeMemoryOwnerProfileRepository(),
  cleanup: done,
}));

describeAccountClosuresContract("memory", async () => ({
  subject: makeMemoryAccountClosures(),
  cleanup: done,
}));
