import type { ReservationStores } from "@owners/app";
import type { DynamoContext } from "./client.ts";
import { makeDynamoCreditBalances } from "./credit-balances.ts";
import { makeDynamoAuditLog, makeDynamoLedgerRepository } from "./ledger-repository.ts";
import { makeDynamoOwnershipStore } from "./ownership-store.ts";
import { makeDynamoPlanRepository } from "./plan-repository.ts";
import { makeDynamoProducerSummaries } from "./producer-summaries.ts";
import { makeDynamoRefundIntents } from "./refund-intents.ts";
import { makeDynamoWaitlistStore } from "./waitlist-store.ts";

/** The reservation stores on one table (credit balances too: reservations spend credit). */
export const makeDynamoReservationStores = (ctx: DynamoContext): ReservationStores => ({
  plans: makeDynamoPlanRepository(ctx),
  ownerships: makeDynamoOwnershipStore(ctx),
  waitlists: makeDynamoWaitlistStore(ctx),
  ledger: makeDynamoLedgerRepository(ctx),
  audit: makeDynamoAuditLog(ctx),
  refundIntents: makeDynamoRefundIntents(ctx),
  creditBalances: makeDynamoCreditBalances(ctx),
  producerSummaries: makeDynamoProducerSummaries(ctx),
});
