import type { ProducerId, ProducerSummary } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * The producer dashboard's figures, kept current by the OwnershipStore, LedgerRepository and
 * CreditBalances writes that change them (in the same atomic writes): reading them is one
 * request whatever the producer's size.
 */
export interface ProducerSummaries {
  /** The producer's summary over all its plans (no plan: all zero). */
  summaryOf(producerId: ProducerId): TE.TaskEither<AppError, ProducerSummary>;
}
