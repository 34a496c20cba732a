import type {
  Compensation,
  LedgerEntryId,
  LotGrade,
  LotId,
  OwnerId,
  OwnershipId,
  PlanId,
  StatementFacts,
  Yen,
} from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/** Units of one lot given to one ownership (only non-zero shares of a lot are stored). */
export interface LotAllocation {
  readonly planId: PlanId;
  readonly lotId: LotId;
  readonly ownershipId: OwnershipId;
  readonly ownerId: OwnerId;
  readonly grade: LotGrade;
  readonly units: number;
}

/** One lot's contribution to an ownership, as listed on its summary. */
export interface SummaryLot {
  readonly lotId: LotId;
  readonly grade: LotGrade;
  readonly units: number;
}

/**
 * Where an ownership stands after the lots allocated so far: what getAllocations serves and the
 * owner's statement is built from. Derived data: a re-run rewrites it with identical contents.
 */
export interface AllocationSummary {
  readonly planId: PlanId;
  readonly ownershipId: OwnershipId;
  readonly ownerId: OwnerId;
  readonly shares: number;
  readonly entitledUnits: number;
  readonly standardUnits: number;
  readonly offspecUnits: number;
  /** max(0, entitled - standard units): what the risk terms settle. */
  readonly missingUnits: number;
  /** Non-zero lot shares in lot order. */
  readonly lots: readonly SummaryLot[];
  /** What the plan's risk terms owe for the missing units of the final allocation. */
  readonly compensation: Compensation;
  /**
   * Whether the shortfall is settled: false until the harvest is final (compensation is then
   * none and nothing is refunded or credited yet), true after.
   */
  readonly settled: boolean;
  /** Shortfall refunds written to the ledger so far. */
  readonly refundYen: Yen;
  /** Store credit written to the ledger so far. */
  readonly creditYen: Yen;
  /** Ledger refund entries the payment gateway has confirmed: a re-run pays only the others. */
  readonly paidRefundEntryIds: readonly LedgerEntryId[];
  /** The owner's statement: plain sentences, headline first. */
  readonly statement: readonly string[];
  /**
   * What the statement says, to say it in the reader's language (statementLines). Summaries
   * written before it was kept have only the English `statement`.
   */
  readonly statementFacts?: StatementFacts;
}

export interface AllocationRepository {
  /** Writes lot allocations keyed by (lot, ownership); writing them again changes nothing. */
  putLotAllocations(records: readonly LotAllocation[]): TE.TaskEither<AppError, void>;
  /** Records that a lot is fully allocated (its allocations are all written); repeatable. */
  markLotAllocated(planId: PlanId, lotId: LotId, at: string): TE.TaskEither<AppError, void>;
  /** Ids of the plan's lots marked allocated, in id order. */
  allocatedLotIds(planId: PlanId): TE.TaskEither<AppError, readonly LotId[]>;
  /** A lot's allocations in ownership id order. */
  listLotAllocations(
    planId: PlanId,
    lotId: LotId,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<LotAllocation>>;
  /** Replaces the summaries of these ownerships (same input, same stored state). */
  putSummaries(summaries: readonly AllocationSummary[]): TE.TaskEither<AppError, void>;
  /** One ownership's summary, or none before its plan is allocated. */
  getSummary(
    planId: PlanId,
    ownershipId: OwnershipId,
  ): TE.TaskEither<AppError, O.Option<AllocationSummary>>;
  /** A plan's summaries in ownership id order. */
  listSummaries(
    planId: PlanId,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<AllocationSummary>>;
  /** One owner's summaries on a plan (an owner holds a handful of ownerships), ownership id order. */
  listSummariesByOwner(
    planId: PlanId,
    ownerId: OwnerId,
  ): TE.TaskEither<AppError, readonly AllocationSummary[]>;
}
