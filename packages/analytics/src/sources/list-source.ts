import type { AnalyticsRecord, AnalyticsSource } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import { segmentOf } from "./segment-of.ts";

const PAGE = 1_000;

/** An AnalyticsSource over records held in memory (tests, benchmarks): read afresh each call. */
export const makeListAnalyticsSource = (
  records: () => readonly AnalyticsRecord[],
): AnalyticsSource => ({
  readSegment: (segment, totalSegments, onPage) =>
    TE.rightIO(() => {
      const mine = records().filter((r) => segmentOf(r, totalSegments) === segment);
      for (let i = 0; i < mine.length; i += PAGE) onPage(mine.slice(i, i + PAGE));
      return mine.length;
    }),
});
