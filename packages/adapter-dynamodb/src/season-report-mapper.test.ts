import { sampleSeasonReport } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { seasonReportFromItem, seasonReportToItem } from "./season-report-mapper.ts";

describe("season report mapper", () => {
  it("round-trips a report, in its plan's partition", () => {
    const report = sampleSeasonReport();
    const item = seasonReportToItem(report);
    expect(item).toMatchObject({ PK: `PLAN#${report.planId}`, SK: "SEASONREPORT" });
    expect(seasonReportFromItem(item)).toEqual(report);
  });

  it("round-trips one without photos or note", () => {
    const report = sampleSeasonReport({ photoKeys: [], note: "" });
    expect(seasonReportFromItem(seasonReportToItem(report))).toEqual(report);
  });
});
