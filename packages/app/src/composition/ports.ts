import type { CursorCodec } from "../cursor.ts";
import type { AllocationRepository } from "../ports/allocation-repository.ts";
import type { BlobStore } from "../ports/blob-store.ts";
import type { Clock } from "../ports/clock.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { AuditLog, LedgerRepository } from "../ports/ledger-repository.ts";
import type { Notifier } from "../ports/notifier.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { Scheduler } from "../ports/scheduler.ts";

/** What every deployment provides besides storage: time, ids, files, money, messages, schedules. */
export interface PlatformPorts {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly cursors: CursorCodec;
  readonly blobs: BlobStore;
  readonly payments: PaymentGateway;
  readonly notifier: Notifier;
  readonly scheduler: Scheduler;
}

/** The storing ports: DynamoDB in AWS and `pnpm start`, in-memory in tests and the memory mode. */
export interface StoragePorts {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly ledger: LedgerRepository;
  readonly audit: AuditLog;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
  // A new storing port gets a line here and a token in PORT_TOKENS (tsc asks for it).
}

/**
 * Every port of the app as one plain object: what a composition root builds once per process
 * (apps bind each to its token in PORT_TOKENS) and what use-case factories take their deps from.
 */
export interface Ports extends PlatformPorts, StoragePorts {}
