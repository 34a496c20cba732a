import type { ReservationStores } from "@owners/app";
import type { DynamoContext } from "./client.ts";
import { makeDynamoAuditLog, makeDynamoLedgerRepository } from "./ledger-repository.ts";
import { makeDynamoOwnershipStore } from "./ownership-store.ts";
import { makeDynamoPlanRepository } from "./plan-repository.ts";
import { makeDynamoRefundIntents } from "./refund-intents.ts";
import { makeDynamoWaitlistStore } from "./waitlist-store.ts";

/** The five reservation stores on one table. */
export const makeDynamoReservationStores = (ctx: DynamoContext): ReservationStores => ({
  plans: makeDynamoPlanRepository(ctx),
  ownerships: makeDynamoOwnershipStore(ctx),
  waitlists: makeDynamoWaitlistStore(ctx),
  ledger: makeDynamoLedgerRepository(ctx),
  audit: makeDynamoAuditLog(ctx),
  refundIntents: makeDynamoRefundIntents(ctx),
});
