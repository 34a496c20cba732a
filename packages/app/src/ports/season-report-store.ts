import type { OutboxMessage, PlanId, SeasonReport } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** Season reports, one per completed plan, written by its producer. */
export interface SeasonReportStore {
  /** The plan's report, or none. */
  get(planId: PlanId): TE.TaskEither<AppError, O.Option<SeasonReport>>;
  /**
   * Stores the report if the stored one is at `report.version - 1` (none stored for version 1);
   * STORE.VERSION_CONFLICT otherwise, so two first publications or two edits never both win.
   * `notices` (the first publication's fan-out trigger) land in the same atomic write, or not at
   * all when the report is refused; one whose dedupeKey is already stored is dropped.
   */
  put(
    report: SeasonReport,
    notices?: readonly OutboxMessage[],
  ): TE.TaskEither<AppError, SeasonReport>;
}
