import { domainError, type ProducerApplication } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

/** The application with this id, or APPLICATION.NOT_FOUND. */
export const loadApplication =
  (store: ProducerApplicationStore) =>
  (id: string): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      store.get(id),
      TE.chain(
        TE.fromOption(
          (): AppError => appError("APPLICATION.NOT_FOUND", "no such application", { id }),
        ),
      ),
    );

/**
 * The application, unless its applicant closed its account: no decision is made on it any more
 * (approving would make a producer, and a public profile, of a closed account), an approval's
 * retry included. APPLICATION.ILLEGAL_TRANSITION then.
 */
export const requireOpenApplicant =
  (closures: AccountClosures) =>
  (application: ProducerApplication): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      closures.get(application.applicantId),
      TE.chain(
        O.match(
          () => TE.right(application),
          () =>
            TE.left(
              domainError("APPLICATION.ILLEGAL_TRANSITION", "the applicant closed its account", {
                id: application.id,
                status: application.status,
              }),
            ),
        ),
      ),
    );
