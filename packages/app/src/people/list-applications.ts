import type { ProducerApplication, ProducerApplicationStatus } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { clampLimit, type Page } from "../pagination.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

export interface ListApplicationsInput {
  readonly status: ProducerApplicationStatus;
  readonly cursor?: string;
  readonly limit?: number;
}

/** Admins read applications by status, oldest first: the pending ones are the review queue. */
export const listApplications =
  (deps: { readonly producerApplications: ProducerApplicationStore }) =>
  (
    actor: Actor,
    input: ListApplicationsInput,
  ): TE.TaskEither<AppError, Page<ProducerApplication>> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() =>
        deps.producerApplications.listByStatus(input.status, {
          limit: clampLimit(input.limit),
          ...(input.cursor === undefined ? {} : { cursor: input.cursor }),
        }),
      ),
    );
