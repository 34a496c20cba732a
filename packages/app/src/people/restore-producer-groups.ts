import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { IdentityDirectory } from "../ports/identity-directory.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

/**
 * Puts every approved applicant (back) in `producers`; idempotent. `pnpm start` runs it on start:
 * its identity directory lives in memory while the table keeps the applications, so after a
 * restart dev login still signs approved people in as the producers Cognito would say they are.
 * A closed account is left out (its user was deleted, its producer role ended with it). Returns
 * how many it filed.
 */
export const restoreProducerGroups = (deps: {
  readonly producerApplications: ProducerApplicationStore;
  readonly identityDirectory: IdentityDirectory;
  readonly accountClosures: AccountClosures;
}): TE.TaskEither<AppError, number> =>
  pipe(
    allPages((page) => deps.producerApplications.listByStatus("approved", page)),
    TE.chain((approved) =>
      pipe(
        approved,
        TE.traverseSeqArray((a) =>
          pipe(
            deps.accountClosures.get(a.applicantId),
            TE.chain(
              O.match(
                () =>
                  pipe(
                    deps.identityDirectory.addToGroup(a.applicantId, "producers"),
                    TE.map(() => 1),
                  ),
                () => TE.right(0),
              ),
            ),
          ),
        ),
        TE.map((filed) => filed.reduce((sum, n) => sum + n, 0)),
      ),
    ),
  );
