import type { CreditBalances } from "./credit-balances.ts";
import type { AuditLog, LedgerRepository } from "./ledger-repository.ts";
import type { OwnershipStore } from "./ownership-store.ts";
import type { PlanRepository } from "./plan-repository.ts";
import type { ProducerSummaries } from "./producer-summaries.ts";
import type { RefundIntentStore } from "./refund-intents.ts";
import type { WaitlistStore } from "./waitlist-store.ts";

/** The storing ports of plans and reservations, built together on one store by each technology. */
export interface ReservationStores {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly waitlists: WaitlistStore;
  readonly ledger: LedgerRepository;
  readonly audit: AuditLog;
  /** Refund intents: written by ownerships.cancel, finished after it. */
  readonly refundIntents: RefundIntentStore;
  /** Store credit: its balances move in the same writes as the ledger's credit entries. */
  readonly creditBalances: CreditBalances;
  /** The producer dashboard's tallies, moved by the writes above. */
  readonly producerSummaries: ProducerSummaries;
}
