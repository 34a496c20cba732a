import { instant, planId, producerId, type SeasonReport } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SeasonReportStore } from "../../ports/season-report-store.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface SeasonReportStoreSubject {
  readonly subject: SeasonReportStore;
  cleanup(): Promise<void>;
}

export const sampleSeasonReport = (overrides: Partial<SeasonReport> = {}): SeasonReport => ({
  planId: planId("plan_figs-2025"),
  producerId: producerId("producer_fig-farm"),
  harvestedUnits: 380,
  lotCount: 3,
  unitLabel: "pack",
  note: "暑い夏、甘いいちじく。",
  photoKeys: ["photos/producer_fig-farm/a.jpg", "photos/producer_fig-farm/b.jpg"],
  publishedAt: instant("2026-09-10T00:00:00.000Z"),
  updatedAt: instant("2026-09-10T00:00:00.000Z"),
  version: 1,
  ...overrides,
});

/** The behaviour every SeasonReportStore adapter must share (in-memory, DynamoDB). */
export const describeSeasonReportStoreContract = (
  name: string,
  makeSubject: () => Promise<SeasonReportStoreSubject>,
) => {
  describe(`SeasonReportStore contract: ${name}`, () => {
    let harness: SeasonReportStoreSubject;
    let store: SeasonReportStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("answers none before publication, then the report as stored", async () => {
      const report = sampleSeasonReport();
      expect(await succeed(store.get(report.planId))).toEqual(O.none);
      expect(await succeed(store.put(report))).toEqual(report);
      expect(await succeed(store.get(report.planId))).toEqual(O.some(report));
      expect(await succeed(store.get(planId("plan_other")))).toEqual(O.none);
    });

    it("keeps a report with no photos and an empty note", async () => {
      const report = sampleSeasonReport({ photoKeys: [], note: "" });
      await succeed(store.put(report));
      expect(await succeed(store.get(report.planId))).toEqual(O.some(report));
    });

    it("publishes once: a second version 1 is a version conflict and the first stays", async () => {
      const first = sampleSeasonReport();
      await succeed(store.put(first));
      const error = await failWith(store.put(sampleSeasonReport({ note: "second" })));
      expect(error._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(store.get(first.planId))).toEqual(O.some(first));
    });

    it("edits the stored version only: a stale edit is refused", async () => {
      const first = sampleSeasonReport();
      await succeed(store.put(first));
      const edit = sampleSeasonReport({
        version: 2,
        note: "edited",
        updatedAt: instant("2026-09-11T00:00:00.000Z"),
      });
      expect(await succeed(store.put(edit))).toEqual(edit);
      const stale = await failWith(store.put(sampleSeasonReport({ version: 2, note: "stale" })));
      expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
      const skipped = await failWith(store.put(sampleSeasonReport({ version: 4 })));
      expect(skipped._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(store.get(first.planId))).toEqual(O.some(edit));
    });

    it("lets only one of two concurrent first publications win", async () => {
      const results = await Promise.all([
        store.put(sampleSeasonReport({ note: "a" }))(),
        store.put(sampleSeasonReport({ note: "b" }))(),
      ]);
      expect(results.filter((r) => r._tag === "Right")).toHaveLength(1);
    });
  });
};
