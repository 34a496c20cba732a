import { type SeasonReportStore, type StoredOutboxMessage, storeErrors } from "@owners/app";
import type { SeasonReport } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { copy } from "./reservation-db.ts";

/**
 * Season reports in a Map by plan id; `put` checks the version as DynamoDB's condition does.
 * `outbox` is the memory outbox's messages (the reservation database's): a report's notices are
 * written into it in the same synchronous step as the report, after the version check.
 */
export const makeMemorySeasonReportStore = (
  outbox: Map<string, StoredOutboxMessage> = new Map(),
): SeasonReportStore => {
  const reports = new Map<string, SeasonReport>();
  return {
    get: (planId) => TE.fromIO(() => O.fromNullable(reports.get(planId))),
    put:
      (report, notices = []) =>
      () => {
        const storedVersion = reports.get(report.planId)?.version ?? 0;
        if (storedVersion !== report.version - 1)
          return Promise.resolve(
            E.left(storeErrors.versionConflict("season report", report.planId)),
          );
        reports.set(report.planId, report);
        // The first message per dedupe key is kept, as the DynamoDB condition keeps it.
        for (const notice of notices)
          if (!outbox.has(notice.dedupeKey)) outbox.set(notice.dedupeKey, copy(notice));
        return Promise.resolve(E.right(report));
      },
  };
};
