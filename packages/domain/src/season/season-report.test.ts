import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanStatus } from "../plans/plan.ts";
import { at, codeOf, leftOf, planIn, rightOf } from "../plans/terms.fixtures.ts";
import {
  MAX_SEASON_NOTE_CHARS,
  MAX_SEASON_REPORT_PHOTOS,
  type SeasonReportInput,
  seasonTotalsFromLots,
  writeSeasonReport,
} from "./season-report.ts";

const input = (overrides: Partial<SeasonReportInput> = {}): SeasonReportInput => ({
  harvestedUnits: 380,
  lotCount: 3,
  note: "A hot summer, sweet figs.",
  photoKeys: ["photos/p1.jpg"],
  at: at("2026-09-10T00:00:00.000Z"),
  ...overrides,
});

const completed = planIn("completed");

describe("season report", () => {
  it("is published on a completed plan, in the plan's unit, at version 1", () => {
    const report = rightOf(writeSeasonReport(completed, undefined, input()));
    expect(report).toEqual({
      planId: completed.id,
      producerId: completed.producerId,
      harvestedUnits: 380,
      lotCount: 3,
      unitLabel: "pack",
      note: "A hot summer, sweet figs.",
      photoKeys: ["photos/p1.jpg"],
      publishedAt: "2026-09-10T00:00:00.000Z",
      updatedAt: "2026-09-10T00:00:00.000Z",
      version: 1,
    });
  });

  it("keeps its first publication instant across edits and bumps the version", () => {
    const first = rightOf(writeSeasonReport(completed, undefined, input()));
    const edited = rightOf(
      writeSeasonReport(
        completed,
        first,
        input({ note: "Corrected", at: at("2026-09-12T00:00:00.000Z") }),
      ),
    );
    expect(edited.publishedAt).toBe(first.publishedAt);
    expect(edited.updatedAt).toBe("2026-09-12T00:00:00.000Z");
    expect(edited.version).toBe(2);
    expect(edited.note).toBe("Corrected");
  });

  const notCompleted: PlanStatus[] = [
    "draft",
    "open",
    "closed",
    "allocated",
    "shipped",
    "cancelled",
  ];
  it.each(notCompleted)("is refused while the plan is %s, naming the status", (status) => {
    const error = leftOf(writeSeasonReport(planIn(status), undefined, input()));
    expect(error._tag).toBe("SEASON.PLAN_NOT_COMPLETED");
    expect(error.details).toMatchObject({ status });
  });

  it.each([
    ["harvestedUnits", input({ harvestedUnits: -1 })],
    ["harvestedUnits", input({ harvestedUnits: 1.5 })],
    ["lotCount", input({ lotCount: -2 })],
    ["note", input({ note: "あ".repeat(MAX_SEASON_NOTE_CHARS + 1) })],
    [
      "photoKeys",
      input({
        photoKeys: Array.from({ length: MAX_SEASON_REPORT_PHOTOS + 1 }, (_, i) => `p${i}`),
      }),
    ],
    ["photoKeys", input({ photoKeys: ["same", "same"] })],
  ])("refuses an invalid %s", (field, bad) => {
    const error = leftOf(writeSeasonReport(completed, undefined, bad));
    expect(error._tag).toBe("SEASON.INVALID");
    expect(error.details).toMatchObject({ field });
  });

  it("counts the note in characters: the longest Japanese note is accepted", () => {
    expect(
      codeOf(
        writeSeasonReport(
          completed,
          undefined,
          input({ note: "実".repeat(MAX_SEASON_NOTE_CHARS) }),
        ),
      ),
    ).toBeUndefined();
  });

  it("prefills the totals from the recorded lots: their sum and their count", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { maxLength: 30 }), (quantities) => {
        const totals = seasonTotalsFromLots(quantities.map((quantity) => ({ quantity })));
        expect(totals.lotCount).toBe(quantities.length);
        expect(totals.harvestedUnits).toBe(quantities.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it("the version counts the writes, publication included; publishedAt never moves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (writes) => {
        const first = rightOf(writeSeasonReport(completed, undefined, input()));
        let report = first;
        for (let i = 1; i < writes; i++)
          report = rightOf(writeSeasonReport(completed, report, input({ lotCount: i })));
        expect(report.version).toBe(writes);
        expect(report.publishedAt).toBe(first.publishedAt);
      }),
    );
  });
});
