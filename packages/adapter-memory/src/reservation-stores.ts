import type { CursorCodec, ListReadBudget, ReservationStores } from "@owners/app";
import { makeMemoryCreditBalances } from "./credit-balances.ts";
import { makeMemoryAuditLog, makeMemoryLedgerRepository } from "./ledger-repository.ts";
import { makeMemoryOwnershipStore } from "./ownership-store.ts";
import { makeMemoryPlanRepository } from "./plan-repository.ts";
import { makeMemoryProducerSummaries } from "./producer-tallies.ts";
import { makeMemoryRefundIntents } from "./refund-intents.ts";
import { makeReservationDb, type ReservationDb } from "./reservation-db.ts";
import { makeMemoryWaitlistStore } from "./waitlist-store.ts";

/** The in-memory adapters of those ports over one shared database (pass `db` to share it further). */
export const makeMemoryReservationStores = (
  cursors: CursorCodec,
  db: ReservationDb = makeReservationDb(),
  listBudget?: ListReadBudget,
): ReservationStores & { readonly db: ReservationDb } => ({
  db,
  plans: makeMemoryPlanRepository(db, cursors, listBudget),
  ownerships: makeMemoryOwnershipStore(db, cursors),
  waitlists: makeMemoryWaitlistStore(db, cursors),
  ledger: makeMemoryLedgerRepository(db),
  audit: makeMemoryAuditLog(db, cursors),
  refundIntents: makeMemoryRefundIntents(db),
  creditBalances: makeMemoryCreditBalances(db),
  producerSummaries: makeMemoryProducerSummaries(db),
});
