import { type SeasonReportStore, storeErrors } from "@owners/app";
import type { SeasonReport } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";

/** Season reports in a Map by plan id; `put` checks the version as DynamoDB's condition does. */
export const makeMemorySeasonReportStore = (): SeasonReportStore => {
  const reports = new Map<string, SeasonReport>();
  return {
    get: (planId) => TE.fromIO(() => O.fromNullable(reports.get(planId))),
    put: (report) => () => {
      const storedVersion = reports.get(report.planId)?.version ?? 0;
      if (storedVersion !== report.version - 1)
        return Promise.resolve(E.left(storeErrors.versionConflict("season report", report.planId)));
      reports.set(report.planId, report);
      return Promise.resolve(E.right(report));
    },
  };
};
