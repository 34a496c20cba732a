import type { AnalyticsRecord, AnalyticsSource } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import { segmentOf } from "./segment-of.ts";

/** An AnalyticsSource over records held in memory (tests, benchmarks): read afresh each call. */
export const makeListAnalyticsSource = (
  records: () => readonly AnalyticsRecord[],
): AnalyticsSource => ({
  readSegment: (segment, totalSegments) =>
    TE.rightIO(() => records().filter((r) => segmentOf(r, totalSegments) === segment)),
});
