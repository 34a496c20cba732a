import type { Instant } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** The webhook events already acted on: processors deliver at least once. */
export interface ProcessedEvents {
  /**
   * Records the event id (a conditional write, kept until `expiresAt`: a TTL well past the
   * processor's retry window). Answers false, writing nothing, when it was already recorded.
   */
  markProcessed(eventId: string, expiresAt: Instant): TE.TaskEither<AppError, boolean>;
  /** Forgets a mark whose handling failed, so the processor's retry is acted on. */
  unmark(eventId: string): TE.TaskEither<AppError, void>;
}
