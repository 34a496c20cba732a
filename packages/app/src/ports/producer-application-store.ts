import type { ProducerApplication, ProducerApplicationStatus } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/** Producer applications, one per applicant (its id is the applicant's id). */
export interface ProducerApplicationStore {
  /** The person's application, or none. */
  get(id: string): TE.TaskEither<AppError, O.Option<ProducerApplication>>;
  /**
   * Stores the application with version expectedVersion + 1 if the stored version is
   * expectedVersion (0: none stored yet); STORE.VERSION_CONFLICT otherwise. Returns what was stored.
   */
  save(
    application: ProducerApplication,
    expectedVersion: number,
  ): TE.TaskEither<AppError, ProducerApplication>;
  /** Applications in one status, oldest submission first (then by id), a page at a time. */
  listByStatus(
    status: ProducerApplicationStatus,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<ProducerApplication>>;
}
